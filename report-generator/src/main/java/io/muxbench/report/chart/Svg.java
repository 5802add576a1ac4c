package io.muxbench.report.chart;

import java.util.Locale;

/**
 * A small builder for hand-drawn SVG. Text is always escaped; numbers are written with a dot
 * whatever the default locale.
 *
 * <pre>{@code
 * Svg svg = new Svg(400, 200, "waterfall");
 * svg.rect(10, 10, 50, 12, "bar", "fill:#1f77b4");
 * svg.text(10, 40, "start", "label", "/index.html");
 * String markup = svg.end();
 * }</pre>
 */
public final class Svg {

    private final StringBuilder out = new StringBuilder();

    public Svg(double width, double height, String cssClass) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart ").append(escape(cssClass))
                .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height))
                .append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    }

    /** Escapes text for XML and HTML content and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    // Control characters are not allowed in XML 1.0; they never carry meaning in a label.
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append('?');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** A number for an SVG attribute: at most one decimal (a tenth of a pixel), locale-independent. */
    public static String num(double value) {
        if (!Double.isFinite(value)) {
            return "0";
        }
        String s = String.format(Locale.ROOT, "%.1f", value);
        s = s.indexOf('.') >= 0 ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return "-0".equals(s) ? "0" : s;
    }

    public Svg open(String element, String attributes) {
        out.append('<').append(element).append(attributes.isEmpty() ? "" : " " + attributes).append(">\n");
        return this;
    }

    public Svg close(String element) {
        out.append("</").append(element).append(">\n");
        return this;
    }

    /** Opens a group with a class; {@code title} (may be null) becomes a hover tooltip. */
    public Svg group(String cssClass, String title) {
        out.append("<g class=\"").append(escape(cssClass)).append("\">");
        if (title != null) {
            out.append("<title>").append(escape(title)).append("</title>");
        }
        out.append('\n');
        return this;
    }

    public Svg endGroup() {
        return close("g");
    }

    public Svg rect(double x, double y, double width, double height, String cssClass, String style) {
        rectStart(x, y, width, height, cssClass).append(" style=\"").append(escape(style)).append("\"/>\n");
        return this;
    }

    /**
     * A horizontal segment whose colour and thickness come from the style sheet (stroke, stroke-width):
     * the smallest way to write one of thousands of bars.
     */
    public Svg hbar(double x, double y, double length, String cssClass) {
        out.append("<path class=\"").append(escape(cssClass)).append("\" d=\"M").append(num(x)).append(' ').append(num(y))
                .append('h').append(num(length)).append("\"/>");
        return this;
    }

    /** A rectangle styled by the page's style sheet alone: charts with many bars keep their colours there. */
    public Svg rect(double x, double y, double width, double height, String cssClass) {
        rectStart(x, y, width, height, cssClass).append("/>\n");
        return this;
    }

    private StringBuilder rectStart(double x, double y, double width, double height, String cssClass) {
        return out.append("<rect class=\"").append(escape(cssClass)).append("\" x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append("\" width=\"").append(num(Math.max(0, width))).append("\" height=\"")
                .append(num(Math.max(0, height))).append('"');
    }

    public Svg line(double x1, double y1, double x2, double y2, String style) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"")
                .append(num(x2)).append("\" y2=\"").append(num(y2)).append("\" style=\"").append(escape(style))
                .append("\"/>\n");
        return this;
    }

    public Svg circle(double cx, double cy, double r, String style) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy)).append("\" r=\"").append(num(r))
                .append("\" style=\"").append(escape(style)).append("\"/>\n");
        return this;
    }

    /** A polyline through points given as x0, y0, x1, y1, ...; points that round to the previous one are left out. */
    public Svg polyline(double[] xy, int points, String style) {
        out.append("<polyline fill=\"none\" style=\"").append(escape(style)).append("\" points=\"");
        String previous = null;
        for (int i = 0; i < points; i++) {
            String point = num(xy[2 * i]) + ',' + num(xy[2 * i + 1]);
            if (!point.equals(previous)) {
                out.append(previous == null ? "" : " ").append(point);
                previous = point;
            }
        }
        out.append("\"/>\n");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end, or null when the style sheet sets it for the class. */
    public Svg text(double x, double y, String anchor, String cssClass, String text) {
        out.append("<text class=\"").append(escape(cssClass)).append("\" x=\"").append(num(x)).append("\" y=\"")
                .append(num(y)).append(anchor == null ? "" : "\" text-anchor=\"" + anchor).append("\">").append(escape(text))
                .append("</text>\n");
        return this;
    }

    /** Closes the document and returns it. */
    public String end() {
        return out.append("</svg>\n").toString();
    }
}
