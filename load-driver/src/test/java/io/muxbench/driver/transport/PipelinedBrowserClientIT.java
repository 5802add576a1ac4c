package io.muxbench.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.origin.Fault;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.origin.OriginStats;
import io.muxbench.driver.tls.SelfSignedCertificate;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import io.muxbench.vocabulary.ErrorCause;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pipelined client against the embedded origin: depth, order, failures and byte counts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PipelinedBrowserClientIT {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Origin origin;
    private Scenario scenario;

    @BeforeEach
    void startOrigin() throws Exception {
        origin = Origin.start(Origin.Options.defaults());
        toClose.add(origin);
        scenario = ScenarioLoader.resolve("image-grid");
        origin.serve(scenario);
    }

    @AfterEach
    void stopAll() throws Exception {
        // Clients first, then their environments, then the servers.
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private PipelinedBrowserClient client(URI uri) throws Exception {
        return client(uri, 1, 128);
    }

    private PipelinedBrowserClient client(URI uri, int connections, int depth) throws Exception {
        ClientEnvironment environment = new ClientEnvironment(new ClientEnvironment.Options(uri,
                origin.certificate().trustStore(), false, null, null, null, 6, connections, depth));
        toClose.add(environment);
        PipelinedBrowserClient client = new PipelinedBrowserClient(environment, 0);
        toClose.add(client);
        return client;
    }

    private URI uri(boolean tls) {
        return tls ? origin.tlsUri() : origin.cleartextUri();
    }

    /** Loads the page as the runner does: the document, then all its children as one batch. */
    private List<Exchange> loadPage(BrowserClient client) throws Exception {
        Resource root = scenario.root();
        List<Exchange> completed = new ArrayList<>();
        CompletableFuture<List<Exchange>> done = new CompletableFuture<>();
        int total = 1 + root.children().size();
        BrowserClient.Listener listener = new BrowserClient.Listener() {
            @Override
            public void onComplete(Exchange exchange) {
                boolean all;
                synchronized (completed) {
                    completed.add(exchange);
                    all = completed.size() == total;
                }
                if (exchange.resource == root) {
                    List<Exchange> children = new ArrayList<>();
                    root.children().forEach(child -> children.add(started(child)));
                    client.send(children, this);
                }
                if (all) {
                    done.complete(completed);
                }
            }
        };
        client.send(List.of(started(root)), listener);
        return done.get(30, TimeUnit.SECONDS);
    }

    private static Exchange started(Resource resource) {
        Exchange exchange = new Exchange(resource);
        exchange.startNanos = System.nanoTime();
        return exchange;
    }

    @ParameterizedTest(name = "tls={0}")
    @ValueSource(booleans = {true, false})
    void pipelinesAPageOnOneConnectionInOrder(boolean tls) throws Exception {
        PipelinedBrowserClient client = client(uri(tls));
        assertTrue(scenario.root().children().size() >= 30, "the scenario has enough resources");

        List<Exchange> completed = loadPage(client);

        OriginStats stats = origin.stats();
        assertEquals(1, stats.connectionsAccepted(), stats.toString());
        assertEquals(1, stats.connections().size(), stats.toString());
        assertEquals(completed.size(), stats.requestsReceived());
        assertTrue(stats.maxInFlightPerConnection() >= 10, "in flight: " + stats);
        System.out.printf("tls=%s: %d requests, origin saw at most %d in flight on one connection%n",
                tls, stats.requestsReceived(), stats.maxInFlightPerConnection());

        List<Resource> expectedOrder = new ArrayList<>();
        expectedOrder.add(scenario.root());
        expectedOrder.addAll(scenario.root().children());
        for (int i = 0; i < completed.size(); i++) {
            Exchange exchange = completed.get(i);
            assertEquals(expectedOrder.get(i), exchange.resource, "completion " + i);
            assertNull(exchange.failure, exchange.resource.path() + ": " + exchange.failureDetail);
            assertEquals(exchange.resource.status(), exchange.status, exchange.resource.path());
            assertEquals(exchange.resource.size(), exchange.bodyBytesReceived, exchange.resource.path());
            assertEquals(1, exchange.connectionId);
            assertEquals(i + 1, exchange.streamId);
            assertTrue(exchange.startNanos <= exchange.beginNanos, "queued before begun");
            assertTrue(exchange.beginNanos <= exchange.sentNanos, "begun before sent");
            assertTrue(exchange.sentNanos <= exchange.firstByteNanos, "sent before the first byte");
            assertTrue(exchange.firstByteNanos <= exchange.lastByteNanos, "first byte before the last");
            if (i > 0) {
                assertEquals(0, exchange.connectStartNanos, "children reuse the open connection");
            }
        }
        Exchange document = completed.get(0);
        assertTrue(document.connectStartNanos > 0 && document.connectStartNanos <= document.connectEndNanos);
        assertEquals(tls, document.tlsEndNanos >= document.connectEndNanos && document.tlsEndNanos > 0);
        assertTrue(document.connectEndNanos <= document.sentNanos);

        assertTrue(client.bytesReceived() >= scenario.root().totalBytes(), "received " + client.bytesReceived());
        assertTrue(client.bytesSent() > 0);
        assertEquals(1, client.connectionsOpened());
        BrowserClient.Negotiated negotiated = client.negotiated();
        assertEquals(tls ? "http/1.1" : null, negotiated.alpn());
        assertEquals(tls, negotiated.tlsProtocol() != null && negotiated.cipherSuite() != null);
        assertEquals(128, negotiated.maxInFlightPerConnection());
        assertEquals(1, negotiated.connectionsPerOrigin());

        client.closeConnections();
        origin.resetStats();
        List<Exchange> again = loadPage(client);
        assertTrue(again.stream().noneMatch(Exchange::failed));
        assertEquals(2, client.connectionsOpened());
        assertEquals(1, origin.stats().connectionsAccepted());
        assertEquals(2, again.get(1).connectionId, "a new connection id after closeConnections");

        client.close();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("h1-pipelined-")) {
                thread.join(10_000);
                assertFalse(thread.isAlive(), "reader thread still running after close(): " + thread.getName());
            }
        }
    }

    @Test
    void keepsAtMostTheDepthInFlightAndQueuesTheRest() throws Exception {
        PipelinedBrowserClient client = client(uri(false), 1, 8);
        List<Exchange> completed = loadPage(client);

        OriginStats stats = origin.stats();
        System.out.println("depth 8: origin saw at most " + stats.maxInFlightPerConnection() + " in flight");
        assertEquals(1, stats.connectionsAccepted());
        assertTrue(stats.maxInFlightPerConnection() <= 8 && stats.maxInFlightPerConnection() >= 2, stats.toString());
        for (int i = 0; i < completed.size(); i++) {
            assertNull(completed.get(i).failure, completed.get(i).failureDetail);
            assertEquals(i + 1, completed.get(i).streamId, "completed in request order");
        }
        Exchange last = completed.get(completed.size() - 1);
        assertTrue(last.beginNanos > completed.get(1).lastByteNanos, "the last child waited for earlier responses");
        assertEquals(8, client.negotiated().maxInFlightPerConnection());
    }

    @Test
    void spreadsABatchOverTheConnectionsFewestOutstandingFirst() throws Exception {
        PipelinedBrowserClient client = client(uri(true), 2, 128);
        List<Exchange> completed = loadPage(client);

        assertEquals(2, client.connectionsOpened());
        assertEquals(2, origin.stats().connections().size(), origin.stats().toString());
        long[] lastStream = new long[3];
        int[] carried = new int[3];
        for (Exchange exchange : completed) {
            assertNull(exchange.failure, exchange.failureDetail);
            int connection = (int) exchange.connectionId;
            assertEquals(lastStream[connection] + 1, exchange.streamId, "in order on connection " + connection);
            lastStream[connection] = exchange.streamId;
            carried[connection]++;
        }
        // The document went on the first; of its 100 children the second takes 50, the first 50.
        assertEquals(51, carried[1]);
        assertEquals(50, carried[2]);
        assertEquals(2, client.negotiated().connectionsPerOrigin());
    }

    @Test
    void countsTlsRecordsInTheWireBytes() throws Exception {
        PipelinedBrowserClient cleartext = client(uri(false));
        PipelinedBrowserClient tls = client(uri(true));
        loadPage(cleartext);
        loadPage(tls);
        System.out.printf("bytes received: cleartext %d, TLS %d (bodies %d); sent: cleartext %d, TLS %d%n",
                cleartext.bytesReceived(), tls.bytesReceived(), scenario.root().totalBytes(),
                cleartext.bytesSent(), tls.bytesSent());
        assertTrue(cleartext.bytesReceived() > scenario.root().totalBytes());
        assertTrue(tls.bytesReceived() > cleartext.bytesReceived());
        assertTrue(tls.bytesSent() > cleartext.bytesSent());
    }

    @Test
    void resetMidResponseFailsThatExchangeAndTheLaterOnes() throws Exception {
        PipelinedBrowserClient client = client(uri(true));
        List<Resource> children = scenario.root().children();
        int faulty = 20;
        origin.fault(children.get(faulty).path(), Fault.RESET_MID_RESPONSE);

        List<Exchange> completed = loadPage(client);

        // The faulty response and every later one fail as reset. An earlier one may too: a TCP reset
        // discards what the client had received but not yet read, which on a busy machine can be the
        // last whole responses. So the failures are a tail, in order, that holds the faulty response.
        int firstFailed = completed.size();
        for (int i = 0; i < completed.size(); i++) {
            Exchange exchange = completed.get(i);
            if (exchange.failed() && firstFailed == completed.size()) {
                firstFailed = i;
            }
            if (i >= firstFailed) {
                assertEquals(ErrorCause.RESET, exchange.failure, exchange.resource.path() + ": " + exchange.failureDetail);
            }
        }
        assertTrue(firstFailed <= faulty + 1, "the faulty response failed: " + completed.get(faulty + 1).resource.path());
        System.out.println("reset: " + completed.get(faulty + 1).failureDetail + " / then: "
                + completed.get(faulty + 2).failureDetail);

        origin.fault(children.get(faulty).path(), null);
        List<Exchange> again = loadPage(client);
        assertTrue(again.stream().noneMatch(Exchange::failed));
        // One connection per page load; one more when the reset reached the client between two whole
        // responses (the kernel dropped the cut one), which reads as a kept-alive connection's end: the
        // unanswered requests were retried on a new connection, and reset again there.
        long opened = client.connectionsOpened();
        assertTrue(opened == 2 || opened == 3, "connections opened: " + opened);
    }

    @Test
    void retriesOnceOnANewConnectionWhenTheServerClosesBeforeAnswering() throws Exception {
        PipelinedBrowserClient client = client(uri(false));
        List<Resource> children = scenario.root().children();
        int faulty = 20;
        origin.fault(children.get(faulty).path(), Fault.CLOSE_WITHOUT_RESPONSE);

        List<Exchange> completed = loadPage(client);

        // The first connection answers requests in order until the faulty one closes it; what it did
        // not answer is sent again on a new connection, where the faulty request fails for good.
        // Usually the first connection answers all 1 + 20 before it, but its close is a reset (the
        // later requests sit unread at the server), which drops answers the server had not sent
        // yet: those are retried too, and succeed, on a later connection, before the faulty one.
        long opened = client.connectionsOpened();
        assertTrue(opened >= 2, "connections opened: " + opened);
        assertEquals(opened, origin.stats().connectionsAccepted());
        int firstRetried = -1;
        for (int i = 0; i < completed.size(); i++) {
            Exchange exchange = completed.get(i);
            String path = exchange.resource.path();
            if (exchange.connectionId != 1 && firstRetried < 0) {
                firstRetried = i;
            }
            assertEquals(firstRetried < 0 ? 1 : exchange.connectionId, exchange.connectionId,
                    path + ": the first connection answers a prefix of the page");
            assertTrue(i <= faulty || exchange.connectionId >= 2, path + " on " + exchange.connectionId);
            assertEquals(i <= faulty ? null : ErrorCause.RESET, exchange.failure, path + ": " + exchange.failureDetail);
        }
        assertTrue(firstRetried > 0 && firstRetried <= faulty + 1, "first retried: " + firstRetried);
        assertEquals(1, completed.get(firstRetried).streamId, "first on the new connection");
        assertTrue(completed.get(firstRetried).connectStartNanos > 0, "it waited for the new connection");
    }

    @Test
    void h1RetriesOnANewConnectionWhatAKeptAliveConnectionDroppedAndCarriesOnAfterIt() throws Exception {
        // h1 is this client at depth 1: one connection here, so the order of connections is known.
        ClientEnvironment environment = new ClientEnvironment(ClientEnvironment.Options.defaults(uri(false),
                origin.certificate().trustStore()));
        toClose.add(environment);
        BrowserClient client = BrowserClients.http1(environment, 0, 1);
        toClose.add(client);
        List<Resource> children = scenario.root().children();
        int faulty = 20;
        origin.fault(children.get(faulty).path(), Fault.CLOSE_WITHOUT_RESPONSE);

        List<Exchange> completed = loadPage(client);

        // The first connection answered 1 + 20 requests, then closed on the faulty one: it was sent
        // again on a second connection, which closed before answering it, so it fails; a browser's
        // next request goes on a third connection, and the rest of the page loads there.
        assertEquals(3, client.connectionsOpened());
        assertEquals(3, origin.stats().connectionsAccepted());
        assertEquals(1, origin.stats().maxInFlightPerConnection(), "one request at a time: " + origin.stats());
        for (int i = 0; i < completed.size(); i++) {
            Exchange exchange = completed.get(i);
            String path = exchange.resource.path();
            assertEquals(i <= faulty ? 1 : i == faulty + 1 ? 2 : 3, exchange.connectionId, path);
            assertEquals(i == faulty + 1 ? ErrorCause.RESET : null, exchange.failure, path + ": " + exchange.failureDetail);
            assertEquals(i <= faulty ? i + 1 : i == faulty + 1 ? 1 : i - faulty - 1, exchange.streamId,
                    path + ": its position on its connection");
        }
        assertTrue(completed.get(faulty + 1).connectStartNanos > 0, "it waited for the new connection");
        assertEquals(new BrowserClient.Negotiated(null, null, null, 1, 1), client.negotiated());
    }

    @Test
    void closeConnectionsFailsWhatIsOutstanding() throws Exception {
        PipelinedBrowserClient client = client(uri(false));
        origin.stall(java.time.Duration.ofSeconds(5));
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        client.send(List.of(started(scenario.root())), done::complete);
        client.closeConnections();
        Exchange exchange = done.get(30, TimeUnit.SECONDS);
        assertEquals(ErrorCause.RESET, exchange.failure);
        assertEquals("closed by the page load", exchange.failureDetail);
    }

    @Test
    void refusedConnectionFailsWithRefused() throws Exception {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        PipelinedBrowserClient client = client(URI.create("http://127.0.0.1:" + port + "/"));
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        client.send(List.of(started(scenario.root())), done::complete);
        Exchange exchange = done.get(30, TimeUnit.SECONDS);
        assertEquals(ErrorCause.REFUSED, exchange.failure, exchange.failureDetail);
    }

    @Test
    void failsWithAlpnWhenTheServerNegotiatesNoProtocol() throws Exception {
        Exchange exchange = loadFromTlsServer(null);
        assertEquals(ErrorCause.ALPN, exchange.failure, exchange.failureDetail);
        assertTrue(exchange.failureDetail.contains("no protocol"), exchange.failureDetail);
    }

    @Test
    void failsWhenTheServerAlpnOffersOnlyH2() throws Exception {
        Exchange exchange = loadFromTlsServer("h2");
        // Jetty ends the handshake without an alert: the client cannot tell ALPN from other TLS failures.
        assertTrue(exchange.failure == ErrorCause.ALPN || exchange.failure == ErrorCause.TLS,
                exchange.failure + " " + exchange.failureDetail);
        assertTrue(exchange.failureDetail.contains("handshake"), exchange.failureDetail);
    }

    /** Requests the document from a Jetty TLS server with ALPN offering only {@code alpnProtocol} (null: no ALPN, HTTP/1.1). */
    private Exchange loadFromTlsServer(String alpnProtocol) throws Exception {
        Server server = new Server();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(origin.certificate().keyStore());
        ssl.setKeyStorePassword(SelfSignedCertificate.PASSWORD);
        ssl.setKeyManagerPassword(SelfSignedCertificate.PASSWORD);
        HttpConfiguration http = new HttpConfiguration();
        ServerConnector connector;
        if (alpnProtocol == null) {
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(alpnProtocol);
            alpn.setDefaultProtocol(alpnProtocol);
            connector = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn,
                    new HTTP2ServerConnectionFactory(http));
        }
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.start();
        toClose.add(server::stop);

        PipelinedBrowserClient client = client(URI.create("https://127.0.0.1:" + connector.getLocalPort() + "/"));
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        client.send(List.of(started(scenario.root())), done::complete);
        Exchange exchange = done.get(30, TimeUnit.SECONDS);
        System.out.println("TLS server with ALPN " + alpnProtocol + ": " + exchange.failure + " " + exchange.failureDetail);
        assertTrue(exchange.failed());
        return exchange;
    }
}
