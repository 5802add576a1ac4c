package io.muxbench.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header fields a scenario may set: names that are RFC 9110 tokens, values of visible ASCII,
 * spaces and tabs (what HTTP/1.1 and HTTP/2 carry alike: Jetty turns a CR/LF into spaces on h1 and
 * resets the stream on h2, which would bias the comparison), and sizes well under the 8 KiB that
 * servers and clients accept for a whole header block. The HAR importer keeps only such fields too.
 */
public final class HttpFields {

    /** Longest value of one field, in characters. */
    public static final int MAX_VALUE_LENGTH = 4096;

    /** Most characters of all response field names and values together (leaves room for what the origin adds). */
    public static final int MAX_RESPONSE_TOTAL_LENGTH = 6144;

    /**
     * Most characters of all request field names and values together: with a path of
     * {@link RequestTarget#MAX_LENGTH} and the fields the client adds, a request stays under 8 KiB.
     */
    public static final int MAX_REQUEST_TOTAL_LENGTH = 3072;

    /** Hop-by-hop fields: they belong to one connection, not to a resource, and HTTP/2 forbids them. */
    public static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authenticate", "proxy-authorization");

    private HttpFields() {
    }

    /** Whether {@code name} is an RFC 9110 token (so no pseudo-header, no space, no colon). */
    public static boolean isToken(String name) {
        return !name.isEmpty() && name.chars().allMatch(HttpFields::isTokenChar);
    }

    /** Visible ASCII, spaces and tabs only: what an HTTP field value can carry safely. */
    public static boolean isPrintable(String value) {
        return value.chars().allMatch(c -> c == '\t' || (c >= ' ' && c < 0x7f));
    }

    /** Whether a value is printable and short enough. */
    public static boolean isValidValue(String value) {
        return value.length() <= MAX_VALUE_LENGTH && isPrintable(value);
    }

    /** Whether a name is hop-by-hop (proxy-* included). */
    public static boolean isHopByHop(String lowerCaseName) {
        return HOP_BY_HOP.contains(lowerCaseName) || lowerCaseName.startsWith("proxy-");
    }

    /**
     * Checks a scenario's map of fields; throws IllegalArgumentException starting with {@code field}.
     *
     * @param maxTotal most characters of names and values together
     * @param reserved names (lower case) the transport or the format owns, refused with {@code why}
     */
    static void check(String field, Map<String, String> fields, int maxTotal, Set<String> reserved, String why) {
        long total = 0;
        for (Map.Entry<String, String> header : fields.entrySet()) {
            String name = header.getKey();
            String value = header.getValue();
            if (name == null || !isToken(name)) {
                throw new IllegalArgumentException(field + " names must be HTTP tokens (letters, digits and"
                        + " !#$%&'*+-.^_|~; no ':' pseudo-headers), got " + Messages.quote(name));
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (isHopByHop(lower)) {
                throw new IllegalArgumentException(field + " must not set " + Messages.quote(name)
                        + ": hop-by-hop fields belong to the connection, and HTTP/2 forbids them");
            }
            if (reserved.contains(lower)) {
                throw new IllegalArgumentException(field + " must not set " + Messages.quote(name) + ": " + why);
            }
            if (value == null) {
                throw new IllegalArgumentException(field + " field " + Messages.quote(name) + " has no value");
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException(field + " field " + Messages.quote(name) + " is longer than "
                        + MAX_VALUE_LENGTH + " characters (" + value.length() + ")");
            }
            if (!isPrintable(value)) {
                throw new IllegalArgumentException(field + " field " + Messages.quote(name) + " may hold only visible"
                        + " ASCII, spaces and tabs (no CR/LF, control or non-ASCII characters), got " + Messages.quote(value));
            }
            total += name.length() + value.length();
        }
        if (total > maxTotal) {
            throw new IllegalArgumentException(field + " hold " + total + " characters of names and values; at most "
                    + maxTotal + " fit in a header block with what the transport adds");
        }
    }

    private static boolean isTokenChar(int c) {
        return c > ' ' && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
