package io.muxbench.scenario;

/**
 * Puts values from a file into a one-line message safely: quoted, control and non-ASCII characters
 * written as escapes (a CR/LF in a host name must not reach the terminal raw), long values cut.
 *
 * <pre>{@code
 * "got " + Messages.quote("a\r\nb")   // got "a\r\nb"
 * }</pre>
 */
public final class Messages {

    /** The most characters of a value a message shows. */
    private static final int MAX_SHOWN = 80;

    private Messages() {
    }

    /** The value in double quotes, escaped and cut to {@value #MAX_SHOWN} characters ("..." marks a cut). */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) : value;
        return "\"" + escape(shown) + (shown.length() < value.length() ? "...\"" : "\"");
    }

    /** Control characters as \n, \r, \t or \\uXXXX, non-ASCII as \\uXXXX, everything else as it is. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < ' ' || c >= 0x7f) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Jackson's message, first line only and without Java: its hints name classes and settings
     * ("from `StreamReadConstraints...`", "`java.lang.String`") that mean nothing to someone writing JSON.
     */
    public static String fromJackson(String message) {
        String text = String.valueOf(message).lines().findFirst().orElse("");
        text = text.replaceAll(",? from `[^`]*`", "").replaceAll("`(?:[\\w$]+\\.)+([\\w$]+)`", "$1");
        if (text.contains("Exception") || text.contains("java.") || text.contains("jackson") || text.contains("`")) {
            return "not a valid value here";
        }
        return text;
    }
}
