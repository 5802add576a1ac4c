package io.muxbench.driver.transport;

import io.muxbench.driver.transport.internal.DatagramCounter;
import io.muxbench.driver.transport.internal.HandshakeTaskExecutor;
import io.muxbench.driver.transport.internal.Http3Connection;
import io.muxbench.results.QuicSettings;
import io.muxbench.scenario.BrowserHeaders;
import io.muxbench.scenario.Resource;
import io.muxbench.vocabulary.ErrorCause;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.DefaultHttp3Headers;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.PromiseCombiner;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;

/**
 * {@code h3} on Netty's QUIC (quiche) and HTTP/3 codecs: one QUIC connection per host of the page
 * (every one sent to the origin or the link in front of it, the host as TLS server name and
 * {@code :authority}), opened on the host's first request, every request a bidirectional stream,
 * as many at once as the server's initial stream limit allows. A browser has one UDP socket, bound
 * to its own source address, on one event loop of a few that all browsers of the environment share;
 * a batch of requests costs one hand-over to that loop, and each request a stream and one small
 * object there. {@link #closeConnections()} closes the socket too, and the next page load opens a
 * new one with a new TLS context: a full handshake, without resumption or 0-RTT.
 *
 * <p><b>How QUIC's recovery differs from the TCP modes'.</b> The congestion control is pinned to
 * match Linux TCP's default: CUBIC with HyStart, slow start from 10 packets ({@link #quicSettings()}).
 * The rest is QUIC's own and differs from the kernel's TCP: loss is detected per packet number with
 * quiche's thresholds (RFC 9002: 3 packets or 9/8 of the round trip) rather than TCP's SACK and RACK;
 * a lost packet holds back only the streams whose bytes it carried, not every response (no
 * head-of-line blocking across streams); probe timeouts replace TCP's retransmission timeout and
 * never collapse the window to one packet on their own; acknowledgements are QUIC frames with their
 * own delay (25 ms at most) instead of TCP's delayed ACKs; packets are paced. The handshake is one
 * round trip for transport and TLS 1.3 together, where TCP with TLS takes two.
 *
 * <pre>{@code
 * BrowserClient browser = BrowserClients.http3(environment, 0);
 * browser.send(List.of(new Exchange(page.root())), exchange -> ...);
 * }</pre>
 */
final class BrowserClientOverHttp3 implements BrowserClient {

    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;
    /** Socket buffers wide enough that the kernel does not drop datagrams of a burst behind QUIC's back. */
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final ClientEnvironment environment;
    private final EventLoop loop;
    private final InetSocketAddress bindAddress;
    private final InetSocketAddress address;
    private final int connectTimeoutMillis;
    private final TrustManager trust;
    private final DatagramCounter counter = new DatagramCounter();
    /** Everything below is touched on the loop only. */
    private final Map<String, Http3Connection> connections = new HashMap<>();
    private final Map<Resource, Http3Headers> requests = new IdentityHashMap<>();
    private Map<String, String> requestHeaders = BrowserHeaders.DEFAULT;
    /** The browser's UDP socket and its codec (with its own TLS context); null after a close. */
    private ChannelFuture datagram;
    private long lastConnectionId;
    private volatile SSLEngine lastEngine;
    private volatile int serverMaxStreams;

    BrowserClientOverHttp3(ClientEnvironment environment, int browserIndex) throws Exception {
        this.environment = environment;
        ClientEnvironment.Options options = environment.options();
        if (!options.tls()) {
            throw new IllegalArgumentException("h3 runs over QUIC, always with TLS: the origin must be https://, got "
                    + options.origin());
        }
        loop = environment.quicEventLoops().next();
        InetSocketAddress bind = environment.bindAddress(browserIndex);
        bindAddress = bind == null ? new InetSocketAddress(0) : bind;
        address = new InetSocketAddress(environment.originAddress(), options.port());
        connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
        trust = environment.trustManagers()[0];
    }

    @Override
    public void requestHeaders(Map<String, String> headers) {
        loop.execute(() -> {
            requestHeaders = headers;
            requests.clear();
        });
    }

    /** Hands the batch to the browser's event loop at once; the requests start there. */
    @Override
    public void send(List<Exchange> batch, Listener listener) {
        loop.execute(() -> {
            for (Exchange exchange : batch) {
                Http3Headers headers = requestOf(exchange);
                Http3Connection connection = null;
                if (headers != null) {
                    try {
                        connection = connectionOf(exchange.resource.host());
                    } catch (RuntimeException e) {
                        exchange.fail(ErrorCause.OTHER, e.getMessage());
                        exchange.lastByteNanos = System.nanoTime();
                    }
                }
                if (connection == null) {
                    listener.onComplete(exchange);
                } else {
                    connection.send(exchange, headers, listener);
                }
            }
        });
    }

    /** The resource's request headers, made on its first request; null (the exchange failed) when none can be made. */
    private Http3Headers requestOf(Exchange exchange) {
        Http3Headers headers = requests.get(exchange.resource);
        if (headers == null) {
            URI target = environment.target(exchange);
            if (target == null) {
                return null;
            }
            headers = new DefaultHttp3Headers();
            headers.method("GET").scheme("https").authority(target.getRawAuthority())
                    .path(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
            for (Map.Entry<String, String> field : BrowserHeaders.merge(requestHeaders, exchange.resource.contentType()).entrySet()) {
                headers.add(field.getKey().toLowerCase(Locale.ROOT), field.getValue()); // HTTP/3 field names are lower case
            }
            requests.put(exchange.resource, headers);
        }
        return headers;
    }

    private Http3Connection connectionOf(String host) {
        String key = host == null ? "" : host;
        Http3Connection connection = connections.get(key);
        if (connection == null || connection.isClosed()) {
            if (datagram == null) {
                datagram = bind();
            }
            String serverName = host == null ? environment.originAddress() : host.replaceFirst(":[0-9]+$", "");
            connection = new Http3Connection(datagram, address, serverName, ++lastConnectionId, counter,
                    connectTimeoutMillis);
            connections.put(key, connection);
        }
        return connection;
    }

    /** A new UDP socket with a new QUIC codec and TLS context: nothing is resumed from earlier connections. */
    private ChannelFuture bind() {
        QuicSslContext ssl;
        try {
            ssl = QuicSslContextBuilder.forClient()
                    .trustManager(trust)
                    .applicationProtocols(Alpn.H3)
                    .earlyData(false)
                    // Netty 4.2 checks the host name by default; --insecure checks nothing, as the TCP modes
                    .endpointIdentificationAlgorithm(environment.options().insecure() ? null : "HTTPS")
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a QUIC TLS context: " + e.getMessage(), e);
        }
        int port = address.getPort();
        ChannelHandler codec = QuicParameters.apply(Http3.newQuicClientCodecBuilder(), 0)
                .sslEngineProvider(quic -> ssl.newEngine(quic.alloc(), quic.attr(Http3Connection.SERVER_NAME).get(), port))
                .maxIdleTimeout(environment.options().idleTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .sslTaskExecutor(HandshakeTaskExecutor.INSTANCE)
                .build();
        return new Bootstrap().group(loop).channel(NioDatagramChannel.class)
                .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel channel) {
                        channel.pipeline().addLast(counter, codec);
                    }
                })
                .bind(bindAddress);
    }

    /** Closes every QUIC connection and the socket; the next page load opens new ones with full handshakes. */
    @Override
    public void closeConnections() {
        Promise<Void> closed = loop.newPromise();
        loop.execute(() -> {
            noteMainConnection();
            PromiseCombiner combiner = new PromiseCombiner(loop);
            for (Http3Connection connection : connections.values()) {
                Future<?> closing = connection.close();
                if (closing != null) {
                    combiner.add(closing);
                }
            }
            connections.clear();
            ChannelFuture socket = datagram;
            datagram = null;
            Promise<Void> connectionsClosed = loop.newPromise();
            // The socket closes after the connections, which send their CONNECTION_CLOSE through it,
            // or after a while in any case: the socket's close ends whatever they still wait for.
            connectionsClosed.addListener(f -> closeSocket(socket, closed));
            combiner.finish(connectionsClosed);
            loop.schedule(() -> closeSocket(socket, closed), CLOSE_TIMEOUT_MILLIS / 2, TimeUnit.MILLISECONDS);
        });
        closed.awaitUninterruptibly(CLOSE_TIMEOUT_MILLIS);
    }

    private static void closeSocket(ChannelFuture socket, Promise<Void> closed) {
        if (socket == null) {
            closed.trySuccess(null);
        } else if (!closed.isDone()) {
            Channel channel = socket.channel();
            channel.close().addListener(f -> closed.trySuccess(null));
        }
    }

    /** Keeps what the origin's connection negotiated, for {@link #negotiated()} after it is gone; on the loop. */
    private void noteMainConnection() {
        Http3Connection main = connections.get("");
        if (main != null && main.engine() != null) {
            lastEngine = main.engine();
            serverMaxStreams = main.serverMaxStreams();
        }
    }

    @Override
    public long connectionsOpened() {
        return counter.connectionsOpened();
    }

    /** UDP payload bytes sent: QUIC packets with their headers, protection and retransmissions. */
    @Override
    public long bytesSent() {
        return counter.bytesOut();
    }

    /** UDP payload bytes received. */
    @Override
    public long bytesReceived() {
        return counter.bytesIn();
    }

    /** What the origin's connection negotiated: TLS 1.3 always (QUIC requires it), the cipher and ALPN from its engine. */
    @Override
    public Negotiated negotiated() {
        refresh();
        SSLEngine engine = lastEngine;
        if (engine == null) {
            return new Negotiated(null, null, null, serverMaxStreams, 1);
        }
        javax.net.ssl.SSLSession session = engine.getSession();
        String protocol = session == null || session.getProtocol() == null ? "TLSv1.3" : session.getProtocol();
        return new Negotiated(protocol, session == null ? null : session.getCipherSuite(), engine.getApplicationProtocol(),
                serverMaxStreams, 1);
    }

    private void refresh() {
        if (!loop.isShuttingDown()) {
            loop.submit(this::noteMainConnection).awaitUninterruptibly(CLOSE_TIMEOUT_MILLIS);
        }
    }

    @Override
    public QuicSettings quicSettings() {
        refresh();
        return new QuicSettings(QuicParameters.CONGESTION_CONTROL.name().toLowerCase(Locale.ROOT),
                QuicParameters.INITIAL_CONGESTION_WINDOW_PACKETS, QuicParameters.HYSTART, serverMaxStreams,
                QuicParameters.INITIAL_MAX_DATA_BYTES, QuicParameters.INITIAL_MAX_STREAM_DATA_BYTES,
                QuicParameters.MAX_SEND_UDP_PAYLOAD_BYTES, environment.options().idleTimeout().toMillis(),
                QuicSettings.QUICHE_RECOVERY);
    }

    @Override
    public void close() {
        if (!loop.isShuttingDown()) {
            closeConnections();
        }
    }
}
