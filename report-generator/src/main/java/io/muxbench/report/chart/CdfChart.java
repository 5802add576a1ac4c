package io.muxbench.report.chart;

import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Cumulative distribution of page-load times, drawn as SVG: the share of page loads finished by a
 * given time, one line per mode.
 *
 * <pre>{@code
 * String svg = CdfChart.render("home · cable · cold", List.of(new PercentileChart.Series(run.mode(cell.mode()), micros)));
 * }</pre>
 */
public final class CdfChart {

    private CdfChart() {
    }

    public static String render(String title, List<PercentileChart.Series> series) {
        double maxMs = 0;
        for (PercentileChart.Series s : series) {
            maxMs = Math.max(maxMs, s.micros().getMaxValue() / 1000.0);
        }
        NiceScale x = NiceScale.upTo(maxMs, 6);
        Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT, "cdf");
        Frame frame = Frame.draw(svg, Frame.WIDTH, Frame.HEIGHT, Frame.BOTTOM, title, "page-load time (ms)",
                "page loads done (%)", new NiceScale(100, 20));
        for (int i = 0; i < x.tickCount(); i++) {
            frame.tickX(svg, frame.x(x.tick(i) / x.max()), x.label(x.tick(i)));
        }
        for (PercentileChart.Series s : series) {
            double[] xy = points(s.micros(), frame, x.max());
            svg.polyline(xy, xy.length / 2, "stroke:" + s.mode().color() + ";stroke-width:2");
        }
        frame.lineLegend(svg, series.stream().map(PercentileChart.Series::mode).toList(), true);
        return svg.end();
    }

    // Percentile steps rather than every distinct value: a few hundred points, finer in the tail.
    private static double[] points(Histogram h, Frame frame, double maxMs) {
        double[] xy = new double[2 * 400];
        int n = 0;
        xy[2 * n] = frame.x(h.getMinValue() / 1000.0 / maxMs);
        xy[2 * n++ + 1] = frame.y(0);
        for (HistogramIterationValue v : h.percentiles(5)) {
            if (n == xy.length / 2) {
                break;
            }
            xy[2 * n] = frame.x(h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0 / maxMs);
            xy[2 * n++ + 1] = frame.y(v.getPercentileLevelIteratedTo());
        }
        return Arrays.copyOf(xy, 2 * n);
    }
}
