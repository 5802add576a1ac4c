package io.muxbench.report.chart;

import io.muxbench.vocabulary.ModeDescription;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * HdrHistogram's percentile distribution plot: latency against 1/(1-p) on a log scale, so the
 * median, the 90th, 99th and 99.9th percentiles get equal room and the tail is visible.
 * Drawn as SVG, with the axis labelled at 50%, 90%, 99%, 99.9%.
 *
 * <pre>{@code
 * String svg = PercentileChart.render("home · cable · cold", List.of(new Series(run.mode(cell.mode()), micros)));
 * }</pre>
 */
public final class PercentileChart {

    /** One line: the mode (its id names the line, its colour draws it) and its values in microseconds. */
    public record Series(ModeDescription mode, Histogram micros) {
    }

    /** Labels of the decades of 1/(1-p); the first stays blank so it cannot collide with "50%". */
    private static final String[] TICK_LABELS = {"", "90%", "99%", "99.9%", "99.99%", "99.999%"};

    private PercentileChart() {
    }

    public static String render(String title, List<Series> series) {
        long maxCount = 1;
        double maxMs = 0;
        for (Series s : series) {
            maxCount = Math.max(maxCount, s.micros().getTotalCount());
            maxMs = Math.max(maxMs, s.micros().getMaxValue() / 1000.0);
        }
        // Decades of 1/(1-p) worth showing: beyond 1/count the percentiles are all the maximum.
        int decades = (int) Math.max(2, Math.min(5, Math.ceil(Math.log10(maxCount))));
        Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT, "percentiles");
        Frame frame = Frame.draw(svg, Frame.WIDTH, Frame.HEIGHT, Frame.BOTTOM, title,
                "percentile (log scale of 1/(1-p))", "page-load time (ms)", NiceScale.upTo(maxMs, 5));
        for (int d = 0; d <= decades; d++) {
            frame.tickX(svg, frame.x(d / (double) decades), TICK_LABELS[d]);
        }
        frame.tickX(svg, frame.x(Math.log10(2) / decades), "50%");
        for (Series s : series) {
            double[] xy = points(s.micros(), decades, frame);
            svg.polyline(xy, xy.length / 2, "stroke:" + s.mode().color() + ";stroke-width:2");
        }
        frame.lineLegend(svg, series.stream().map(Series::mode).toList(), false);
        return svg.end();
    }

    private static double[] points(Histogram h, int decades, Frame frame) {
        double maxX = Math.pow(10, decades);
        double[] xy = new double[2 * 512];
        int n = 0;
        for (HistogramIterationValue v : h.percentiles(5)) {
            if (n == xy.length / 2) {
                break;
            }
            double p = v.getPercentileLevelIteratedTo() / 100.0;
            double inverse = p >= 1 ? maxX : Math.min(maxX, 1 / (1 - p));
            double valueMs = h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0;
            xy[2 * n] = frame.x(Math.log10(inverse) / decades);
            xy[2 * n + 1] = frame.y(valueMs);
            n++;
            if (p >= 1) {
                break;
            }
        }
        return java.util.Arrays.copyOf(xy, 2 * n);
    }
}
