package io.muxbench.driver.chromium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.origin.OriginStats;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.origin.PageBodies;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Chromium loads a bundled scenario from the embedded origin; the origin's counters say what it fetched and how. */
@Timeout(60)
class ChromiumIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static Path chromium;
    private static Origin origin;
    private Scenario scenario;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.find(null);
        Assumptions.assumeTrue(chromium != null, "chromium is not on PATH");
        origin = Origin.start(Origin.Options.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        if (origin != null) {
            origin.close();
        }
    }

    @Test
    void fetchesTheWholeTreeOverOneHttp2Connection() throws Exception {
        ChromiumPageLoad load = loadOnce("blog", true);
        OriginStats stats = origin.stats();
        assertEquals(expectedRequests(), stats.requestsReceived(), "every resource of the tree, once");
        assertEquals(1, stats.connections().size(), "one connection: " + stats.connections());
        assertEquals("HTTP/2.0", stats.connections().get(0).protocol());
        assertEquals(Set.of("h2"), load.protocols());
        assertClean(load);
    }

    @Test
    void fetchesTheWholeTreeOverOneQuicConnection() throws Exception {
        Assumptions.assumeTrue(origin.http3Available(), "the origin serves no HTTP/3 here (no native QUIC library)");
        scenario = ScenarioLoader.resolve("blog");
        origin.serve(scenario);
        URI page = origin.tlsUri().resolve(scenario.root().path());
        ChromiumPageLoad load;
        try (Chromium browser = Chromium.launch(chromium, true, origin.certificate().spkiSha256(), null,
                List.of(page.getHost() + ":" + page.getPort()), TIMEOUT)) {
            origin.resetStats();
            load = browser.load(page, TIMEOUT);
        }
        OriginStats stats = origin.stats();
        assertEquals(expectedRequests(), stats.requestsReceived(), "every resource of the tree, once");
        assertEquals(1, stats.connections().size(), "one connection: " + stats.connections());
        assertEquals("HTTP/3", stats.connections().get(0).protocol());
        assertEquals(Set.of("h3"), load.protocols());
        assertClean(load);
    }

    @Test
    void fetchesTheWholeTreeOverAtMostSixHttp11Connections() throws Exception {
        ChromiumPageLoad load = loadOnce("blog", false);
        OriginStats stats = origin.stats();
        assertEquals(expectedRequests(), stats.requestsReceived(), "every resource of the tree, once");
        assertTrue(stats.connections().size() > 1 && stats.connections().size() <= 6, "connections: " + stats.connections());
        stats.connections().forEach(c -> assertEquals("HTTP/1.1", c.protocol()));
        assertEquals(1, stats.maxInFlightPerConnection());
        assertEquals(Set.of("http/1.1"), load.protocols());
        assertClean(load);
    }

    @Test
    void fetchesFontsAndBackgroundsThatStylesheetsReference() throws Exception {
        ChromiumPageLoad load = loadOnce("fonts-and-styles", true);
        assertEquals(expectedRequests(), origin.stats().requestsReceived(), "every resource of the tree, once");
        assertClean(load);
    }

    private ChromiumPageLoad loadOnce(String name, boolean http2) throws Exception {
        scenario = ScenarioLoader.resolve(name);
        origin.serve(scenario);
        try (Chromium browser = Chromium.launch(chromium, http2, origin.certificate().spkiSha256(), TIMEOUT)) {
            origin.resetStats();
            URI page = origin.tlsUri().resolve(scenario.root().path());
            return browser.load(page, TIMEOUT);
        }
    }

    private long expectedRequests() {
        return scenario.root().count(); // every resource: those their parent cannot name, the document does
    }

    /** Every resource was timed, and ended before the load event (errors would say resource-after-load). */
    private void assertClean(ChromiumPageLoad load) {
        assertFalse(load.failed(), "errors: " + load.errors());
        assertEquals(List.of(), load.errors(), "requests: " + load.requests());
        assertEquals(expectedRequests(), load.requests().size(), "timed requests: " + load.requests());
        assertTrue(load.pageLoadMicros() > 0);
    }
}
