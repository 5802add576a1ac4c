package io.muxbench.report.chart;

import java.util.List;
import java.util.Locale;

/**
 * Horizontal bars with error whiskers, drawn as SVG: one bar per benchmark, long names readable on
 * the left (upright category bars would make such names collide).
 *
 * <pre>{@code
 * String svg = ErrorBarChart.render("HpackBench (ns/op)", List.of(new Bar("encode [size=SMALL]", 120.5, 3.2)));
 * }</pre>
 */
public final class ErrorBarChart {

    /** One bar; {@code error} is the half-width of the interval, NaN when unknown. */
    public record Bar(String label, double value, double error) {
    }

    private static final double PLOT_W = 390;
    /** Width of one character of a label, roughly, at the label font size. */
    private static final double CHAR_W = 6.6;
    private static final double ROW = 22;
    private static final double TOP = 44;

    private ErrorBarChart() {
    }

    /** A score for people: grouped digits when large, four significant digits otherwise, never an exponent. */
    public static String readable(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Math.abs(value) >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    public static String render(String title, String unit, List<Bar> bars) {
        double max = 0;
        for (Bar bar : bars) {
            max = Math.max(max, bar.value() + (Double.isNaN(bar.error()) ? 0 : bar.error()));
        }
        NiceScale scale = NiceScale.upTo(max, 6);
        int longest = 0;
        for (Bar bar : bars) {
            longest = Math.max(longest, bar.label().length());
        }
        // Room for the longest label (parameters make them long), within reason.
        final double labelW = Math.max(160, Math.min(620, longest * CHAR_W + 16));
        final double width = labelW + PLOT_W + 70;
        double plotW = PLOT_W;
        double height = TOP + bars.size() * ROW + 30;
        Svg svg = new Svg(width, height, "jmh");
        svg.text(8, 16, "start", "title", title);
        double bottom = TOP + bars.size() * ROW;
        for (int i = 0; i < scale.tickCount(); i++) {
            double x = labelW + scale.tick(i) / scale.max() * plotW;
            svg.line(x, TOP - 4, x, bottom, "stroke:#e4e4e4");
            svg.text(x, bottom + 14, "middle", "tick", scale.label(scale.tick(i)));
        }
        svg.text(labelW + plotW / 2, bottom + 27, "middle", "axis", unit);
        double y = TOP;
        for (Bar bar : bars) {
            svg.group("jmh-bar", bar.label() + ": " + readable(bar.value()) + " ± " + readable(bar.error()) + " " + unit);
            svg.text(labelW - 8, y + 15, "end", "label", bar.label());
            double w = bar.value() / scale.max() * plotW;
            svg.rect(labelW, y + 4, w, ROW - 8, "bar", "fill:#4c78a8");
            if (!Double.isNaN(bar.error()) && bar.error() > 0) {
                double lo = labelW + Math.max(0, bar.value() - bar.error()) / scale.max() * plotW;
                double hi = labelW + (bar.value() + bar.error()) / scale.max() * plotW;
                String stroke = "stroke:#222;stroke-width:1.5";
                svg.line(lo, y + ROW / 2, hi, y + ROW / 2, stroke);
                svg.line(lo, y + 6, lo, y + ROW - 6, stroke);
                svg.line(hi, y + 6, hi, y + ROW - 6, stroke);
            }
            svg.text(Math.max(labelW + w, labelW) + 4 + (Double.isNaN(bar.error()) ? 0 : bar.error() / scale.max() * plotW),
                    y + 15, "start", "value", readable(bar.value()));
            svg.endGroup();
            y += ROW;
        }
        return svg.end();
    }
}
