package io.muxbench.driver.transport;

import io.muxbench.driver.mode.Mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.origin.Origin;
import io.muxbench.scenario.Resource;
import io.muxbench.vocabulary.ErrorCause;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No scenario path or host can make a client contact anything but the origin it was given: a
 * resource on another host, whatever its name and port, goes to the origin in every mode, and no
 * path or host makes a request URI of another server (the scenario model refuses them as well).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestTargetsIT {

    private static Origin origin;
    /** Another server on loopback that no request may reach. */
    private static ServerSocketChannel bystander;

    @BeforeAll
    static void start() throws Exception {
        origin = Origin.start(Origin.Options.defaults());
        bystander = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        bystander.configureBlocking(false);
    }

    @AfterAll
    static void stop() throws Exception {
        bystander.close();
        origin.close();
    }

    static Stream<Arguments> modes() {
        List<Arguments> all = new ArrayList<>();
        for (Mode mode : Mode.builtIn()) {
            for (boolean tls : new boolean[]{false, true}) {
                if (mode.whyUnavailable(tls) == null) {
                    all.add(Arguments.of(mode, tls));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("modes")
    void aResourceOnAnotherHostReachesOnlyTheOrigin(Mode mode, boolean tls) throws Exception {
        // The bystander's own port, under a name: a client that resolved hosts itself would find it.
        int port = ((InetSocketAddress) bystander.getLocalAddress()).getPort();
        List<Exchange> done = exchange(mode, tls,
                new Resource("/x", 200, "image/png", 10, Map.of(), 0, List.of(), "bystander.example:" + port),
                new Resource("/y", 200, "image/png", 10, Map.of(), 0, List.of(), "evil.example"));
        assertNull(bystander.accept(), "the other server was contacted");
        long answered = 0;
        for (Exchange exchange : done) {
            // The origin serves no such resource: it answers 404; over TLS a client may refuse its
            // certificate first (every client sends the host as the TLS server name, and the JDK's host
            // name check finds no certificate naming it: the origin has leaves only for the hosts of
            // scenarios it serves). Over QUIC, BoringSSL says only CERTIFICATE_VERIFY_FAILED.
            boolean refusedCertificate = tls && exchange.failed() && (exchange.failureDetail.contains("127.0.0.1")
                    || exchange.failureDetail.contains("subject alternative")
                    || exchange.failure == ErrorCause.TLS && exchange.failureDetail.contains("CERTIFICATE_VERIFY_FAILED"));
            assertTrue(exchange.status == 404 || refusedCertificate,
                    exchange.resource.path() + ": " + exchange.status + " " + exchange.failureDetail);
            answered += exchange.status == 404 ? 1 : 0;
        }
        assertEquals(answered, origin.stats().requestsReceived(), "every request that was sent reached the origin");
    }

    @org.junit.jupiter.api.Test
    void noPathOrHostMakesAUriOfAnotherServer() {
        URI origin = URI.create("https://127.0.0.1:8443/");
        for (String path : List.of("//127.0.0.1:18081/x", "/a{b}", "/%zz", "/a#f", "http://other/x", "/\\other/x", "")) {
            assertThrows(IllegalArgumentException.class, () -> RequestTargets.of(origin, null, path), path);
        }
        for (String host : List.of("evil.example:99999", "127.0.0.1:18081", "a.example/x", "a.example@b.example", "localhost")) {
            assertThrows(IllegalArgumentException.class, () -> RequestTargets.of(origin, host, "/x"), host);
        }
        assertEquals(URI.create("https://127.0.0.1:8443/a.css?v=1"), RequestTargets.of(origin, null, "/a.css?v=1"));
        assertEquals(URI.create("https://cdn.example:8080/a"), RequestTargets.of(origin, "cdn.example:8080", "/a"));
    }

    /** Sends the resources as one batch and waits for every one to complete. */
    private static List<Exchange> exchange(Mode mode, boolean tls, Resource... resources) throws Exception {
        origin.resetStats();
        List<Exchange> exchanges = new ArrayList<>();
        CountDownLatch completed = new CountDownLatch(resources.length);
        try (ClientEnvironment environment = new ClientEnvironment(ClientEnvironment.Options.defaults(
                tls ? origin.tlsUri() : origin.cleartextUri(), origin.certificate().trustStore()));
             BrowserClient client = mode.newClient(environment, 0)) {
            for (Resource resource : resources) {
                exchanges.add(new Exchange(resource));
            }
            client.send(exchanges, exchange -> completed.countDown());
            assertTrue(completed.await(30, TimeUnit.SECONDS), "every exchange completes");
        }
        return exchanges;
    }
}
