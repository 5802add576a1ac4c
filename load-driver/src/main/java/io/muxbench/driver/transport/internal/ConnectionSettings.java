package io.muxbench.driver.transport.internal;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;

/**
 * What every pipelined connection of one browser shares: where to connect, how, and the wire byte
 * counters.
 *
 * @param host               address to connect to: the origin's (or the link's in front of it)
 * @param port               port to connect to
 * @param serverName         the TLS server name sent and checked: the request's host, without port
 * @param authority          the Host header's value
 * @param bindAddress        local address to bind to, null for any
 * @param sslContext         TLS context, null for cleartext
 * @param tlsProtocols       the TLS protocols to offer (JSSE names); null for the context's default
 * @param verifyHostName     check the certificate's names against {@code host}
 * @param connectTimeoutMillis TCP connect timeout
 * @param idleTimeoutMillis  longest silence on a connection
 * @param handshakeRttNanos  the emulated TCP handshake round trip, reported within the connect phase
 * @param requestHeaders     headers every request carries besides Host
 * @param executor           runs each connection's writer (short tasks)
 * @param threadName         names each connection's reader thread, e.g. {@code h1-pipelined-b3}
 * @param connectionsOpened  counts TCP connections made
 * @param bytesSent          counts bytes written to the network
 * @param bytesReceived      counts bytes read from the network
 */
public record ConnectionSettings(String host, int port, String serverName, String authority, InetSocketAddress bindAddress,
                                 SSLContext sslContext, String[] tlsProtocols, boolean verifyHostName, int connectTimeoutMillis,
                                 int idleTimeoutMillis, long handshakeRttNanos, Map<String, String> requestHeaders,
                                 Executor executor, String threadName, AtomicLong connectionsOpened, AtomicLong bytesSent,
                                 AtomicLong bytesReceived) {
    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(requestHeaders, "requestHeaders");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(threadName, "threadName");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        if (handshakeRttNanos < 0) {
            throw new IllegalArgumentException("handshakeRttNanos must not be negative, got " + handshakeRttNanos);
        }
    }

    /** The same settings with a new TLS context: an empty session cache, so no handshake can resume. */
    public ConnectionSettings withSslContext(SSLContext context) {
        return new ConnectionSettings(host, port, serverName, authority, bindAddress, context, tlsProtocols, verifyHostName,
                connectTimeoutMillis, idleTimeoutMillis, handshakeRttNanos, requestHeaders, executor, threadName,
                connectionsOpened, bytesSent, bytesReceived);
    }

    public ConnectionSettings withRequestHeaders(Map<String, String> headers) {
        return new ConnectionSettings(host, port, serverName, authority, bindAddress, sslContext, tlsProtocols, verifyHostName,
                connectTimeoutMillis, idleTimeoutMillis, handshakeRttNanos, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers)), executor, threadName,
                connectionsOpened, bytesSent, bytesReceived);
    }
}
