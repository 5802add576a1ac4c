package io.muxbench.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The request targets a scenario may name: RFC 3986 origin-form, a path and an optional query,
 * that every client sends and every server answers the same way. The loader refuses anything else,
 * and the HAR importer {@link #escape escapes} recorded URLs until they are such a target.
 *
 * <pre>{@code
 * String problem = RequestTarget.problem("/a/../b");   // "must not hold '.' or '..' segments ..."; null when valid
 * }</pre>
 *
 * <p>Why each rule: a leading {@code //} is a network-path reference (a client resolving it against
 * the origin connects to another host); dot segments, empty segments and encoded slashes are
 * ambiguous, so servers refuse them; {@code #}, non-ASCII and characters outside RFC 3986 break one
 * client or another differently from the next, which would bias a comparison of transports.
 */
public final class RequestTarget {

    /**
     * Longest target accepted, in characters: real pages hold ad and tracking URLs of a few
     * thousand, and with {@link HttpFields#MAX_REQUEST_TOTAL_LENGTH} of request fields a request
     * still fits the 8 KiB header block servers accept.
     */
    public static final int MAX_LENGTH = 4096;

    /** Characters a target may hold as they are, besides ASCII letters and digits (RFC 3986 pchar, '/' and '?'). */
    private static final String ALLOWED = "-._~!$&'()*+,;=:@/?";

    private RequestTarget() {
    }

    /** Why {@code target} is not a valid origin-form target (a phrase that ends with the value); null when it is. */
    public static String problem(String target) {
        if (target.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters, got " + target.length();
        }
        String got = ", got " + Messages.quote(target);
        if (!target.startsWith("/")) {
            return "must start with '/'" + got;
        }
        if (target.startsWith("//")) {
            return "must not start with '//' (a client reads that as another host: a network-path reference)" + got;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '#') {
                return "must not hold a fragment ('#')" + got;
            }
            if (c == '%' && !(i + 2 < target.length() && isHex(target.charAt(i + 1)) && isHex(target.charAt(i + 2)))) {
                return "must write '%' only as %XX with two hex digits" + got;
            }
            if (c != '%' && !isPlain(c)) {
                return "may hold only letters, digits, %XX and " + ALLOWED + " (RFC 3986 origin-form), not "
                        + Messages.quote(String.valueOf(c)) + " at index " + i + got;
            }
        }
        int query = target.indexOf('?');
        String[] segments = (query < 0 ? target : target.substring(0, query)).split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            String bare = segment.replaceFirst(";.*", "").toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (bare.equals(".") || bare.equals("..")) {
                return "must not hold '.' or '..' segments (also as %2e)" + got;
            }
            String lower = segment.toLowerCase(Locale.ROOT);
            if (lower.contains("%2f") || lower.contains("%5c")) {
                return "must not hold an encoded slash or backslash (%2F, %5C) before its query" + got;
            }
            if (segment.isEmpty() && i < segments.length - 1) {
                return "must not hold an empty segment ('//')" + got;
            }
        }
        return null;
    }

    /**
     * Percent-encodes (as UTF-8) every character a target may not hold as it is, and every '%' that
     * does not start a %XX escape. A target that starts with '/' then passes {@link #problem} unless
     * it has dot segments, empty segments or encoded slashes, or is too long.
     */
    public static String escape(String target) {
        StringBuilder sb = new StringBuilder(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean plain = isPlain(c)
                    || (c == '%' && i + 2 < target.length() && isHex(target.charAt(i + 1)) && isHex(target.charAt(i + 2)));
            if (plain) {
                sb.append(c);
                continue;
            }
            int codePointEnd = Character.isHighSurrogate(c) && i + 1 < target.length() ? i + 2 : i + 1;
            for (byte b : target.substring(i, codePointEnd).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
            i = codePointEnd - 1;
        }
        return sb.toString();
    }

    private static boolean isPlain(char c) {
        return (c < 0x80 && Character.isLetterOrDigit(c)) || ALLOWED.indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return c < 0x80 && Character.digit(c, 16) >= 0;
    }
}
