package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.results.CellResult;
import io.muxbench.results.ResultsFormat;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.source.ScenarioSources;
import io.muxbench.vocabulary.Reuse;
import io.muxbench.vocabulary.TlsVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A synthetic page on several hosts, run on the embedded origin with the clients held to TLS 1.2. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SyntheticPageIT {

    @TempDir
    Path runDir;

    @Test
    void aSyntheticPageOnThreeHostsRunsOverTls12() throws Exception {
        String spec = "synthetic:30x2kb:3hosts";
        Scenario page = ScenarioSources.resolve(spec);
        RunConfig config = RunConfig.builder().warmupBudget(Duration.ZERO).scenarios(List.of(spec))
                .modes(List.of(BuiltInMode.H1, BuiltInMode.H2)).links(List.of("none")).reuse(List.of(Reuse.COLD))
                .tlsVersion(TlsVersion.V1_2).browsers(1).pageLoads(3).warmupPageLoads(0).rounds(1).samplesPerCell(1)
                .pageLoadTimeout(Duration.ofSeconds(30)).build();
        Runner.Outcome outcome = new Runner(config, List.of(page), runDir, ProgressListener.NONE).run();

        assertEquals(2, outcome.results().cells().size());
        for (CellResult cell : outcome.results().cells()) {
            String id = cell.id() + " " + cell.errors();
            assertTrue(cell.id().startsWith("synthetic-30x2kb-3hosts_none_cold_"), id);
            assertEquals(0, cell.pageLoads().failed(), id);
            assertEquals(3 * 31, cell.requests().count(), id);
            assertEquals(10_000 + 30 * 2_000, cell.bytes().bodyReceivedPerPageLoad(), id);
            assertEquals("TLSv1.2", cell.settings().tlsProtocol(), id);
            if (cell.mode().equals("h2")) {
                assertEquals(4.0, cell.connectionsPerPageLoad(), 0.001, "one connection to the origin and each host: " + id);
            }
        }
        assertEquals(TlsVersion.V1_2, ResultsFormat.readRun(runDir).run().configuration().tlsVersion());
    }
}
