package io.muxbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import io.muxbench.driver.origin.Fault;
import io.muxbench.driver.run.PageLoad;
import io.muxbench.driver.transport.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DriverBenchmark}'s rig outside JMH: each mode loads the whole page on warm connections with
 * no failure, and a page load that fails throws instead of being measured.
 */
class DriverBenchmarkIT {

    @ParameterizedTest
    @ValueSource(strings = {"h1", "h1-pipelined", "h2"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void loadsTheWholeImageGridOnWarmConnections(String mode) throws Exception {
        DriverBenchmark.Rig rig = rig(mode, "image-grid");
        try {
            PageLoad.Outcome outcome = rig.load();
            assertEquals(101, outcome.exchanges().size(), "requests of one page load");
            assertEquals(0, outcome.connectionsOpened(), "connections opened by a measured page load");
            for (Exchange exchange : outcome.exchanges()) {
                assertEquals(exchange.resource.status(), exchange.status, exchange.resource.path());
                assertTrue(exchange.bodyBytesReceived > 0, exchange.resource.path() + " had no body");
            }
        } finally {
            rig.tearDown();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFailedPageLoadThrowsInsteadOfBeingMeasured() throws Exception {
        DriverBenchmark.Rig rig = rig("h2", "image-grid");
        try {
            String image = anImage(rig);
            rig.origin.fault(image, Fault.STATUS_500);
            IllegalStateException failure = assertThrows(IllegalStateException.class, rig::load);
            assertTrue(failure.getMessage().contains(image + ": status-5xx"), failure.getMessage());
        } finally {
            rig.tearDown();
        }
    }

    /** A resource with no children: an image of the grid. */
    private static String anImage(DriverBenchmark.Rig rig) throws InterruptedException {
        return rig.load().exchanges().stream().filter(e -> e.resource.children().isEmpty())
                .map(e -> e.resource.path()).findFirst().orElseThrow();
    }

    private static DriverBenchmark.Rig rig(String mode, String scenario) throws Exception {
        DriverBenchmark.Rig rig = new DriverBenchmark.Rig();
        rig.mode = mode;
        rig.scenario = scenario;
        rig.setUp();
        return rig;
    }
}
