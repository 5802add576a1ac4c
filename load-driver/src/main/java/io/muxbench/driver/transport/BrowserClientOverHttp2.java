package io.muxbench.driver.transport;

import io.muxbench.driver.transport.internal.Http2Connection;
import io.muxbench.driver.transport.internal.MeasuringClientConnector;
import io.muxbench.scenario.BrowserHeaders;
import io.muxbench.scenario.Resource;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * {@code h2} on Jetty's {@link HTTP2Client} sessions and streams, without {@code HttpClient}: one
 * session per host of the page (every one connected to the origin or the link in front of it, the
 * host in {@code :authority}), opened on the host's first request, whose streams begin right after
 * the handshake, as many at once as the server's SETTINGS allow (a browser's 100 until they come).
 * A request costs a stream and one small object: its HEADERS are made
 * once per resource (the path parsed once, the headers merged once per content type) and reused,
 * and the stream starts on the thread that sends it or that saw the previous stream end.
 *
 * <pre>{@code
 * BrowserClient browser = new BrowserClientOverHttp2(environment, 0);
 * browser.send(List.of(new Exchange(page.root())), exchange -> ...);
 * }</pre>
 */
final class BrowserClientOverHttp2 implements BrowserClient {

    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

    private final ClientEnvironment environment;
    private final MeasuringClientConnector.Totals totals = new MeasuringClientConnector.Totals();
    private final MeasuringClientConnector connector;
    private final HTTP2Client client;
    private final InetSocketAddress address;
    private final long handshakeRttNanos;
    /** Sessions by host ("" for the origin under test), and the caches below: guarded by this. */
    private final Map<String, Http2Connection> connections = new HashMap<>();
    private final Map<Resource, MetaData.Request> requests = new IdentityHashMap<>();
    private final Map<String, HttpFields> fieldsByType = new HashMap<>();
    private Map<String, String> requestHeaders = BrowserHeaders.DEFAULT;
    /** TLS without a session cache shared with earlier connections: a new one after each cold close. */
    private SslContextFactory.Client ssl;
    private volatile SSLEngine lastEngine;
    private volatile int serverMaxStreams;

    BrowserClientOverHttp2(ClientEnvironment environment, int browserIndex) throws Exception {
        this.environment = environment;
        ClientEnvironment.Options options = environment.options();
        connector = new MeasuringClientConnector(options.tls() ? Alpn.H2 : null, totals);
        connector.setExecutor(environment.executor());
        connector.setScheduler(environment.scheduler());
        connector.setByteBufferPool(environment.bufferPool());
        connector.setSelectors(1);
        connector.setConnectTimeout(options.connectTimeout());
        connector.setIdleTimeout(options.idleTimeout());
        connector.setBindAddress(environment.bindAddress(browserIndex));
        client = new HTTP2Client(connector);
        client.setInputBufferSize(16_384); // HttpClient's response buffer, as the h2 mode had
        client.setStreamIdleTimeout(options.idleTimeout().toMillis());
        // Over TLS the frames are encrypted from and decrypted into heap buffers (see Http2Connection).
        client.setUseInputDirectByteBuffers(!options.tls());
        client.setUseOutputDirectByteBuffers(!options.tls());
        client.start();
        ssl = newSsl();
        // The origin under test is reached by its address; a page's other hosts by the same address
        // under their own names (addressOf), so each is the TLS server name of its session, as the
        // h1 and h1-pipelined clients send it and as a browser would.
        address = new InetSocketAddress(environment.originAddress(), options.port());
        handshakeRttNanos = options.handshakeRtt().toNanos();
    }

    private SslContextFactory.Client newSsl() throws Exception {
        if (!environment.options().tls()) {
            return null;
        }
        SslContextFactory.Client factory = environment.newSslContextFactory(Alpn.H2);
        factory.start();
        return factory;
    }

    @Override
    public synchronized void requestHeaders(Map<String, String> headers) {
        requestHeaders = headers;
        requests.clear();
        fieldsByType.clear();
    }

    @Override
    public void send(List<Exchange> batch, Listener listener) {
        for (Exchange exchange : batch) {
            MetaData.Request request;
            Http2Connection connection;
            synchronized (this) {
                request = requestOf(exchange);
                connection = request == null ? null : connectionOf(exchange.resource.host());
            }
            if (request == null) {
                listener.onComplete(exchange);
            } else {
                connection.send(exchange, request, listener);
            }
        }
    }

    /** The resource's request HEADERS, made on its first request; null (the exchange failed) when none can be made. */
    private MetaData.Request requestOf(Exchange exchange) {
        MetaData.Request request = requests.get(exchange.resource);
        if (request == null) {
            URI target = environment.target(exchange);
            if (target == null) {
                return null;
            }
            HttpFields fields = fieldsByType.computeIfAbsent(exchange.resource.contentType(), type -> {
                HttpFields.Mutable mutable = HttpFields.build();
                BrowserHeaders.merge(requestHeaders, type).forEach(mutable::add);
                return mutable.asImmutable();
            });
            request = new MetaData.Request(HttpMethod.GET.asString(), HttpURI.from(target), HttpVersion.HTTP_2, fields);
            requests.put(exchange.resource, request);
        }
        return request;
    }

    /**
     * Where a host's session connects: the origin's address, named as the host (no lookup), so that
     * Jetty's TLS layer, which takes the server name from the address, sends the host's name.
     */
    private InetSocketAddress addressOf(String host) {
        if (host == null) {
            return address;
        }
        try {
            InetAddress named = InetAddress.getByAddress(host.replaceFirst(":[0-9]+$", ""), address.getAddress().getAddress());
            return new InetSocketAddress(named, address.getPort());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("the origin's address has no IP form: " + address, e);
        }
    }

    private Http2Connection connectionOf(String host) {
        String key = host == null ? "" : host;
        Http2Connection connection = connections.get(key);
        if (connection == null || connection.isClosed()) {
            connection = new Http2Connection(client, ssl, addressOf(host), connector, handshakeRttNanos);
            connections.put(key, connection);
        }
        return connection;
    }

    /** Closes every session; the next page load opens new ones with full handshakes (no TLS resumption). */
    @Override
    public void closeConnections() {
        closeSessions(true);
    }

    private void closeSessions(boolean renewTls) {
        List<Http2Connection> open;
        SslContextFactory.Client old;
        synchronized (this) {
            noteMainSession();
            open = new ArrayList<>(connections.values());
            connections.clear();
            old = ssl;
            try {
                ssl = renewTls ? newSsl() : null;
            } catch (Exception e) {
                throw new IllegalStateException("cannot make a new TLS context", e);
            }
        }
        open.forEach(connection -> connection.close(CLOSE_TIMEOUT_MILLIS));
        stop(old);
    }

    /** Keeps what the origin's session negotiated, for {@link #negotiated()} after it is gone. */
    private void noteMainSession() {
        Http2Connection main = connections.get("");
        if (main != null && main.serverMaxStreams() > 0) {
            serverMaxStreams = main.serverMaxStreams();
        }
        SSLEngine engine = connector.lastEngine();
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
        synchronized (this) {
            noteMainSession();
        }
        return Negotiated.of(lastEngine, serverMaxStreams, 1);
    }

    @Override
    public int[] http2Windows() {
        return new int[]{client.getInitialStreamRecvWindow(), client.getInitialSessionRecvWindow()};
    }

    @Override
    public void close() {
        closeSessions(false);
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the HTTP/2 client", e);
        }
    }

    private static void stop(SslContextFactory.Client factory) {
        if (factory == null) {
            return;
        }
        try {
            factory.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop a TLS context", e);
        }
    }
}
