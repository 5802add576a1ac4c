package io.muxbench.driver.origin;

import io.muxbench.driver.transport.Alpn;
import io.muxbench.driver.transport.QuicLibrary;
import io.muxbench.driver.transport.QuicParameters;
import io.muxbench.driver.origin.internal.CountingEndPoint;
import io.muxbench.driver.origin.internal.CountingHttpConnectionFactory;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.tls.SelfSignedCertificate;
import io.muxbench.scenario.Scenario;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.SelectableChannel;
import java.security.Principal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLSession;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.AbstractHTTP2ServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SniX509ExtendedKeyManager;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.ssl.X509;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded origin: a Jetty server that serves a scenario over HTTP/1.1 and h2c in cleartext,
 * and over TLS with ALPN offering {@code h2} and {@code http/1.1}, with a certificate generated at
 * start-up; and HTTP/3 (QUIC, ALPN {@code h3}, {@link QuicParameters}) over UDP at the TLS port's
 * number, from the same table of answers, where QUIC's native library loads. It counts, per
 * connection (TCP or QUIC), requests received and the most in flight at once.
 *
 * <pre>{@code
 * try (Origin origin = Origin.start(Origin.Options.defaults())) {
 *     origin.serve(ScenarioLoader.resolve("image-grid"));
 *     URI https = origin.tlsUri();           // https://127.0.0.1:<port>/
 *     ... load pages ...
 *     OriginStats stats = origin.stats();
 * }
 * }</pre>
 */
public final class Origin implements AutoCloseable {

    /**
     * @param host                 address to listen on (loopback)
     * @param cleartextPort        port for HTTP/1.1 and h2c, 0 for any
     * @param tlsPort              port for TLS, 0 for any
     * @param keyType              key of the generated certificate
     * @param maxConcurrentStreams HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS the origin announces
     */
    public record Options(String host, int cleartextPort, int tlsPort, KeyType keyType, int maxConcurrentStreams) {
        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(keyType, "keyType");
            if (cleartextPort < 0 || cleartextPort > 65535) {
                throw new IllegalArgumentException("cleartextPort must be 0..65535, got " + cleartextPort);
            }
            if (tlsPort < 0 || tlsPort > 65535) {
                throw new IllegalArgumentException("tlsPort must be 0..65535, got " + tlsPort);
            }
            if (maxConcurrentStreams < 1) {
                throw new IllegalArgumentException("maxConcurrentStreams must be at least 1, got " + maxConcurrentStreams);
            }
        }

        public static Options defaults() {
            return new Options("127.0.0.1", 0, 0, KeyType.RSA, 128);
        }

    }

    private final Options options;
    private final Server server;
    private final ServerConnector cleartext;
    private final ServerConnector tls;
    private final SslContextFactory.Server ssl;
    private final Answers answers = new Answers();
    /** The HTTP/3 side, on the TLS port's number over UDP; null until started, or where QUIC cannot load. */
    private volatile Http3Server http3;
    private final ConnectionCounters counters = new ConnectionCounters();
    /**
     * A leaf for the origin under test and one for every other host served so far: a connection of
     * an earlier cell never meets a certificate without its name.
     */
    private volatile SelfSignedCertificate certificate;
    private final CountingEndPoint.RequestListener onHead = endPoint -> counters.begin(endPoint, "HTTP/1.1");
    private final HTTP2ServerConnectionFactory h2;

    private Origin(Options options) {
        this.options = options;
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("origin");
        server = new Server(threads);
        certificate = SelfSignedCertificate.generate(options.keyType(), List.of(PageBodies.MAIN_HOST));

        HttpConfiguration plain = new HttpConfiguration();
        plain.setSendServerVersion(false);
        HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(plain);
        configure(h2c, options);
        cleartext = new ServerConnector(server, 1, 1, new CountingHttpConnectionFactory(plain, onHead), h2c);
        cleartext.setHost(options.host());
        cleartext.setPort(options.cleartextPort());

        HttpConfiguration secure = new HttpConfiguration(plain);
        // Requests decrypted into and responses encrypted from heap buffers: the JDK's AES-GCM copies
        // every block of a direct buffer into a new array first (the clients found the same).
        secure.setUseInputDirectByteBuffers(false);
        secure.setUseOutputDirectByteBuffers(false);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        // The host of a request picks its resources; TLS only has to present a certificate naming it.
        customizer.setSniHostCheck(false);
        secure.addCustomizer(customizer);
        ssl = new SslContextFactory.Server();
        ssl.setKeyStore(certificate.keyStore());
        ssl.setKeyStorePassword(SelfSignedCertificate.PASSWORD);
        ssl.setKeyManagerPassword(SelfSignedCertificate.PASSWORD);
        ssl.setSNISelector(Origin::leafFor);
        h2 = new HTTP2ServerConnectionFactory(secure);
        configure(h2, options);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(h2.getProtocol(), Alpn.HTTP_1_1);
        alpn.setDefaultProtocol(Alpn.HTTP_1_1);
        SslConnectionFactory tlsFactory = new SslConnectionFactory(ssl, alpn.getProtocol());
        tls = new ServerConnector(server, 1, 1, tlsFactory, alpn, h2, new CountingHttpConnectionFactory(secure, onHead));
        tls.setHost(options.host());
        tls.setPort(options.tlsPort());

        for (ServerConnector connector : new ServerConnector[]{cleartext, tls}) {
            connector.addBean(new SelectorManager.AcceptListener() {
                @Override
                public void onAccepted(SelectableChannel channel) {
                    counters.onAccepted();
                }
            });
            connector.addBean(new Connection.Listener() {
                @Override
                public void onClosed(Connection connection) {
                    counters.onClosed(connection);
                    counters.onClosed(connection.getEndPoint());
                }
            });
            server.addConnector(connector);
        }
        server.setHandler(new ScenarioHandler(answers, counters));
    }

    private static void configure(AbstractHTTP2ServerConnectionFactory factory, Options options) {
        factory.setMaxConcurrentStreams(options.maxConcurrentStreams());
    }

    /** Attempts at a TCP and UDP port pair when the TLS port is any (0) and its number is taken over UDP. */
    private static final int PORT_PAIR_ATTEMPTS = 5;
    private static final AtomicBoolean WARNED_NO_QUIC = new AtomicBoolean();

    /**
     * Starts an origin; it serves nothing until {@link #serve} is called. HTTP/3 listens on UDP at the
     * TLS port's number when QUIC's native library loads and is not turned off ({@link QuicLibrary},
     * {@link #http3Available()}); else one warning
     * is logged and the origin serves TCP only. With {@code tlsPort} 0, a UDP port taken by another
     * socket is met by starting again on a fresh pair, a few times.
     */
    public static Origin start(Options options) throws Exception {
        String noQuic = QuicLibrary.whyUnavailable();
        boolean quic = noQuic == null;
        if (!quic && WARNED_NO_QUIC.compareAndSet(false, true)) {
            System.err.println("warning: HTTP/3 unavailable, the origin serves TCP only (QUIC " + noQuic + ")");
        }
        for (int attempt = 1; ; attempt++) {
            Origin origin = new Origin(options);
            try {
                origin.server.start();
            } catch (Exception e) {
                origin.server.stop();
                throw e;
            }
            if (!quic) {
                return origin;
            }
            try {
                origin.http3 = Http3Server.bind(options.host(), origin.tls.getLocalPort(), origin.certificate,
                        origin.answers, origin.counters, options.maxConcurrentStreams());
                return origin;
            } catch (IOException e) {
                origin.server.stop();
                if (options.tlsPort() != 0 || attempt == PORT_PAIR_ATTEMPTS) {
                    throw new IOException(e.getMessage() + (options.tlsPort() != 0 ? ""
                            : " (" + attempt + " port pairs tried)"), e);
                }
            } catch (RuntimeException e) {
                origin.server.stop();
                throw e;
            }
        }
    }

    /** Whether the origin serves HTTP/3 (UDP, on {@link #tlsUri()}'s port number): QUIC's native library loaded. */
    public boolean http3Available() {
        return http3 != null;
    }

    /**
     * Serves this scenario's paths from now on, in place of any other, as a real page ({@link PageBodies}).
     * Every host of the page is served on the same two ports: a request whose {@code Host} (or
     * {@code :authority}) is one of the scenario's other hosts ({@link io.muxbench.scenario.Resource#host()})
     * gets that host's resources, any other request the origin under test's. A host served for the
     * first time gets its own leaf, with the same key, picked by the TLS server name.
     */
    public synchronized void serve(Scenario scenario) {
        SelfSignedCertificate issued = certificate.withHosts(scenario.hosts());
        if (issued != certificate) {
            try {
                ssl.reload(factory -> factory.setKeyStore(issued.keyStore()));
            } catch (Exception e) {
                throw new IllegalStateException("cannot issue the hosts' certificates: " + e.getMessage(), e);
            }
            certificate = issued;
            Http3Server h3 = http3;
            if (h3 != null) {
                h3.certificate(issued);
            }
        }
        answers.serve(scenario);
    }

    /**
     * The leaf a handshake presents: the one naming the TLS server name the client sent, else the
     * origin under test's (a client of an IP literal sends none).
     */
    private static String leafFor(String keyType, Principal[] issuers, SSLSession session, String serverName,
                                  Collection<X509> leaves) {
        String origin = null;
        for (X509 leaf : leaves) {
            if (serverName != null && leaf.matches(serverName)) {
                return leaf.getAlias();
            }
            if (SelfSignedCertificate.ORIGIN_ALIAS.equals(leaf.getAlias())) {
                origin = leaf.getAlias();
            }
        }
        return origin == null ? SniX509ExtendedKeyManager.SniSelector.DELEGATE : origin;
    }

    /** Injects a fault for a path (null clears it). */
    public void fault(String path, Fault fault) {
        answers.fault(path, fault);
    }

    /** Holds every response that starts within the next {@code duration} until it has passed: a server stall. */
    public void stall(Duration duration) {
        answers.stallUntil(System.nanoTime() + duration.toNanos());
    }

    /** {@code http://host:port/}: HTTP/1.1, and h2c with prior knowledge. */
    public URI cleartextUri() {
        return URI.create("http://" + hostLiteral() + ":" + cleartext.getLocalPort() + "/");
    }

    /**
     * {@code https://host:port/}: TLS with ALPN offering h2 and http/1.1; and, when
     * {@link #http3Available()}, HTTP/3 over UDP at the same port number.
     */
    public URI tlsUri() {
        return URI.create("https://" + hostLiteral() + ":" + tls.getLocalPort() + "/");
    }

    private String hostLiteral() {
        String host = cleartext.getHost();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    public SelfSignedCertificate certificate() {
        return certificate;
    }

    /** The SETTINGS_MAX_CONCURRENT_STREAMS the origin announces. */
    public int maxConcurrentStreams() {
        return h2.getMaxConcurrentStreams();
    }

    /** What the origin saw since the last {@link #resetStats()}. */
    public OriginStats stats() {
        return counters.snapshot();
    }

    public void resetStats() {
        counters.reset();
    }

    @Override
    public void close() throws Exception {
        Http3Server h3 = http3;
        try {
            if (h3 != null) {
                h3.close();
            }
        } finally {
            server.stop();
        }
    }
}
