package io.muxbench.driver.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * The one place a request's URI is made: the origin's scheme, the authority of the resource's host
 * (the origin's own for the origin under test), then the scenario's path exactly as written. Never
 * {@link URI#resolve}: a path such as {@code //other.example/x} would name another server. The
 * authority of the result is checked, so no path can move a request to another host or port.
 *
 * <pre>{@code
 * URI uri = RequestTargets.of(URI.create("https://127.0.0.1:8443/"), "cdn.example", "/a.css?v=1");
 * // https://cdn.example/a.css?v=1: each browser's client connects it to the origin (or the link)
 * }</pre>
 */
public final class RequestTargets {

    /** A scenario host: a lower-case DNS name (a final dot allowed, as in real captures), optionally with a port. */
    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?(:[1-9][0-9]{0,4})?");

    private RequestTargets() {
    }

    /**
     * @param origin    the origin under test (or the link in front of it), {@code http(s)://host:port/}
     * @param host      the resource's host, null for the origin under test
     * @param pathQuery the resource's path and query, starting with {@code /}
     * @throws IllegalArgumentException when no request for exactly this host and path can be made
     */
    public static URI of(URI origin, String host, String pathQuery) {
        if (pathQuery == null || !pathQuery.startsWith("/")) {
            throw new IllegalArgumentException("the path " + printable(pathQuery) + " does not start with /");
        }
        if (host != null && (host.length() > 259 || !HOST.matcher(host).matches())) {
            throw new IllegalArgumentException("the host " + printable(host) + " is not a host name");
        }
        String authority = host == null ? origin.getRawAuthority() : host;
        URI uri;
        try {
            uri = new URI(origin.getScheme() + "://" + authority + pathQuery);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the path " + printable(pathQuery) + " is not a valid URI path");
        }
        if (uri.getPort() > 65535) {
            throw new IllegalArgumentException("the port of " + printable(authority) + " is out of range");
        }
        if (uri.getHost() == null || !authority.equals(uri.getRawAuthority()) || uri.getRawFragment() != null
                || !pathQuery.equals(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))) {
            throw new IllegalArgumentException("the path " + printable(pathQuery) + " is not a path of " + authority);
        }
        return uri;
    }

    /** A value for a message: quoted, control characters escaped, at most 200 characters. */
    static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("'");
        value.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(value.length() > 200 ? "...'" : "'").toString();
    }
}
