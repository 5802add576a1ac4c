package io.muxbench.scenario.har;

import io.muxbench.scenario.RequestTarget;
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
 * @param key           the URL without its fragment and credentials, as the capture spells it
 *                      otherwise (to match initiators)
 */
record HarUrl(String scheme, String host, String pathAndQuery, String key) {

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
        String authority = rest.substring(0, end);
        String host = authorityToHost(scheme, authority);
        String target = rest.substring(end);
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        // Servers reject empty segments as ambiguous (Jetty: "Ambiguous URI empty segment"); proxied
        // URLs such as /img/res/https://cdn/x.png hold them, so they are collapsed.
        path = withoutAmbiguity(RequestTarget.escape("/" + path.replaceAll("/{2,}", "/").replaceFirst("^/", "")));
        // Credentials in a URL (user:pw@) never reach the scenario, its description or the summary line.
        String withoutUserinfo = scheme + "://" + authority.substring(authority.lastIndexOf('@') + 1) + target;
        return new HarUrl(scheme, host, path + (query < 0 ? "" : RequestTarget.escape(target.substring(query))),
                withoutUserinfo);
    }

    /**
     * Resolves dot segments (also written %2e) as a browser does before sending, and writes an encoded
     * slash or backslash as data (%252F): servers refuse both as ambiguous ({@link RequestTarget}).
     */
    private static String withoutAmbiguity(String path) {
        String[] segments = path.substring(1).split("/", -1);
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            String bare = segments[i].replaceFirst(";.*", "").toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (bare.equals(".") || bare.equals("..")) {
                if (bare.equals("..") && !kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                if (last) {
                    kept.add("");
                }
                continue;
            }
            kept.add(segments[i].replaceAll("%(?i)(2f|5c)", "%25$1"));
        }
        return "/" + String.join("/", kept);
    }

    private static String authorityToHost(String scheme, String authority) {
        String host = authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if ((scheme.equals("http") && host.endsWith(":80")) || (scheme.equals("https") && host.endsWith(":443"))) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        return host;
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
