package io.muxbench.report.chart;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * HdrHistogram's percentile distribution plot: latency against 1/(1-p) on a log scale, so the
 * median, the 90th, 99th and 99.9th percentiles get equal room and the tail is visible.
 * Drawn as SVG directly: XChart 3.8.8 cannot label a log axis at 50%/90%/99%/99.9% (its custom
 * tick formatter does not support log axes and loops on them).
 *
 * <pre>{@code
 * String svg = PercentileChart.render("home · cable · cold", List.of(new Series("h1", h1Micros)));
 * }</pre>
 */
public final class PercentileChart {

    /** One line: a name (its colour comes from {@link ModeColors}) and values in microseconds. */
    public record Series(String mode, Histogram micros) {
    }

    static final double WIDTH = 560;
    static final double HEIGHT = 320;
    private static final double LEFT = 62;
    private static final double RIGHT = 16;
    private static final double TOP = 30;
    private static final double BOTTOM = 46;
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
        NiceScale y = NiceScale.upTo(maxMs, 5);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;

        Svg svg = new Svg(WIDTH, HEIGHT, "percentiles");
        svg.text(WIDTH / 2, 18, "middle", "title", title);
        svg.rect(LEFT, TOP, plotW, plotH, "plot", "fill:#fff;stroke:#bbb");
        for (int i = 0; i < y.tickCount(); i++) {
            double py = TOP + plotH - y.tick(i) / y.max() * plotH;
            svg.line(LEFT, py, LEFT + plotW, py, "stroke:#e4e4e4");
            svg.text(LEFT - 6, py + 4, "end", "tick", y.label(y.tick(i)));
        }
        for (int d = 0; d <= decades; d++) {
            tickX(svg, LEFT + d / (double) decades * plotW, TOP, plotH, TICK_LABELS[d]);
        }
        tickX(svg, LEFT + Math.log10(2) / decades * plotW, TOP, plotH, "50%");
        svg.text(LEFT + plotW / 2, HEIGHT - 8, "middle", "axis", "percentile (log scale of 1/(1-p))");
        svg.open("g", "transform=\"translate(14 " + Svg.num(TOP + plotH / 2) + ") rotate(-90)\"")
                .text(0, 0, "middle", "axis", "page-load time (ms)").close("g");

        int legend = 0;
        for (Series s : series) {
            double[] xy = points(s.micros(), decades, plotW, plotH, y.max());
            String colour = ModeColors.css(s.mode());
            svg.polyline(xy, xy.length / 2, "stroke:" + colour + ";stroke-width:2");
            double ly = TOP + 14 + 16 * legend++;
            svg.line(LEFT + 10, ly - 4, LEFT + 30, ly - 4, "stroke:" + colour + ";stroke-width:3");
            svg.text(LEFT + 34, ly, "start", "legend", s.mode());
        }
        return svg.end();
    }

    private static void tickX(Svg svg, double x, double top, double plotH, String label) {
        svg.line(x, top, x, top + plotH, "stroke:#e4e4e4");
        svg.text(x, top + plotH + 15, "middle", "tick", label);
    }

    private static double[] points(Histogram h, int decades, double plotW, double plotH, double maxMs) {
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
            xy[2 * n] = LEFT + Math.log10(inverse) / decades * plotW;
            xy[2 * n + 1] = TOP + plotH - Math.min(valueMs, maxMs) / maxMs * plotH;
            n++;
            if (p >= 1) {
                break;
            }
        }
        return java.util.Arrays.copyOf(xy, 2 * n);
    }
}
