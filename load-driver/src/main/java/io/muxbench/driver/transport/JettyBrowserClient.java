package io.muxbench.driver.transport;

import io.muxbench.driver.transport.internal.MeasuringClientConnector;
import io.muxbench.driver.transport.internal.MeasuringClientConnector.ConnectionTimes;
import io.muxbench.vocabulary.ErrorCause;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpClientTransport;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.http2.client.transport.internal.HttpConnectionOverHTTP2;

/**
 * {@code h1} and {@code h2} over Jetty's {@link HttpClient}: one client per virtual browser (its own
 * connection pools, one per host of the page, and source address), sharing the environment's
 * threads and buffers. HTTP/1.1 and HTTP/2 differ only in the client transport and the pool size:
 * a few connections of one request each, or one connection of as many streams as the server allows.
 */
final class JettyBrowserClient implements BrowserClient {

    private final ClientEnvironment environment;
    private final int browserIndex;
    private final boolean http2;
    private final int connectionsPerOrigin;
    private final MeasuringClientConnector.Totals totals = new MeasuringClientConnector.Totals();
    private Map<String, String> requestHeaders = io.muxbench.scenario.BrowserHeaders.DEFAULT;
    /** The request headers per content type, merged once: they are the same for every request of a type. */
    private final Map<String, Map<String, String>> headersByType = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile HttpClient client;
    private volatile MeasuringClientConnector connector;
    private volatile HTTP2Client http2Client;
    private volatile SSLEngine lastEngine;

    /** The server's SETTINGS_MAX_CONCURRENT_STREAMS as the last HTTP/2 connection got it; 0 until known. */
    private volatile int serverMaxStreams;

    private JettyBrowserClient(ClientEnvironment environment, int browserIndex, boolean http2, int connectionsPerOrigin)
            throws Exception {
        this.environment = environment;
        this.browserIndex = browserIndex;
        this.http2 = http2;
        this.connectionsPerOrigin = connectionsPerOrigin;
        startClient();
    }

    /** A new HttpClient with an empty connection pool: what a browser has before its first visit. */
    private void startClient() throws Exception {
        ClientEnvironment.Options options = environment.options();
        String alpn = http2 ? Alpn.H2 : Alpn.HTTP_1_1;
        MeasuringClientConnector connector = new MeasuringClientConnector(options.tls() ? alpn : null, totals);
        connector.setExecutor(environment.executor());
        connector.setScheduler(environment.scheduler());
        connector.setByteBufferPool(environment.bufferPool());
        connector.setSelectors(1);
        connector.setConnectTimeout(options.connectTimeout());
        connector.setIdleTimeout(options.idleTimeout());
        connector.setBindAddress(environment.bindAddress(browserIndex));
        connector.setSslContextFactory(environment.newSslContextFactory(alpn));

        HttpClientTransport transport;
        HTTP2Client h2 = null;
        if (http2) {
            h2 = new HTTP2Client(connector);
            transport = new HttpClientTransportOverHTTP2(h2);
        } else {
            transport = new HttpClientTransportOverHTTP(connector);
        }
        HttpClient client = new HttpClient(transport);
        client.setExecutor(environment.executor());
        client.setScheduler(environment.scheduler());
        client.setByteBufferPool(environment.bufferPool());
        client.setMaxConnectionsPerDestination(connectionsPerOrigin);
        client.setMaxRequestsQueuedPerDestination(100_000);
        client.setFollowRedirects(false);
        // Every host of the page is served by the origin (through the link): connect there, and keep
        // the host in the request's Host, :authority and TLS server name, as a browser would.
        client.setSocketAddressResolver(environment.socketAddressResolver());
        client.setUserAgentField(null);
        client.setConnectTimeout(options.connectTimeout().toMillis());
        client.setIdleTimeout(options.idleTimeout().toMillis());
        client.addBean(connector.handshakes);
        client.start();
        client.getContentDecoderFactories().clear();
        this.connector = connector;
        this.http2Client = h2;
        this.client = client;
    }

    static BrowserClient overHttp1(ClientEnvironment environment, int browserIndex, int connectionsPerOrigin)
            throws Exception {
        return new JettyBrowserClient(environment, browserIndex, false, connectionsPerOrigin);
    }

    static BrowserClient overHttp2(ClientEnvironment environment, int browserIndex) throws Exception {
        return new JettyBrowserClient(environment, browserIndex, true, 1);
    }

    @Override
    public void requestHeaders(Map<String, String> headers) {
        this.requestHeaders = headers;
        headersByType.clear();
    }

    private Map<String, String> headersFor(io.muxbench.scenario.Resource resource) {
        return headersByType.computeIfAbsent(resource.contentType(),
                type -> io.muxbench.scenario.BrowserHeaders.merge(requestHeaders, type));
    }

    @Override
    public void send(List<Exchange> batch, Listener listener) {
        HttpClient client = this.client;
        MeasuringClientConnector connector = this.connector;
        for (Exchange exchange : batch) {
            URI target = environment.target(exchange);
            if (target == null) {
                listener.onComplete(exchange);
                continue;
            }
            Request request = client.newRequest(target)
                    .method(HttpMethod.GET)
                    .headers(headers -> headersFor(exchange.resource).forEach(headers::put))
                    .idleTimeout(environment.options().idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
            ConnectionTimes[] carrier = new ConnectionTimes[1];
            request.onRequestBegin(r -> carrier[0] = begin(exchange, r, connector));
            request.onRequestSuccess(r -> exchange.sentNanos = System.nanoTime());
            request.onResponseBegin(r -> {
                exchange.firstByteNanos = System.nanoTime();
                exchange.status = r.getStatus();
            });
            request.onResponseContent((r, content) -> exchange.bodyBytesReceived += content.remaining());
            request.send(result -> {
                exchange.lastByteNanos = System.nanoTime();
                if (exchange.firstByteNanos != 0 && (exchange.sentNanos == 0 || exchange.sentNanos > exchange.firstByteNanos)) {
                    // Jetty may notify the request's success after the response has begun (the write
                    // callback runs late on a busy machine); the request was on the wire by then.
                    exchange.sentNanos = exchange.firstByteNanos;
                }
                settleTls(exchange, connector);
                if (result.isFailed()) {
                    String alpn = connector.alpnFailure();
                    Throwable failure = result.getFailure();
                    ErrorCause cause = FailureClassifier.classify(failure);
                    if (alpn != null) {
                        exchange.fail(ErrorCause.ALPN, alpn);
                    } else if (cause == ErrorCause.RESET && unfinishedHandshake(carrier[0])) {
                        // A server that offers none of the ALPN protocols asked for aborts the handshake;
                        // over HTTP/1.1 Jetty reports that as an end of stream, not as a TLS failure.
                        exchange.fail(ErrorCause.TLS, "the server closed the connection during the TLS handshake");
                    } else {
                        exchange.fail(cause, String.valueOf(failure.getMessage()));
                    }
                }
                listener.onComplete(exchange);
            });
        }
    }

    /** @return the timeline of the connection carrying the request, or null if unknown */
    private ConnectionTimes begin(Exchange exchange, Request request, MeasuringClientConnector connector) {
        long now = System.nanoTime();
        exchange.beginNanos = now;
        org.eclipse.jetty.client.Connection connection = request.getConnection();
        noteStreamLimit(connection);
        ConnectionTimes times = connection == null ? null : connector.times(connection.getLocalSocketAddress());
        if (times == null) {
            return null;
        }
        exchange.connectionId = times.id;
        long ordinal = times.requests.incrementAndGet();
        exchange.streamId = http2 ? 2 * ordinal - 1 : ordinal;
        if (ordinal == 1) {
            // The request that opened the connection carries its connect and TLS phases.
            exchange.connectStartNanos = Math.max(times.connectStartNanos, exchange.startNanos);
            long rttNanos = environment.options().handshakeRtt().toNanos();
            exchange.connectEndNanos = Math.max(times.connectEndNanos, times.connectStartNanos + rttNanos);
            exchange.tlsEndNanos = times.tlsEndNanos == 0 ? exchange.connectEndNanos
                    : Math.max(times.tlsEndNanos, exchange.connectEndNanos);
        }
        return times;
    }

    /**
     * An HTTP/2 connection is handed out only once the server's SETTINGS arrived, so its session
     * knows the server's stream limit by the time a request begins on it.
     */
    private void noteStreamLimit(org.eclipse.jetty.client.Connection connection) {
        if (connection instanceof HttpConnectionOverHTTP2 h2
                && h2.getSession() instanceof org.eclipse.jetty.http2.HTTP2Session session
                && session.getMaxLocalStreams() > 0) {
            serverMaxStreams = session.getMaxLocalStreams();
        }
    }

    private boolean unfinishedHandshake(ConnectionTimes times) {
        return environment.options().tls() && times != null && times.tlsEndNanos == 0;
    }

    /**
     * Over HTTP/1.1 Jetty hands the first request to its connection before the TLS handshake, which
     * runs inside the first write: the handshake's end is only known once the exchange is over.
     */
    private static void settleTls(Exchange exchange, MeasuringClientConnector connector) {
        if (exchange.connectEndNanos == 0 || exchange.tlsEndNanos != exchange.connectEndNanos) {
            return;
        }
        for (ConnectionTimes times : connector.allTimes()) {
            if (times.id == exchange.connectionId && times.tlsEndNanos > exchange.connectEndNanos) {
                exchange.tlsEndNanos = times.tlsEndNanos;
                return;
            }
        }
    }

    /** Stops the client, closing its connections, and starts an empty one: the next page load is a first visit. */
    @Override
    public void closeConnections() {
        remember(connector.lastEngine());
        stopClient();
        try {
            startClient();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a new HTTP client", e);
        }
    }

    private void remember(SSLEngine engine) {
        if (engine != null) {
            lastEngine = engine;
        }
    }

    @Override
    public long connectionsOpened() {
        return totals.connectionsOpened();
    }

    @Override
    public long bytesSent() {
        return totals.bytesOut();
    }

    @Override
    public long bytesReceived() {
        return totals.bytesIn();
    }

    @Override
    public Negotiated negotiated() {
        remember(connector.lastEngine());
        return Negotiated.of(lastEngine, http2 ? serverMaxStreams : 1, connectionsPerOrigin);
    }

    @Override
    public int[] http2Windows() {
        return http2Client == null ? null
                : new int[]{http2Client.getInitialStreamRecvWindow(), http2Client.getInitialSessionRecvWindow()};
    }

    @Override
    public void close() {
        stopClient();
    }

    private void stopClient() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the HTTP client", e);
        }
    }
}
