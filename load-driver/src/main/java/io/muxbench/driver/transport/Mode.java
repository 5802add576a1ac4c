package io.muxbench.driver.transport;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one variable muxbench measures. The switch from a mode to its client is here and nowhere else
 * ({@link #newClient}); the switch to the origin's connection factories is in the origin, which
 * offers all of them on every port.
 */
public enum Mode {
    /** HTTP/1.1, up to 6 connections per browser and origin, one request at a time on each. */
    H1("h1"),
    /** HTTP/1.1 with pipelining: requests written back to back, answered in order. */
    H1_PIPELINED("h1-pipelined"),
    /** HTTP/2: one connection, many concurrent streams. */
    H2("h2");

    private final String id;

    Mode(String id) {
        this.id = id;
    }

    /** The name used on the command line and in results. */
    public String id() {
        return id;
    }

    /** The ALPN protocol this mode must negotiate over TLS. */
    public String alpn() {
        return this == H2 ? "h2" : "http/1.1";
    }

    /** A mode by its id (case-insensitive), or an exception listing the valid ones. */
    public static Mode of(String id) {
        for (Mode mode : values()) {
            if (mode.id.equalsIgnoreCase(id.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + id + "'; modes: "
                + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")));
    }

    /**
     * A new virtual browser's client for this mode, with a pool of connections per host of the page
     * ({@link io.muxbench.scenario.Resource#host()}), all of them to the environment's origin;
     * {@code browserIndex} picks its source address.
     */
    public BrowserClient newClient(ClientEnvironment environment, int browserIndex) throws Exception {
        return switch (this) {
            case H1 -> JettyBrowserClient.overHttp1(environment, browserIndex);
            case H1_PIPELINED -> HostRoutingClient.perHost(host -> new PipelinedBrowserClient(environment, browserIndex, host));
            case H2 -> JettyBrowserClient.overHttp2(environment, browserIndex);
        };
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
