package io.muxbench.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.origin.Origin;
import io.muxbench.scenario.Resource;
import java.net.InetSocketAddress;
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
 * No scenario path or host can make a client contact anything but the origin it was given: the
 * tricks of a network-path reference ({@code //127.0.0.1:port/x}) reach at most the origin, and a
 * path no request can be made of fails its exchange at once, alike in every mode.
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
        for (Mode mode : Mode.values()) {
            all.add(Arguments.of(mode, false));
            all.add(Arguments.of(mode, true));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("modes")
    void aNetworkPathOrAnotherHostReachesOnlyTheOrigin(Mode mode, boolean tls) throws Exception {
        int port = ((InetSocketAddress) bystander.getLocalAddress()).getPort();
        List<Exchange> done = exchange(mode, tls,
                new Resource("//127.0.0.1:" + port + "/x", 200, "image/png", 10, Map.of(), 0, List.of(), null),
                new Resource("/y", 200, "image/png", 10, Map.of(), 0, List.of(), "localhost:" + port));
        assertNull(bystander.accept(), "the other server was contacted");
        for (Exchange exchange : done) {
            // The origin serves no such resource: it answers 404, or refuses the request target.
            assertTrue(exchange.status == 404 || exchange.status == 400 || exchange.failed(),
                    exchange.resource.path() + ": " + exchange.status + " " + exchange.failureDetail);
        }
    }

    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("modes")
    void aPathNoRequestCanBeMadeOfFailsItsExchangeAtOnce(Mode mode, boolean tls) throws Exception {
        List<Exchange> done = exchange(mode, tls,
                // What the loader refuses (another layer): built with the model's constructor to test this one.
                new Resource("/a{b}", 200, "image/png", 10, Map.of(), 0, List.of(), null),
                new Resource("/%zz", 200, "image/png", 10, Map.of(), 0, List.of(), null),
                new Resource("/x", 200, "image/png", 10, Map.of(), 0, List.of(), "evil.example:99999"));
        for (Exchange exchange : done) {
            assertEquals(FailureCause.OTHER, exchange.failure, exchange.resource.path());
            assertTrue(exchange.failureDetail.startsWith("no request can be made"), exchange.failureDetail);
            assertTrue(exchange.failureDetail.chars().noneMatch(c -> c == '\r' || c == '\n'), exchange.failureDetail);
        }
        assertEquals(0, origin.stats().requestsReceived(), "nothing reached the origin either");
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
