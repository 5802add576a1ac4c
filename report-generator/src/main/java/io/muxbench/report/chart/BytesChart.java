package io.muxbench.report.chart;

import java.util.List;
import java.util.Locale;

/**
 * Bytes on the wire per page load as stacked bars, drawn as SVG: request and response headers and
 * framing against bodies, one bar per mode, so the cost of HPACK-less HTTP/1.1 headers shows.
 *
 * <pre>{@code
 * String svg = BytesChart.render("home", List.of(new Bar(mode.id() + " " + reuse, 9000, 0, 40000, 800000)), false);
 * }</pre>
 */
public final class BytesChart {

    /** One bar: its label and its four parts, in bytes per page load. */
    public record Bar(String label, long headersSent, long bodySent, long headersReceived, long bodyReceived) {
    }

    private record Part(String name, String colour) {
    }

    private static final Part HEADERS_SENT = new Part("request headers", "#6baed6");
    private static final Part BODY_SENT = new Part("request bodies", "#08519c");
    private static final Part HEADERS_RECEIVED = new Part("response headers", "#fdae6b");
    private static final Part BODY_RECEIVED = new Part("response bodies", "#d94801");
    /** Room under the plot: tick labels (slanted when there are many bars), the axis title, the legend. */
    private static final double BOTTOM = 70;
    private static final double SLANTED_EXTRA = 34;

    private BytesChart() {
    }

    /** All four parts stacked; with {@code headersOnly}, just the headers and framing, which bodies would dwarf. */
    public static String render(String title, List<Bar> bars, boolean headersOnly) {
        List<Part> parts = headersOnly ? List.of(HEADERS_SENT, HEADERS_RECEIVED)
                : List.of(HEADERS_SENT, BODY_SENT, HEADERS_RECEIVED, BODY_RECEIVED);
        boolean slanted = bars.size() > 4;
        double width = headersOnly ? Frame.WIDTH : 660;
        double bottom = BOTTOM + (slanted ? SLANTED_EXTRA : 0);
        double height = Frame.HEIGHT + (slanted ? SLANTED_EXTRA : 0);
        double maxKib = bars.stream().mapToDouble(b -> sum(kib(b, parts))).max().orElse(0);
        Svg svg = new Svg(width, height, "bytes");
        Frame frame = Frame.draw(svg, width, height, bottom, title, null, "KiB per page load", NiceScale.upTo(maxKib, 5));
        double slot = frame.width / Math.max(1, bars.size());
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double centre = frame.x((i + 0.5) / bars.size());
            double[] kib = kib(bar, parts);
            svg.group("stack", String.format(Locale.ROOT, "%s: %.1f KiB per page load", bar.label(), sum(kib)));
            double base = 0;
            for (int p = 0; p < parts.size(); p++) {
                double top = frame.y(base + kib[p]);
                svg.rect(centre - slot * 0.35, top, slot * 0.7, frame.y(base) - top, "part", "fill:" + parts.get(p).colour());
                base += kib[p];
            }
            svg.endGroup();
            double labelY = frame.top + frame.height + 15;
            if (slanted) {
                svg.open("g", "transform=\"translate(" + Svg.num(centre + 4) + " " + Svg.num(labelY - 4) + ") rotate(-20)\"")
                        .text(0, 0, "end", "tick", bar.label()).close("g");
            } else {
                svg.text(centre, labelY, "middle", "tick", bar.label());
            }
        }
        double below = frame.top + frame.height + (slanted ? SLANTED_EXTRA : 0);
        svg.text(frame.x(0.5), below + 34, "middle", "axis", "mode, reuse");
        double x = frame.left;
        for (Part part : parts) {
            svg.rect(x, below + 46, 12, 10, "legend-key", "fill:" + part.colour());
            svg.text(x + 16, below + 55, "start", "legend", part.name());
            x += 28 + part.name().length() * 6.3;
        }
        return svg.end();
    }

    private static double[] kib(Bar bar, List<Part> parts) {
        double[] kib = new double[parts.size()];
        for (int p = 0; p < parts.size(); p++) {
            Part part = parts.get(p);
            long bytes = part == HEADERS_SENT ? bar.headersSent() : part == BODY_SENT ? bar.bodySent()
                    : part == HEADERS_RECEIVED ? bar.headersReceived() : bar.bodyReceived();
            kib[p] = bytes / 1024.0;
        }
        return kib;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
