package io.muxbench.driver.origin;

import io.muxbench.driver.origin.internal.CountingEndPoint;
import io.muxbench.driver.origin.internal.CountingHttpConnectionFactory;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.tls.SelfSignedCertificate;
import io.muxbench.scenario.Scenario;
import java.net.URI;
import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded origin: a Jetty server that serves a scenario over HTTP/1.1 and h2c in cleartext,
 * and over TLS with ALPN offering {@code h2} and {@code http/1.1}, with a certificate generated at
 * start-up. It counts, per connection, requests received and the most in flight at once.
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
    private final ScenarioHandler handler;
    private final ConnectionCounters counters = new ConnectionCounters();
    private final SelfSignedCertificate certificate;
    private final CountingEndPoint.RequestListener onHead = endPoint -> counters.begin(endPoint, "HTTP/1.1");
    /** Each other host's cleartext and TLS connectors, opened on first use. */
    private final Map<String, ServerConnector[]> hostConnectors = new ConcurrentHashMap<>();
    private final HTTP2ServerConnectionFactory h2;

    private Origin(Options options) {
        this.options = options;
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("origin");
        server = new Server(threads);
        certificate = SelfSignedCertificate.generate(options.keyType());
        ServerConnector[] pair = newConnectors(options.cleartextPort(), options.tlsPort());
        cleartext = pair[0];
        tls = pair[1];
        h2 = tls.getConnectionFactory(HTTP2ServerConnectionFactory.class);
        handler = new ScenarioHandler(counters);
        server.setHandler(handler);
    }

    /** A cleartext and a TLS connector, each with connection factories of its own, added to the server. */
    private ServerConnector[] newConnectors(int cleartextPort, int tlsPort) {
        HttpConfiguration plain = new HttpConfiguration();
        plain.setSendServerVersion(false);
        HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(plain);
        configure(h2c, options);
        ServerConnector cleartext = new ServerConnector(server, 1, 1, new CountingHttpConnectionFactory(plain, onHead), h2c);
        cleartext.setHost(options.host());
        cleartext.setPort(cleartextPort);

        HttpConfiguration secure = new HttpConfiguration(plain);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        customizer.setSniHostCheck(false);
        secure.addCustomizer(customizer);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(certificate.keyStore());
        ssl.setKeyStorePassword(SelfSignedCertificate.PASSWORD);
        ssl.setKeyManagerPassword(SelfSignedCertificate.PASSWORD);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(secure);
        configure(h2, options);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol("http/1.1");
        SslConnectionFactory tlsFactory = new SslConnectionFactory(ssl, alpn.getProtocol());
        ServerConnector tls = new ServerConnector(server, 1, 1, tlsFactory, alpn, h2, new CountingHttpConnectionFactory(secure, onHead));
        tls.setHost(options.host());
        tls.setPort(tlsPort);

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
        return new ServerConnector[]{cleartext, tls};
    }

    private static void configure(AbstractHTTP2ServerConnectionFactory factory, Options options) {
        factory.setMaxConcurrentStreams(options.maxConcurrentStreams());
    }

    /** Starts an origin; it serves nothing until {@link #serve} is called. */
    public static Origin start(Options options) throws Exception {
        Origin origin = new Origin(options);
        try {
            origin.server.start();
        } catch (Exception e) {
            origin.server.stop();
            throw e;
        }
        return origin;
    }

    /**
     * Serves this scenario's paths from now on, in place of any other, as a real page ({@link PageBodies}).
     * Resources on other hosts ({@link io.muxbench.scenario.Resource#host()}) are served on ports of
     * their own, one cleartext and one TLS per host ({@link #hostUri}), opened on first use.
     */
    public void serve(Scenario scenario) {
        scenario.hosts().forEach(this::connectorsFor);
        // Every host's ports, also those of earlier scenarios: a request there finds nothing of this one.
        Map<Integer, String> hostsByPort = new java.util.HashMap<>();
        hostConnectors.forEach((host, pair) -> {
            for (ServerConnector connector : pair) {
                hostsByPort.put(connector.getLocalPort(), host);
            }
        });
        handler.serve(scenario, hostsByPort);
    }

    private ServerConnector[] connectorsFor(String host) {
        return hostConnectors.computeIfAbsent(host, h -> {
            ServerConnector[] pair = newConnectors(0, 0);
            try {
                for (ServerConnector connector : pair) {
                    connector.start();
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot open the origin's ports for host " + h + ": " + e.getMessage(), e);
            }
            return pair;
        });
    }

    /**
     * Where the resources of another host of the scenario being served are: {@code http://} or
     * {@code https://} on that host's own port of this origin's address.
     */
    public URI hostUri(String host, boolean tls) {
        ServerConnector[] pair = hostConnectors.get(host);
        if (pair == null) {
            throw new IllegalArgumentException("no scenario served names the host " + host);
        }
        return URI.create((tls ? "https" : "http") + "://" + hostLiteral() + ":" + pair[tls ? 1 : 0].getLocalPort() + "/");
    }

    /** Injects a fault for a path (null clears it). */
    public void fault(String path, Fault fault) {
        handler.fault(path, fault);
    }

    /** Holds every response that starts within the next {@code duration} until it has passed: a server stall. */
    public void stall(Duration duration) {
        handler.stallUntil(System.nanoTime() + duration.toNanos());
    }

    /** {@code http://host:port/}: HTTP/1.1, and h2c with prior knowledge. */
    public URI cleartextUri() {
        return URI.create("http://" + hostLiteral() + ":" + cleartext.getLocalPort() + "/");
    }

    /** {@code https://host:port/}: TLS with ALPN offering h2 and http/1.1. */
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
        server.stop();
    }
}
