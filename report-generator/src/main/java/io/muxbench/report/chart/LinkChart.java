package io.muxbench.report.chart;

import io.muxbench.vocabulary.ModeDescription;
import java.util.List;
import java.util.Map;

/**
 * Median page-load time against link profile, drawn as SVG, one line per mode, so the reader sees
 * where, as the round trip grows, one protocol pulls ahead.
 *
 * <pre>{@code
 * String svg = LinkChart.render("home · cold", List.of("lan", "cable", "3g"),
 *         Map.of(ModeDescription.H1, List.of(3.0, 40.0, 400.0), ModeDescription.H2, List.of(2.0, 30.0, 250.0)));
 * }</pre>
 */
public final class LinkChart {

    private LinkChart() {
    }

    /**
     * @param links    x axis categories, in the run's order (labels may name the RTT)
     * @param p50ByMode for each mode (its colour draws the line), the median page-load time per link in milliseconds
     */
    public static String render(String title, List<String> links, Map<ModeDescription, List<Double>> p50ByMode) {
        double maxMs = p50ByMode.values().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).max().orElse(0);
        Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT, "links");
        Frame frame = Frame.draw(svg, Frame.WIDTH, Frame.HEIGHT, Frame.BOTTOM, title, "link profile",
                "median page-load time (ms)", NiceScale.upTo(maxMs, 5));
        double[] xs = new double[links.size()];
        for (int i = 0; i < links.size(); i++) {
            xs[i] = frame.x((i + 0.5) / links.size());
            frame.tickX(svg, xs[i], links.get(i));
        }
        p50ByMode.forEach((mode, p50s) -> {
            String colour = mode.color();
            double[] xy = new double[2 * p50s.size()];
            for (int i = 0; i < p50s.size(); i++) {
                xy[2 * i] = xs[i];
                xy[2 * i + 1] = frame.y(p50s.get(i));
            }
            svg.group("series", mode.id());
            svg.polyline(xy, p50s.size(), "stroke:" + colour + ";stroke-width:2");
            for (int i = 0; i < p50s.size(); i++) {
                svg.circle(xy[2 * i], xy[2 * i + 1], 3.5, "fill:" + colour);
            }
            svg.endGroup();
        });
        frame.lineLegend(svg, List.copyOf(p50ByMode.keySet()), false);
        return svg.end();
    }
}
