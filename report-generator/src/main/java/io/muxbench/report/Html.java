package io.muxbench.report;

import io.muxbench.report.chart.Svg;
import java.util.Locale;

/**
 * Builds HTML text. Every string from input goes through {@link #text}; only markup this code
 * wrote itself goes through {@link #raw}.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(256 * 1024);

    /** Escapes text for HTML content and attribute values. */
    static String esc(String text) {
        return Svg.escape(text);
    }

    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html text(String text) {
        out.append(esc(text));
        return this;
    }

    /** {@code <tag>text</tag>}, text escaped. */
    Html element(String tag, String text) {
        out.append('<').append(tag).append('>').append(esc(text)).append("</").append(tag).append('>');
        return this;
    }

    /** Opens a table with a header row. */
    Html table(String cssClass, String... headers) {
        out.append("<table class=\"").append(cssClass).append("\"><thead><tr>");
        for (String header : headers) {
            element("th", header);
        }
        out.append("</tr></thead><tbody>\n");
        return this;
    }

    /** A row of plain-text cells. */
    Html row(String... cells) {
        out.append("<tr>");
        for (String cell : cells) {
            element("td", cell);
        }
        out.append("</tr>\n");
        return this;
    }

    Html endTable() {
        out.append("</tbody></table>\n");
        return this;
    }

    /** A paragraph of plain text with a class. */
    Html note(String cssClass, String text) {
        out.append("<p class=\"").append(cssClass).append("\">").append(esc(text)).append("</p>\n");
        return this;
    }

    /** Milliseconds for people: three significant digits. */
    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", millis);
        }
        return String.format(Locale.ROOT, millis >= 10 ? "%.1f ms" : "%.2f ms", millis);
    }

    /** Bytes for people, in binary units. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024));
    }

    static String num(double value, int decimals) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
