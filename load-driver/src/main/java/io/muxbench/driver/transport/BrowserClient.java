package io.muxbench.driver.transport;

import io.muxbench.results.QuicSettings;
import java.util.List;

/**
 * One virtual browser's connections to one origin, over one mode. Page loads call {@link #send}
 * with the requests discovered together (a parent's children); the client decides how they go on
 * the wire: queued for six connections ({@code h1}), written back to back on one connection
 * ({@code h1-pipelined}), as concurrent streams ({@code h2}), or as concurrent QUIC streams ({@code h3}).
 *
 * <pre>{@code
 * BrowserClient browser = mode.newClient(environment, browserIndex);
 * browser.send(List.of(new Exchange(page.root())), exchange -> ...);
 * browser.closeConnections();   // cold: the next page load opens new connections
 * }</pre>
 */
public interface BrowserClient extends AutoCloseable {

    /** Told once per exchange, on success or failure, on a transport thread; must not block. */
    @FunctionalInterface
    interface Listener {
        void onComplete(Exchange exchange);
    }

    /** The request headers every request carries (the scenario's browser headers); call before sending. */
    void requestHeaders(java.util.Map<String, String> headers);

    /** Sends these requests without blocking; each completes through {@code listener} exactly once. */
    void send(List<Exchange> batch, Listener listener);

    /** Closes every open connection and returns once they are closed. */
    void closeConnections();

    /** New connections opened since this client was created. */
    long connectionsOpened();

    /** Bytes written to the network since this client was created (after TLS). */
    long bytesSent();

    /** Bytes read from the network since this client was created (after TLS). */
    long bytesReceived();

    /** What the connections negotiated, for the results; null fields where not known yet. */
    Negotiated negotiated();

    /** HTTP/2 receive windows this client announces, {stream, session}; null for HTTP/1.1. */
    default int[] http2Windows() {
        return null;
    }

    /** The QUIC transport settings this client runs with (congestion control, windows); null for TCP clients. */
    default QuicSettings quicSettings() {
        return null;
    }

    /** Stops the client and closes everything it holds. */
    @Override
    void close();

    /**
     * @param tlsProtocol e.g. TLSv1.3, null in cleartext
     * @param cipherSuite e.g. TLS_AES_128_GCM_SHA256, null in cleartext
     * @param alpn        negotiated application protocol, null in cleartext
     * @param maxInFlightPerConnection most requests or streams allowed in flight on one connection
     *                                 (the server's stream limit for h2, the depth for pipelining)
     * @param connectionsPerOrigin     most connections per origin
     */
    record Negotiated(String tlsProtocol, String cipherSuite, String alpn, int maxInFlightPerConnection,
                      int connectionsPerOrigin) {

        /** What a TLS engine's handshake gave (all null without one: cleartext, or no handshake yet). */
        public static Negotiated of(javax.net.ssl.SSLEngine engine, int maxInFlightPerConnection, int connectionsPerOrigin) {
            if (engine == null) {
                return new Negotiated(null, null, null, maxInFlightPerConnection, connectionsPerOrigin);
            }
            return new Negotiated(engine.getSession().getProtocol(), engine.getSession().getCipherSuite(),
                    engine.getApplicationProtocol(), maxInFlightPerConnection, connectionsPerOrigin);
        }
    }
}
