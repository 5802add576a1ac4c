package io.muxbench.scenario.har;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request URL of a capture, split into what a scenario needs: the scheme, the host (with its port
 * when it is not the scheme's default) and the path with its query, escaped so that it is a valid
 * request target, with empty path segments collapsed. Captures hold URLs that {@link java.net.URI} rejects ({@code |}, {@code {}},
 * spaces, non-ASCII), so this parses leniently instead.
 *
 * @param scheme        lower case, without ':'
 * @param host          lower case, empty for URLs without an authority
 * @param pathAndQuery  starts with '/', never holds a fragment
 * @param key           the URL without its fragment, as the capture spells it (to match initiators)
 */
record HarUrl(String scheme, String host, String pathAndQuery, String key) {

    /** Characters a request target may hold as they are (RFC 3986 unreserved, sub-delims, ':', '@', '/', '?'). */
    private static final String ALLOWED = "-._~!$&'()*+,;=:@/?";

    /** Parses a URL; null when it has no scheme. */
    static HarUrl parse(String url) {
        String trimmed = url.strip();
        int hash = trimmed.indexOf('#');
        String key = hash < 0 ? trimmed : trimmed.substring(0, hash);
        int colon = key.indexOf(':');
        if (colon <= 0 || !key.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return null;
        }
        String scheme = key.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = key.substring(colon + 1);
        if (!rest.startsWith("//")) {
            return new HarUrl(scheme, "", "/", key);
        }
        rest = rest.substring(2);
        int end = 0;
        while (end < rest.length() && "/?".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String host = authorityToHost(scheme, rest.substring(0, end));
        String target = rest.substring(end);
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        // Servers reject empty segments as ambiguous (Jetty: "Ambiguous URI empty segment"); proxied
        // URLs such as /img/res/https://cdn/x.png hold them, so they are collapsed.
        path = "/" + path.replaceAll("/{2,}", "/").replaceFirst("^/", "");
        return new HarUrl(scheme, host, escape(query < 0 ? path : path + target.substring(query)), key);
    }

    private static String authorityToHost(String scheme, String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") && host.endsWith(":80")) || (scheme.equals("https") && host.endsWith(":443"))) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        return host;
    }

    /** Percent-encodes (as UTF-8) every character a request target may not hold, and stray '%'. */
    static String escape(String target) {
        StringBuilder sb = new StringBuilder(target.length());
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            boolean plain = (c < 0x80 && Character.isLetterOrDigit(c)) || ALLOWED.indexOf(c) >= 0
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

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }

    /** Resolves a redirect's Location against this URL; null when it cannot be understood. */
    String resolve(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String loc = location.strip();
        if (loc.startsWith("//")) {
            return scheme + ":" + loc;
        }
        if (loc.startsWith("/")) {
            return scheme + "://" + host + loc;
        }
        if (parse(loc) != null) {
            return loc;
        }
        try {
            return java.net.URI.create(key).resolve(loc).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
