package io.muxbench.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.tls.SelfSignedCertificate;
import io.muxbench.results.QuicSettings;
import io.muxbench.scenario.Resource;
import io.muxbench.vocabulary.ErrorCause;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The h3 client on Netty's QUIC codec, against a small Netty HTTP/3 server: a page's requests go as
 * concurrent streams of one QUIC connection per host, a cold close makes the next load connect
 * again, a reset stream fails alone, no server fails every request with a cause, the browser's
 * datagrams leave from its own source address, and the first request leaves right after the client's
 * handshake, not one round trip later when the server's next datagram arrives.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrowserClientOverHttp3IT {

    private static final int STREAM_LIMIT = 8;
    private static final int CHILDREN = 24;

    private static SelfSignedCertificate certificate;
    private static Http3TestServer server;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        certificate = SelfSignedCertificate.generate(KeyType.ECDSA, List.of("cdn.example"));
        server = new Http3TestServer(certificate, STREAM_LIMIT, 20);
        server.answer("/", 200, 2_000);
        for (int i = 0; i < CHILDREN; i++) {
            server.answer("/img/" + i + ".png", 200, 1_000 + 997 * i);
        }
        server.answer("/missing.png", 404, 0);
        server.answer("/ok.bin", 200, 5_000);
        server.reset("/reset.bin");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private BrowserClient newClient(URI origin, Duration connectTimeout, int browserIndex) throws Exception {
        return newClient(origin, certificate.trustStore(), connectTimeout, browserIndex);
    }

    private BrowserClient newClient(URI origin, java.security.KeyStore trust, Duration connectTimeout, int browserIndex)
            throws Exception {
        ClientEnvironment environment = new ClientEnvironment(new ClientEnvironment.Options(origin,
                trust, false, connectTimeout, null, null, 6, 1, 128));
        toClose.add(environment);
        BrowserClient client = BrowserClients.http3(environment, browserIndex);
        toClose.add(client);
        return client;
    }

    private static Resource page() {
        List<Resource> children = new ArrayList<>();
        for (int i = 0; i < CHILDREN; i++) {
            children.add(Resource.leaf("/img/" + i + ".png", "image/png", 1_000 + 997 * i));
        }
        children.add(new Resource("/missing.png", 404, "image/png", 0, Map.of(), 0, List.of(), null));
        return new Resource("/", 200, "text/html", 2_000, Map.of(), 0, children, null);
    }

    @Test
    void sendsAPageAsConcurrentStreamsOfOneQuicConnection() throws Exception {
        int connectionsBefore = server.connections();
        BrowserClient client = newClient(server.uri(), null, 0);
        Resource root = page();

        List<Exchange> all = new ArrayList<>(Batches.sendAndWait(client, List.of(root)));
        List<Exchange> children = Batches.sendAndWait(client, root.children());
        all.addAll(children);

        Batches.assertKeptToTheLimit(children, STREAM_LIMIT);
        for (Exchange exchange : all) {
            assertFalse(exchange.failed(), exchange.resource.path() + ": " + exchange.failureDetail);
            assertEquals(exchange.resource.status(), exchange.status, exchange.resource.path());
            assertEquals(exchange.resource.size(), exchange.bodyBytesReceived, exchange.resource.path());
            assertEquals(1, exchange.connectionId, exchange.resource.path());
            assertTrue(exchange.beginNanos > 0 && exchange.sentNanos >= exchange.beginNanos
                    && exchange.firstByteNanos >= exchange.sentNanos && exchange.lastByteNanos >= exchange.firstByteNanos,
                    exchange.resource.path() + ": timings in order");
        }
        assertEquals(all.size(), all.stream().map(e -> e.streamId).distinct().count(), "one stream per request");
        assertTrue(all.stream().allMatch(e -> e.streamId % 4 == 0), "client-initiated bidirectional stream ids");
        Exchange first = all.get(0);
        assertTrue(first.connectStartNanos > 0 && first.connectEndNanos >= first.connectStartNanos
                && first.tlsEndNanos == first.connectEndNanos, "the first request carries the QUIC handshake");
        assertTrue(all.subList(1, all.size()).stream().allMatch(e -> e.connectStartNanos == 0), "later requests reuse it");

        assertEquals(1, server.connections() - connectionsBefore, "one QUIC connection");
        assertEquals(1, client.connectionsOpened());
        assertTrue(server.maxStreamsInFlight() > 1 && server.maxStreamsInFlight() <= STREAM_LIMIT,
                "streams in flight at the server: " + server.maxStreamsInFlight());
        long body = all.stream().mapToLong(e -> e.bodyBytesReceived).sum();
        assertTrue(client.bytesReceived() > body && client.bytesSent() > 0,
                "UDP bytes " + client.bytesReceived() + " carry the bodies' " + body);

        BrowserClient.Negotiated negotiated = client.negotiated();
        assertEquals("TLSv1.3", negotiated.tlsProtocol());
        assertEquals(Alpn.H3, negotiated.alpn());
        assertEquals(STREAM_LIMIT, negotiated.maxInFlightPerConnection());
        assertEquals(1, negotiated.connectionsPerOrigin());
        QuicSettings quic = client.quicSettings();
        assertEquals("cubic", quic.congestionControl());
        assertEquals(10, quic.initialWindowPackets());
        assertEquals(STREAM_LIMIT, quic.maxStreamsBidi());
    }

    @Test
    void aColdCloseMakesTheNextLoadOpenANewConnection() throws Exception {
        int connectionsBefore = server.connections();
        BrowserClient client = newClient(server.uri(), null, 0);
        Resource root = page();
        for (int load = 0; load < 2; load++) {
            Exchange first = Batches.sendAndWait(client, List.of(root)).get(0);
            assertFalse(first.failed(), first.failureDetail);
            assertTrue(first.connectStartNanos > 0, "load " + load + " began with a handshake");
            List<Exchange> children = Batches.sendAndWait(client, root.children().subList(0, 4));
            children.forEach(e -> assertFalse(e.failed(), e.failureDetail));
            client.closeConnections();
        }
        assertEquals(2, client.connectionsOpened());
        assertEquals(2, server.connections() - connectionsBefore);
    }

    @Test
    void opensOneConnectionPerHost() throws Exception {
        int connectionsBefore = server.connections();
        BrowserClient client = newClient(server.uri(), null, 0);
        Resource root = new Resource("/", 200, "text/html", 2_000, Map.of(), 0, List.of(
                Resource.leaf("/img/0.png", "image/png", 1_000),
                new Resource("/img/1.png", 200, "image/png", 1_997, Map.of(), 0, List.of(), "cdn.example"),
                new Resource("/img/2.png", 200, "image/png", 2_994, Map.of(), 0, List.of(), "cdn.example")), null);

        List<Exchange> all = new ArrayList<>(Batches.sendAndWait(client, List.of(root)));
        all.addAll(Batches.sendAndWait(client, root.children()));

        all.forEach(e -> assertFalse(e.failed(), e.resource.path() + ": " + e.failureDetail));
        assertEquals(2, server.connections() - connectionsBefore, "one connection per host");
        assertEquals(2, client.connectionsOpened());
        assertEquals(all.get(0).connectionId, all.get(1).connectionId);
        assertEquals(all.get(2).connectionId, all.get(3).connectionId);
        assertNotEquals(all.get(0).connectionId, all.get(2).connectionId);
        assertTrue(all.get(2).connectStartNanos > 0 && all.get(3).connectStartNanos == 0,
                "the first request of a connection carries its handshake");
    }

    @Test
    void failsEveryRequestWithACauseWhenNoServerAnswers() throws Exception {
        int port;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            port = socket.getLocalPort();
        }
        BrowserClient client = newClient(URI.create("https://127.0.0.1:" + port + "/"), Duration.ofMillis(500), 0);
        Resource root = page();

        List<Exchange> exchanges = Batches.sendAndWait(client, root.children().subList(0, 3));

        for (Exchange exchange : exchanges) {
            assertEquals(ErrorCause.TIMEOUT, exchange.failure, exchange.resource.path() + ": " + exchange.failureDetail);
        }
        assertEquals(0, client.connectionsOpened());
    }

    @Test
    void failsWithTlsWhenTheServersCertificateIsNotTrusted() throws Exception {
        BrowserClient client = newClient(server.uri(), SelfSignedCertificate.generate(KeyType.ECDSA).trustStore(), null, 0);

        List<Exchange> exchanges = Batches.sendAndWait(client, page().children().subList(0, 2));

        for (Exchange exchange : exchanges) {
            assertEquals(ErrorCause.TLS, exchange.failure, exchange.resource.path() + ": " + exchange.failureDetail);
        }
        assertEquals(0, client.connectionsOpened());
    }

    @Test
    void failsWithAlpnWhenTheServerSpeaksAnotherProtocol() throws Exception {
        try (Http3TestServer other = new Http3TestServer(certificate, STREAM_LIMIT, 0, "h3-29")) {
            BrowserClient client = newClient(other.uri(), null, 0);

            List<Exchange> exchanges = Batches.sendAndWait(client, page().children().subList(0, 2));

            for (Exchange exchange : exchanges) {
                assertEquals(ErrorCause.ALPN, exchange.failure, exchange.resource.path() + ": " + exchange.failureDetail);
            }
        }
    }

    @Test
    void aStreamResetByTheServerFailsAloneAndTheConnectionGoesOn() throws Exception {
        BrowserClient client = newClient(server.uri(), null, 0);
        List<Resource> resources = List.of(Resource.leaf("/ok.bin", "application/octet-stream", 5_000),
                Resource.leaf("/reset.bin", "application/octet-stream", 5_000));

        List<Exchange> exchanges = Batches.sendAndWait(client, resources);

        assertFalse(exchanges.get(0).failed(), exchanges.get(0).failureDetail);
        assertEquals(ErrorCause.RESET, exchanges.get(1).failure, exchanges.get(1).failureDetail);
        List<Exchange> again = Batches.sendAndWait(client, resources.subList(0, 1));
        assertFalse(again.get(0).failed(), again.get(0).failureDetail);
        assertEquals(1, client.connectionsOpened(), "the reset stream did not take the connection");
    }

    @Test
    void sendsTheFirstRequestRightAfterItsHandshakeNotAfterTheServersNextDatagram() throws Exception {
        try (HandshakeOnlyRelay relay = new HandshakeOnlyRelay(new InetSocketAddress("127.0.0.1", server.port()))) {
            // The connect timeout is far longer than any handshake: a client that waited for the server's next datagram fails with TIMEOUT.
            BrowserClient client = newClient(relay.uri(), Duration.ofSeconds(20), 0);

            Exchange exchange = Batches.sendAndWait(client,
                    List.of(Resource.leaf("/ok.bin", "application/octet-stream", 5_000))).get(0);

            assertFalse(exchange.failed(), exchange.failure + ": " + exchange.failureDetail);
            assertEquals(5_000, exchange.bodyBytesReceived);
        }
    }

    @Test
    void sendsFromTheBrowsersOwnSourceAddress() throws Exception {
        BrowserClient client = newClient(server.uri(), null, 3);

        Batches.sendAndWait(client, List.of(Resource.leaf("/ok.bin", "application/octet-stream", 5_000)))
                .forEach(e -> assertFalse(e.failed(), e.failureDetail));

        Set<InetAddress> sources = server.sources().stream()
                .map(address -> ((InetSocketAddress) address).getAddress()).collect(Collectors.toSet());
        assertTrue(sources.contains(InetAddress.getByName("127.0.0.5")), "sources seen: " + sources);
    }
}
