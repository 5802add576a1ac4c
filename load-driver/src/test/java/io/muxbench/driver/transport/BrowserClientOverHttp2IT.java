package io.muxbench.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.TestScenarios;
import io.muxbench.driver.origin.Fault;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.origin.OriginStats;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import io.muxbench.vocabulary.ErrorCause;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The h2 client on Jetty's HTTP2Client: it keeps to the server's stream limit and begins waiting
 * requests as streams end, takes a first batch beyond that limit whole, opens one session per host,
 * and fails only the stream the server reset.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrowserClientOverHttp2IT {

    private static final int STREAM_LIMIT = 8;

    private static Origin origin;

    private ClientEnvironment environment;
    private BrowserClient client;

    @BeforeAll
    static void startOrigin() throws Exception {
        origin = Origin.start(new Origin.Options("127.0.0.1", 0, 0, KeyType.RSA, STREAM_LIMIT));
    }

    @AfterAll
    static void stopOrigin() throws Exception {
        origin.close();
    }

    @BeforeEach
    void newClient() throws Exception {
        origin.resetStats();
        environment = new ClientEnvironment(ClientEnvironment.Options.defaults(origin.tlsUri(), origin.certificate().trustStore()));
        client = BrowserClients.http2(environment, 0);
    }

    @AfterEach
    void closeClient() {
        client.close();
        environment.close();
    }

    @Test
    void keepsToTheServersStreamLimitAndBeginsWaitingRequestsAsStreamsEnd() throws Exception {
        // Server think time holds the streams open, so that the limit, not the client's speed, decides.
        Scenario page = TestScenarios.withChildThinkTime(ScenarioLoader.bundled("image-grid"), 20);
        origin.serve(page);

        Batches.sendAndWait(client, List.of(page.root()));
        List<Exchange> children = Batches.sendAndWait(client, page.root().children());

        OriginStats stats = origin.stats();
        assertEquals(1, stats.connectionsAccepted(), stats.toString());
        assertTrue(stats.maxInFlightPerConnection() > 1 && stats.maxInFlightPerConnection() <= STREAM_LIMIT,
                "streams in flight at once: " + stats);
        assertEquals(STREAM_LIMIT, client.negotiated().maxInFlightPerConnection());
        for (Exchange exchange : children) {
            assertFalse(exchange.failed(), exchange.resource.path() + ": " + exchange.failureDetail);
        }
        Batches.assertKeptToTheLimit(children, STREAM_LIMIT);
    }

    @Test
    void aFirstBatchBeyondTheServersLimitSucceedsWholeOnOneSession() throws Exception {
        // Sent as the session opens, before the server's SETTINGS can have come: the streams beyond
        // its limit that the server refuses are retried, and none fails.
        Scenario page = TestScenarios.withChildThinkTime(ScenarioLoader.bundled("image-grid"), 20);
        origin.serve(page);

        List<Exchange> children = Batches.sendAndWait(client, page.root().children());

        for (Exchange exchange : children) {
            assertFalse(exchange.failed(), exchange.resource.path() + ": " + exchange.failureDetail);
            assertEquals(exchange.resource.size(), exchange.bodyBytesReceived, exchange.resource.path());
        }
        OriginStats stats = origin.stats();
        assertEquals(1, stats.connectionsAccepted(), stats.toString());
        assertTrue(stats.maxInFlightPerConnection() <= STREAM_LIMIT, "streams in flight at once: " + stats);
        assertEquals(STREAM_LIMIT, client.negotiated().maxInFlightPerConnection());
        assertEquals(1, client.connectionsOpened());
    }

    @Test
    void opensOneSessionPerHostWithConnectionIdsUniqueInTheBrowser() throws Exception {
        Resource root = new Resource("/", 200, "text/html", 1_000, Map.of(), 0, List.of(
                Resource.leaf("/a.png", "image/png", 500),
                new Resource("/b.png", 200, "image/png", 500, Map.of(), 0, List.of(), "cdn.example"),
                new Resource("/c.png", 200, "image/png", 500, Map.of(), 0, List.of(), "cdn.example")), null);
        origin.serve(new Scenario(Scenario.SCHEMA_VERSION, "two-hosts", "built in a test", null, root));

        for (int load = 0; load < 2; load++) {
            long opened = client.connectionsOpened();
            List<Exchange> all = new ArrayList<>(Batches.sendAndWait(client, List.of(root)));
            all.addAll(Batches.sendAndWait(client, root.children()));
            for (Exchange exchange : all) {
                assertFalse(exchange.failed(), exchange.resource.path() + ": " + exchange.failureDetail);
                assertEquals(exchange.resource.size(), exchange.bodyBytesReceived, exchange.resource.path());
            }
            assertEquals(2, client.connectionsOpened() - opened, "one session per host");
            assertEquals(all.get(1).connectionId, all.get(0).connectionId);
            assertEquals(all.get(2).connectionId, all.get(3).connectionId);
            assertTrue(all.get(0).connectionId != all.get(2).connectionId, "one connection id per session");
            assertTrue(all.get(2).connectStartNanos > 0 && all.get(3).connectStartNanos == 0,
                    "the first request of a session carries its connect phases");
            client.closeConnections();
        }
        assertEquals(4, origin.stats().connectionsAccepted());
    }

    @Test
    void aStreamResetByTheServerFailsAloneAndTheSessionGoesOn() throws Exception {
        Resource root = new Resource("/", 200, "text/html", 1_000, Map.of(), 0, List.of(
                Resource.leaf("/ok.bin", "application/octet-stream", 1_000),
                Resource.leaf("/reset.bin", "application/octet-stream", 400_000)), null);
        origin.serve(new Scenario(Scenario.SCHEMA_VERSION, "reset", "built in a test", null, root));
        origin.fault("/reset.bin", Fault.RESET_MID_RESPONSE);

        Batches.sendAndWait(client, List.of(root));
        List<Exchange> children = Batches.sendAndWait(client, root.children());
        assertFalse(children.get(0).failed(), children.get(0).failureDetail);
        assertTrue(children.get(1).failure == ErrorCause.GOAWAY || children.get(1).failure == ErrorCause.RESET,
                children.get(1).failure + ": " + children.get(1).failureDetail);

        origin.fault("/reset.bin", null);
        List<Exchange> again = Batches.sendAndWait(client, root.children());
        again.forEach(e -> assertFalse(e.failed(), e.resource.path() + ": " + e.failureDetail));
        assertEquals(1, client.connectionsOpened(), "the reset stream did not take the session");
    }
}
