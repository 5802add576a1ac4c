package io.muxbench.driver.transport;

import io.muxbench.scenario.Authority;
import io.muxbench.scenario.Messages;
import io.muxbench.scenario.RequestTarget;
import java.net.URI;
import java.net.URISyntaxException;

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

    private RequestTargets() {
    }

    /**
     * @param origin    the origin under test (or the link in front of it), {@code http(s)://host:port/}
     * @param host      the resource's host, null for the origin under test
     * @param pathQuery the resource's path and query, starting with {@code /}
     * @throws IllegalArgumentException when no request for exactly this host and path can be made
     */
    public static URI of(URI origin, String host, String pathQuery) {
        // The scenario's own rules (Resource checks them too); then the URI is checked once more below.
        if (pathQuery == null || RequestTarget.problem(pathQuery) != null) {
            throw new IllegalArgumentException("the path " + Messages.quote(pathQuery) + " is not an origin-form request target");
        }
        if (host != null && Authority.problem(host) != null) {
            throw new IllegalArgumentException("the host " + Messages.quote(host) + " is not a host name");
        }
        String authority = host == null ? origin.getRawAuthority() : host;
        URI uri;
        try {
            uri = new URI(origin.getScheme() + "://" + authority + pathQuery);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the path " + Messages.quote(pathQuery) + " is not a valid URI path");
        }
        if (uri.getPort() > 65535) {
            throw new IllegalArgumentException("the port of " + Messages.quote(authority) + " is out of range");
        }
        if (uri.getHost() == null || !authority.equals(uri.getRawAuthority()) || uri.getRawFragment() != null
                || !pathQuery.equals(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))) {
            throw new IllegalArgumentException("the path " + Messages.quote(pathQuery) + " is not a path of " + authority);
        }
        return uri;
    }
}
