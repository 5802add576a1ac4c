package io.muxbench.driver.transport;

import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.mode.Mode;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.tls.SelfSignedCertificate;
import io.muxbench.scenario.Resource;
import io.muxbench.vocabulary.ErrorCause;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ALPN never falls back: a server that offers only the other protocol makes the exchange fail with ALPN. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AlpnIT {

    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.generate(KeyType.RSA);

    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void h2FailsWithAlpnAgainstAServerOfferingOnlyHttp11() throws Exception {
        URI uri = start("http/1.1", new HttpConnectionFactory(new HttpConfiguration()));
        Exchange exchange = exchange(BuiltInMode.H2, uri);
        // Jetty's ALPN server aborts the handshake when nothing matches (no alert reaches the client:
        // "Abruptly closed by peer"), so the client sees a TLS failure rather than a wrong protocol.
        assertAlpnOrTls(exchange);
    }

    @Test
    void h1FailsWithAlpnAgainstAServerOfferingOnlyH2() throws Exception {
        URI uri = start("h2", new HTTP2ServerConnectionFactory(new HttpConfiguration()));
        // h1's client (ours, not Jetty's HttpClient, which now and then missed the aborted handshake
        // and waited for the idle timeout) sees the server end the handshake: ALPN or TLS, never a fallback.
        Exchange exchange = exchange(BuiltInMode.H1, uri);
        assertAlpnOrTls(exchange);
    }

    private static void assertAlpnOrTls(Exchange exchange) {
        assertTrue(exchange.failure == ErrorCause.ALPN || exchange.failure == ErrorCause.TLS,
                "expected ALPN or TLS, got " + exchange.failure + ": " + exchange.failureDetail);
    }

    @Test
    void eachModeSucceedsAgainstAServerOfferingItsProtocol() throws Exception {
        URI uri = start("http/1.1", new HttpConnectionFactory(new HttpConfiguration()));
        Exchange exchange = exchange(BuiltInMode.H1, uri);
        assertTrue(!exchange.failed() && exchange.status == 200, exchange.failure + " " + exchange.failureDetail);
        server.stop();
        uri = start("h2", new HTTP2ServerConnectionFactory(new HttpConfiguration()));
        exchange = exchange(BuiltInMode.H2, uri);
        assertTrue(!exchange.failed() && exchange.status == 200, exchange.failure + " " + exchange.failureDetail);
    }

    /** A TLS server whose ALPN offers exactly one protocol, answering every request with 200 and no body. */
    private URI start(String protocol, ConnectionFactory http) throws Exception {
        server = new Server();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(CERTIFICATE.keyStore());
        ssl.setKeyStorePassword(SelfSignedCertificate.PASSWORD);
        ssl.setKeyManagerPassword(SelfSignedCertificate.PASSWORD);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(protocol);
        alpn.setDefaultProtocol(protocol);
        ServerConnector connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, http);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(200);
                callback.succeeded();
                return true;
            }
        });
        server.start();
        return URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    private static Exchange exchange(Mode mode, URI uri) throws Exception {
        return exchange(mode, ClientEnvironment.Options.defaults(uri, CERTIFICATE.trustStore()));
    }

    private static Exchange exchange(Mode mode, ClientEnvironment.Options options) throws Exception {
        try (ClientEnvironment environment = new ClientEnvironment(options);
             BrowserClient client = mode.newClient(environment, 0)) {
            Exchange exchange = new Exchange(Resource.leaf("/", "text/plain", 0));
            exchange.startNanos = System.nanoTime();
            CompletableFuture<Exchange> done = new CompletableFuture<>();
            client.send(List.of(exchange), done::complete);
            return done.get(30, TimeUnit.SECONDS);
        }
    }
}
