package io.muxbench.driver.origin;

import static io.muxbench.driver.TestScenarios.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.TestScenarios;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The embedded origin over each of its protocols, checked with clients that are not muxbench's:
 * every bundled resource comes back as declared, and the per-connection counters match a known
 * sequence of requests.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OriginIT {

    private static final int MAX_BODY = 64 * 1024 * 1024;

    private static Origin origin;

    @BeforeAll
    static void start() throws Exception {
        origin = Origin.start(Origin.Options.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        origin.close();
    }

    /** Every test counts from zero; connections of earlier tests are closed or idle, and idle ones are not listed. */
    @BeforeEach
    void resetStats() {
        origin.resetStats();
    }

    @Test
    void servesEveryBundledResourceOverHttp11Cleartext() throws Exception {
        HttpClient client = new HttpClient();
        client.start();
        try {
            checkEveryBundledResource(client, origin.cleartextUri(), HttpVersion.HTTP_1_1);
        } finally {
            client.stop();
        }
    }

    @Test
    void servesEveryHostOfAPageOnTheSamePortsByHostAndServerName() throws Exception {
        Resource root = new Resource("/", 200, "text/html; charset=utf-8", 2_000, Map.of(), 0, List.of(
                Resource.leaf("/same.png", "image/png", 1_000),
                new Resource("/same.png", 200, "image/png", 3_000, Map.of(), 0, List.of(), "cdn.example"),
                new Resource("/same.png", 200, "image/png", 4_000, Map.of(), 0, List.of(), "cdn.example:8443"),
                Resource.leaf("/main-only.css", "text/css", 500)), null);
        origin.serve(new Scenario(Scenario.SCHEMA_VERSION, "two-hosts", "built in a test", null, root));
        for (URI port : List.of(origin.cleartextUri(), origin.tlsUri())) {
            SslContextFactory.Client ssl = new SslContextFactory.Client();
            ssl.setTrustStore(origin.certificate().trustStore()); // host names checked: cdn.example has a leaf naming it
            ClientConnector connector = new ClientConnector();
            connector.setSslContextFactory(ssl);
            HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
            // Every name goes to the origin's port, as a browser with a host-resolver rule.
            client.setSocketAddressResolver((host, p, context, promise) -> promise.succeeded(
                    List.of(new java.net.InetSocketAddress("127.0.0.1", port.getPort()))));
            client.start();
            try {
                String scheme = port.getScheme();
                assertEquals(1_000, client.GET(port.resolve("/same.png")).getContent().length, scheme);
                assertEquals(1_000, client.GET(URI.create(scheme + "://localhost:" + port.getPort() + "/same.png")).getContent().length);
                assertEquals(3_000, client.GET(URI.create(scheme + "://cdn.example/same.png")).getContent().length, scheme);
                assertEquals(4_000, client.GET(URI.create(scheme + "://cdn.example:8443/same.png")).getContent().length, scheme);
                assertEquals(404, client.GET(URI.create(scheme + "://cdn.example/main-only.css")).getStatus(), scheme);
            } finally {
                client.stop();
            }
        }
    }

    /**
     * One leaf per host, picked by the TLS server name, so a browser does not pool one host's HTTP/2
     * connection for another; all with one key, which Chromium's pin names.
     */
    @Test
    void presentsEachHostALeafNamingOnlyItAndTheOriginUnderTestsLeafWithoutServerName() throws Exception {
        Resource root = new Resource("/", 200, "text/html; charset=utf-8", 2_000, Map.of(), 0, List.of(
                new Resource("/a.png", 200, "image/png", 1_000, Map.of(), 0, List.of(), "a.example"),
                new Resource("/b.png", 200, "image/png", 1_000, Map.of(), 0, List.of(), "b.example:8443")), null);
        origin.serve(new Scenario(Scenario.SCHEMA_VERSION, "sni-hosts", "built in a test", null, root));

        X509Certificate a = handshake("a.example");
        X509Certificate b = handshake("b.example");
        X509Certificate none = handshake(null);

        assertEquals(List.of("a.example"), alternativeNames(a));
        assertEquals(List.of("b.example"), alternativeNames(b));
        assertEquals(List.of("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", PageBodies.MAIN_HOST), alternativeNames(none));
        assertEquals(origin.certificate().certificate(), none);
        assertEquals(none.getPublicKey(), a.getPublicKey());
        assertEquals(none.getPublicKey(), b.getPublicKey());
        assertEquals(none.getIssuerX500Principal(), a.getIssuerX500Principal());
    }

    /**
     * The leaf the origin presents to a client that checks host names as HTTPS does: sending {@code serverName}
     * as SNI, or none when null (an IP literal, which the leaf must then name).
     */
    private X509Certificate handshake(String serverName) throws Exception {
        try (Socket raw = new Socket("127.0.0.1", origin.tlsUri().getPort());
             SSLSocket socket = (SSLSocket) sslContext().getSocketFactory().createSocket(raw,
                     serverName == null ? "127.0.0.1" : serverName, raw.getPort(), true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setServerNames(serverName == null ? List.of() : List.of(new SNIHostName(serverName)));
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static List<String> alternativeNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(name -> (String) name.get(1)).toList();
    }

    @Test
    void servesEveryBundledResourceOverH2cWithPriorKnowledge() throws Exception {
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()));
        client.start();
        try {
            checkEveryBundledResource(client, origin.cleartextUri(), HttpVersion.HTTP_2);
        } finally {
            client.stop();
        }
    }

    @Test
    void servesEveryBundledResourceOverTlsWithAlpnH2() throws Exception {
        checkEveryBundledResourceOverTls(java.net.http.HttpClient.Version.HTTP_2);
    }

    /**
     * Jetty's client rather than the JDK's: the JDK's HTTP/1.1 client drops the '?' of an empty query
     * (news has such a path), so it would ask for another resource than the scenario declares.
     */
    @Test
    void servesEveryBundledResourceOverTlsWithAlpnHttp11() throws Exception {
        SslContextFactory.Client ssl = new SslContextFactory.Client() {
            @Override
            public void customize(SSLEngine engine) {
                super.customize(engine);
                SSLParameters parameters = engine.getSSLParameters();
                parameters.setApplicationProtocols(new String[]{"http/1.1"});
                engine.setSSLParameters(parameters);
            }
        };
        ssl.setTrustStore(origin.certificate().trustStore());
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(ssl);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.start();
        try {
            checkEveryBundledResource(client, origin.tlsUri(), HttpVersion.HTTP_1_1);
        } finally {
            client.stop();
        }
    }

    @Test
    void negotiatesWhatTheClientOffersOverAlpn() throws Exception {
        assertEquals("h2", negotiate("h2"));
        assertEquals("http/1.1", negotiate("http/1.1"));
        assertEquals("h2", negotiate("h2", "http/1.1"));
    }

    private String negotiate(String... protocols) throws Exception {
        URI uri = origin.tlsUri();
        try (SSLSocket socket = (SSLSocket) sslContext().getSocketFactory().createSocket(uri.getHost(), uri.getPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(protocols);
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket.getApplicationProtocol();
        }
    }

    private void checkEveryBundledResource(HttpClient client, URI base, HttpVersion version) throws Exception {
        for (String name : ScenarioLoader.BUNDLED) {
            Scenario scenario = ScenarioLoader.bundled(name);
            if (!scenario.hosts().isEmpty()) {
                continue; // news-hosts: its resources are served to their own hosts (RunCommandIT runs such pages), not to this base
            }
            origin.serve(scenario);
            for (Resource resource : scenario.resources()) {
                // Not followed: news's redirects are answered as declared, status and location (3xx over both protocols).
                var request = client.newRequest(base.resolve(resource.path())).followRedirects(false)
                        .timeout(20, TimeUnit.SECONDS);
                ContentResponse response = new CompletableResponseListener(request, MAX_BODY).send()
                        .get(30, TimeUnit.SECONDS);
                String where = name + " " + resource.path() + " over " + version;
                assertEquals(version, response.getVersion(), where);
                assertEquals(resource.status(), response.getStatus(), where);
                assertEquals(resource.size(), response.getContent().length, where);
                assertEquals(resource.contentType(), response.getHeaders().get(HttpHeader.CONTENT_TYPE), where);
                assertEquals(resource.headers().get("location"), response.getHeaders().get(HttpHeader.LOCATION), where);
            }
        }
    }

    private void checkEveryBundledResourceOverTls(java.net.http.HttpClient.Version version) throws Exception {
        // JDK 17's HttpClient is not closeable; its connections go when it is collected.
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(sslContext())
                .version(version).connectTimeout(Duration.ofSeconds(10)).build();
        {
            for (String name : ScenarioLoader.BUNDLED) {
                Scenario scenario = ScenarioLoader.bundled(name);
                if (!scenario.hosts().isEmpty()) {
                    continue; // as above
                }
                origin.serve(scenario);
                for (Resource resource : scenario.resources()) {
                    var request = java.net.http.HttpRequest.newBuilder(origin.tlsUri().resolve(resource.path()))
                            .timeout(Duration.ofSeconds(20)).build();
                    String where = name + " " + resource.path() + " over TLS " + version;
                    java.net.http.HttpResponse<byte[]> response;
                    try {
                        response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    } catch (IOException e) {
                        throw new AssertionError(where + ": " + e, e);
                    }
                    assertEquals(version, response.version(), where);
                    assertEquals(resource.status(), response.statusCode(), where);
                    assertEquals(resource.size(), response.body().length, where);
                    assertEquals(resource.contentType(), response.headers().firstValue("content-type").orElse(null), where);
                    // The JDK's client follows no redirect by default.
                    assertEquals(resource.headers().get("location"), response.headers().firstValue("location").orElse(null), where);
                }
            }
        }
    }

    private SSLContext sslContext() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(origin.certificate().trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), new SecureRandom());
        return context;
    }

    @Test
    void countsSequentialRequestsOnOneHttp11Connection() throws Exception {
        origin.serve(TestScenarios.flat("seq", 3, 1_000, 0));
        try (Socket socket = connect()) {
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write(get("/r/" + i + ".bin"));
                assertEquals(1_000, readResponse(socket.getInputStream()).body.length);
            }
            OriginStats stats = origin.stats();
            assertEquals(1, stats.connectionsAccepted());
            assertEquals(3, stats.requestsReceived());
            assertEquals(1, stats.connections().size());
            OriginStats.ConnectionStats connection = stats.connections().get(0);
            assertEquals("HTTP/1.1", connection.protocol());
            assertEquals(3, connection.requests());
            assertEquals(1, connection.maxInFlight());
        }
    }

    @Test
    void countsPipelinedRequestsAsInFlightBeforeAnyResponse() throws Exception {
        // Think time holds the first response, so all twelve heads are read before anything is written.
        origin.serve(TestScenarios.flat("pipe", 12, 500, 100));
        try (Socket socket = connect()) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int i = 0; i < 12; i++) {
                all.write(get("/r/" + i + ".bin"));
            }
            socket.getOutputStream().write(all.toByteArray());
            socket.getOutputStream().flush();
            await("12 pipelined heads counted", Duration.ofSeconds(10), () -> origin.stats().requestsReceived() == 12);
            assertTrue(origin.stats().maxInFlightPerConnection() >= 10,
                    "max in flight before the first response: " + origin.stats());
            for (int i = 0; i < 12; i++) {
                Response response = readResponse(socket.getInputStream());
                assertEquals(200, response.status);
                assertEquals(500, response.body.length);
            }
            OriginStats stats = origin.stats();
            assertEquals(1, stats.connections().size());
            assertEquals(12, stats.connections().get(0).requests());
            assertTrue(stats.connections().get(0).maxInFlight() >= 10, stats.toString());
        }
    }

    @Test
    void countsConcurrentStreamsOnOneH2Connection() throws Exception {
        origin.serve(TestScenarios.flat("streams", 10, 1_000, 400));
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client()));
        client.setMaxConnectionsPerDestination(1);
        client.start();
        try {
            List<CompletableFuture<ContentResponse>> responses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                var request = client.newRequest(origin.cleartextUri().resolve("/r/" + i + ".bin")).timeout(20, TimeUnit.SECONDS);
                responses.add(new CompletableResponseListener(request).send());
            }
            for (CompletableFuture<ContentResponse> response : responses) {
                assertEquals(1_000, response.get(30, TimeUnit.SECONDS).getContent().length);
            }
            OriginStats stats = origin.stats();
            assertEquals(1, stats.connectionsAccepted());
            assertEquals(1, stats.connections().size());
            OriginStats.ConnectionStats connection = stats.connections().get(0);
            assertEquals("HTTP/2.0", connection.protocol());
            assertEquals(10, connection.requests());
            assertEquals(10, connection.maxInFlight());
        } finally {
            client.stop();
        }
    }

    @Test
    void countsTcpConnectionsAcceptedAndResetZeroesEverything() throws Exception {
        origin.serve(TestScenarios.flat("conn", 1, 100, 0));
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = connect();
                sockets.add(socket);
                socket.getOutputStream().write(get("/r/0.bin"));
                readResponse(socket.getInputStream());
            }
            sockets.add(connect()); // accepted, but carries no request
            await("4 connections accepted", Duration.ofSeconds(10), () -> origin.stats().connectionsAccepted() == 4);
            OriginStats stats = origin.stats();
            assertEquals(3, stats.requestsReceived());
            assertEquals(3, stats.connections().size(), "only connections that carried requests are listed");

            origin.resetStats();
            OriginStats reset = origin.stats();
            assertEquals(0, reset.connectionsAccepted());
            assertEquals(0, reset.requestsReceived());
            assertEquals(0, reset.maxInFlightPerConnection());
            assertEquals(List.of(), reset.connections());

            // An open connection counts again from zero after the reset.
            sockets.get(0).getOutputStream().write(get("/r/0.bin"));
            readResponse(sockets.get(0).getInputStream());
            assertEquals(1, origin.stats().requestsReceived());
            assertEquals(1, origin.stats().connections().get(0).maxInFlight());
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private Socket connect() throws IOException {
        URI uri = origin.cleartextUri();
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static byte[] get(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private record Response(int status, String head, byte[] body) {
    }

    /** Reads one Content-Length delimited HTTP/1.1 response. */
    private static Response readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside a response head: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int status = Integer.parseInt(text.substring(9, 12));
        long length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new IOException("connection closed inside a body");
        }
        return new Response(status, text, body);
    }

}
