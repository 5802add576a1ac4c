package io.muxbench.driver.transport;

import io.muxbench.vocabulary.ErrorCause;
import io.muxbench.vocabulary.TlsVersion;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * What every virtual browser's clients share: one executor, one scheduler, one buffer pool, the
 * origin to load from and how to trust it. Each browser binds to its own loopback source address
 * ({@link #bindAddress(int)}) so the link emulator can give each browser its own bottleneck.
 */
public final class ClientEnvironment implements AutoCloseable {

    /**
     * @param origin             where page loads go: {@code https://...} for TLS, {@code http://...} for cleartext
     * @param trustStore         certificates to trust; null for the JVM's default trust
     * @param insecure           trust any certificate and skip host name checks (real targets, on request)
     * @param connectTimeout     how long a TCP connect may take
     * @param idleTimeout        how long a connection may stay silent
     * @param handshakeRtt       the emulated link's TCP handshake round trip, reported inside the connect phase
     * @param h1Connections      connections per browser and origin for {@code h1} (browsers use 6)
     * @param pipelineConnections connections per browser and origin for {@code h1-pipelined}
     * @param pipelineDepth      most requests in flight on one pipelined connection
     * @param tlsVersion         the one TLS version the TCP clients offer; null: whatever both ends support
     *                           (QUIC is always TLS 1.3, so h3 ignores it)
     */
    public record Options(URI origin, KeyStore trustStore, boolean insecure, Duration connectTimeout,
                          Duration idleTimeout, Duration handshakeRtt, int h1Connections, int pipelineConnections,
                          int pipelineDepth, TlsVersion tlsVersion) {
        public Options {
            Objects.requireNonNull(origin, "origin");
            if (!"http".equals(origin.getScheme()) && !"https".equals(origin.getScheme())) {
                throw new IllegalArgumentException("origin must be http:// or https://, got " + origin);
            }
            if (origin.getHost() == null) {
                throw new IllegalArgumentException("origin has no host: " + origin);
            }
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
            idleTimeout = idleTimeout == null ? Duration.ofSeconds(60) : idleTimeout;
            handshakeRtt = handshakeRtt == null ? Duration.ZERO : handshakeRtt;
            if (h1Connections < 1 || h1Connections > 64) {
                throw new IllegalArgumentException("h1Connections must be 1..64, got " + h1Connections);
            }
            if (pipelineConnections < 1 || pipelineConnections > 64) {
                throw new IllegalArgumentException("pipelineConnections must be 1..64, got " + pipelineConnections);
            }
            if (pipelineDepth < 1 || pipelineDepth > 10_000) {
                throw new IllegalArgumentException("pipelineDepth must be 1..10000, got " + pipelineDepth);
            }
        }

        /** Options whose clients negotiate any TLS version both ends support. */
        public Options(URI origin, KeyStore trustStore, boolean insecure, Duration connectTimeout, Duration idleTimeout,
                       Duration handshakeRtt, int h1Connections, int pipelineConnections, int pipelineDepth) {
            this(origin, trustStore, insecure, connectTimeout, idleTimeout, handshakeRtt, h1Connections,
                    pipelineConnections, pipelineDepth, null);
        }

        /** Browser-like defaults for an origin. */
        public static Options defaults(URI origin, KeyStore trustStore) {
            return new Options(origin, trustStore, false, null, null, null, 6, 1, 128);
        }

        /** The same options with the TCP clients held to {@code version} (null: any). */
        public Options withTlsVersion(TlsVersion version) {
            return new Options(origin, trustStore, insecure, connectTimeout, idleTimeout, handshakeRtt, h1Connections,
                    pipelineConnections, pipelineDepth, version);
        }

        public boolean tls() {
            return "https".equals(origin.getScheme());
        }

        /** The origin's port, defaulted from the scheme. */
        public int port() {
            return origin.getPort() > 0 ? origin.getPort() : tls() ? 443 : 80;
        }
    }

    private final Options options;
    private final QueuedThreadPool executor;
    private final ScheduledExecutorScheduler scheduler;
    private final ByteBufferPool bufferPool;
    private final boolean bindPerBrowser;
    /** Made on the first h3 browser's first use (guarded by this); null when no browser runs QUIC. */
    private EventLoopGroup quicEventLoops;

    public ClientEnvironment(Options options) throws Exception {
        this.options = options;
        executor = new QueuedThreadPool(10_000, 4); // threads are made as needed: room for 1000 browsers, each with its selector (and pipelined connections)
        executor.setName("browser");
        executor.setDaemon(true);
        executor.start();
        scheduler = new ScheduledExecutorScheduler("browser-scheduler", true);
        scheduler.start();
        bufferPool = new ArrayByteBufferPool();
        bindPerBrowser = isIpv4Loopback(options.origin().getHost());
    }

    private static boolean isIpv4Loopback(String host) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return address instanceof Inet4Address && address.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public Options options() {
        return options;
    }

    public QueuedThreadPool executor() {
        return executor;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public ByteBufferPool bufferPool() {
        return bufferPool;
    }

    /**
     * The Netty event loops every h3 browser of this environment runs its UDP socket and QUIC
     * connections on: a few threads shared by all browsers (a loop per browser would be 1000
     * threads), made on first use and stopped by {@link #close()}.
     */
    synchronized EventLoopGroup quicEventLoops() {
        if (quicEventLoops == null) {
            int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
            quicEventLoops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("browser-quic", true),
                    NioIoHandler.newFactory());
        }
        return quicEventLoops;
    }

    /**
     * The source address browser {@code index} (0-based) binds its connections to: 127.0.0.2,
     * 127.0.0.3, ... when the origin is on IPv4 loopback; null (any) otherwise.
     */
    public InetSocketAddress bindAddress(int index) {
        if (!bindPerBrowser) {
            return null;
        }
        int n = index + 2;
        byte[] address = {127, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The URI of an exchange's request ({@link RequestTargets}), or null when none can be made: the
     * exchange is then failed at once ({@link ErrorCause#OTHER}), and the caller reports it.
     */
    URI target(Exchange exchange) {
        try {
            return RequestTargets.of(options.origin(), exchange.resource.host(), exchange.resource.path());
        } catch (IllegalArgumentException e) {
            exchange.fail(ErrorCause.OTHER, "no request can be made: " + e.getMessage());
            exchange.lastByteNanos = System.nanoTime();
            return null;
        }
    }

    /** The origin's host as sockets want it (URI keeps the brackets of an IPv6 literal). */
    String originAddress() {
        String host = options.origin().getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * A Jetty TLS client context that trusts what the options say, with host name verification on,
     * and offers exactly {@code alpn} (Jetty offers ALPN by itself only for HTTP/2; a browser with
     * HTTP/2 disabled offers {@code http/1.1}).
     */
    public SslContextFactory.Client newSslContextFactory(String alpn) {
        SslContextFactory.Client factory = new SslContextFactory.Client(options.insecure()) {
            @Override
            public void customize(SSLEngine engine) {
                super.customize(engine);
                if (!Alpn.H2.equals(alpn)) {
                    SSLParameters parameters = engine.getSSLParameters();
                    parameters.setApplicationProtocols(new String[]{alpn});
                    engine.setSSLParameters(parameters);
                }
            }
        };
        if (options.tlsVersion() != null) {
            factory.setIncludeProtocols(options.tlsVersion().protocol());
        }
        if (options.insecure()) {
            factory.setEndpointIdentificationAlgorithm(null);
        } else if (options.trustStore() != null) {
            factory.setTrustStore(options.trustStore());
        }
        return factory;
    }

    /**
     * A JDK TLS context for clients that are not Jetty's (the pipelined one); its sockets must be given
     * {@link #tlsProtocols()}.
     */
    public SSLContext newSslContext() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers(), new SecureRandom());
        return context;
    }

    /** The TLS protocols the TCP clients offer, as JSSE names them; null for the JDK's default (any it supports). */
    public String[] tlsProtocols() {
        return options.tlsVersion() == null ? null : new String[]{options.tlsVersion().protocol()};
    }

    /** The trust the options say: the trust store's (the JVM's default without one), or any certificate when insecure. */
    TrustManager[] trustManagers() throws Exception {
        if (options.insecure()) {
            return new TrustManager[]{new InsecureTrustManager()};
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(options.trustStore());
        return factory.getTrustManagers();
    }

    @Override
    public void close() {
        EventLoopGroup quic;
        synchronized (this) {
            quic = quicEventLoops;
        }
        if (quic != null) {
            quic.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        }
        try {
            scheduler.stop();
            executor.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the client threads", e);
        }
    }

    /** Trusts every certificate: only with {@code --insecure}. */
    private static final class InsecureTrustManager implements javax.net.ssl.X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }
}
