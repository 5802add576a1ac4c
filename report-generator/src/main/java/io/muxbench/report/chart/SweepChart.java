package io.muxbench.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Values against the points of a sweep (one variable varied, the others fixed), drawn as SVG: the
 * points evenly spaced as categories, one line with markers per series. Measured series are solid,
 * published ones dashed with hollow markers. A missing value (null, NaN) leaves a gap in a measured
 * line (nothing was measured there) and is stepped over by a published one (the study gave no figure
 * there, but its trend runs on). The y axis
 * goes below zero when a value does (a gain that is a loss), with a zero line.
 *
 * <pre>{@code
 * String svg = SweepChart.render("Page-load time against RTT", "RTT", "mean page-load time (ms)",
 *         List.of("20 ms", "40 ms", "80 ms"),
 *         List.of(new SweepChart.Line("h1", ModeDescription.H1.color(), false, Arrays.asList(120.0, 200.0, null)),
 *                 new SweepChart.Line("published HTTP", ModeDescription.H1.color(), true, List.of(130.0, 210.0, 380.0))));
 * }</pre>
 */
public final class SweepChart {

    /**
     * One series.
     *
     * @param name   its legend entry
     * @param color  CSS hex colour
     * @param dashed true for published figures: dashed, hollow markers
     * @param values one per point, null (or not finite) where there is none; a shorter list leaves the last points empty
     */
    public record Line(String name, String color, boolean dashed, List<Double> values) {
    }

    private SweepChart() {
    }

    public static String render(String title, String xTitle, String yTitle, List<String> points, List<Line> lines) {
        double min = 0;
        double max = 0;
        for (Line line : lines) {
            for (int i = 0; i < points.size(); i++) {
                Double value = value(line, i);
                if (value != null) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        NiceScale scale = NiceScale.spanning(min, max, 5);
        Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT, "sweep");
        Frame frame = Frame.draw(svg, Frame.WIDTH, Frame.HEIGHT, Frame.BOTTOM, title, xTitle, yTitle, scale);
        double[] xs = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = frame.x((i + 0.5) / points.size());
            frame.tickX(svg, xs[i], points.get(i));
        }
        if (scale.min() < 0) {
            svg.line(frame.left, frame.y(0), frame.left + frame.width, frame.y(0), "stroke:#555;stroke-width:1");
        }
        for (Line line : lines) {
            drawLine(svg, frame, xs, line);
        }
        legend(svg, frame, lines);
        return svg.end();
    }

    private static void drawLine(Svg svg, Frame frame, double[] xs, Line line) {
        String stroke = "stroke:" + line.color() + ";stroke-width:2" + (line.dashed() ? ";stroke-dasharray:6 4" : "");
        svg.group("series", line.name());
        // A gap splits a measured line: each run of consecutive values is its own polyline.
        List<double[]> run = new ArrayList<>();
        for (int i = 0; i <= xs.length; i++) {
            Double value = i < xs.length ? value(line, i) : null;
            boolean end = i == xs.length || value == null && !line.dashed();
            if (value != null) {
                run.add(new double[] {xs[i], frame.y(value)});
            } else if (end && !run.isEmpty()) {
                double[] xy = new double[2 * run.size()];
                for (int j = 0; j < run.size(); j++) {
                    xy[2 * j] = run.get(j)[0];
                    xy[2 * j + 1] = run.get(j)[1];
                }
                if (run.size() > 1) {
                    svg.polyline(xy, run.size(), stroke);
                }
                for (double[] point : run) {
                    svg.circle(point[0], point[1], 3.5, line.dashed() ? "fill:#fff;stroke:" + line.color() + ";stroke-width:1.5"
                            : "fill:" + line.color());
                }
                run.clear();
            }
        }
        svg.endGroup();
    }

    /** Whether any line has a value to draw. */
    public static boolean hasValues(List<Line> lines, int points) {
        for (Line line : lines) {
            for (int i = 0; i < points; i++) {
                if (value(line, i) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The line's value at point {@code i}, or null when it has none there. */
    private static Double value(Line line, int i) {
        if (line.values() == null || i >= line.values().size()) {
            return null;
        }
        Double value = line.values().get(i);
        return value == null || !Double.isFinite(value) ? null : value;
    }

    /** Stacked in the plot's top-left corner, each entry drawn as its line is (solid or dashed). */
    private static void legend(Svg svg, Frame frame, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        int longest = lines.stream().mapToInt(l -> l.name().length()).max().orElse(0);
        double x = frame.left + 10;
        double y = frame.top + 14;
        // Drawn over the series: a light box keeps it readable where a line passes under it.
        svg.rect(x - 4, y - 12, 32 + longest * 6.3, 16 * lines.size() + 2, "legend-box", "fill:#fff;fill-opacity:0.85");
        for (Line line : lines) {
            svg.line(x, y - 4, x + 20, y - 4, "stroke:" + line.color() + ";stroke-width:3"
                    + (line.dashed() ? ";stroke-dasharray:5 3" : ""));
            svg.text(x + 24, y, "start", "legend", line.name());
            y += 16;
        }
    }
}
