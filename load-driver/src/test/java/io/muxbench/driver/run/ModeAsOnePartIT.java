package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.TestScenarios;
import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.mode.ChromiumSettings;
import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.BrowserClients;
import io.muxbench.driver.transport.ClientEnvironment;
import io.muxbench.report.ReportWriter;
import io.muxbench.report.compare.Comparison;
import io.muxbench.report.compare.RunComparator;
import io.muxbench.report.compare.Thresholds;
import io.muxbench.results.CellResult;
import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.scenario.Scenario;
import io.muxbench.vocabulary.Reuse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mode is one part: a mode that exists only in this test, made through {@link Mode} alone, runs
 * through the runner into results, the report and compare like a built-in one.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ModeAsOnePartIT {

    /** HTTP/1.1 with two connections per origin: not a mode muxbench ships. */
    private static final class TwoConnections implements Mode {
        static final ModeDescription DESCRIPTION =
                new ModeDescription("h1-two", "HTTP/1.1, 2 connections per origin", "#d62728", false);

        @Override
        public ModeDescription description() {
            return DESCRIPTION;
        }

        @Override
        public String alpn() {
            return "http/1.1";
        }

        @Override
        public BrowserClient newClient(ClientEnvironment environment, int browserIndex) throws Exception {
            return BrowserClients.http1(environment, browserIndex, 2);
        }

        @Override
        public ChromiumSettings chromium(boolean tls) {
            return new ChromiumSettings(false, "http/1.1", "HTTP/1.1", 6, false);
        }
    }

    @TempDir
    Path dir;

    private static RunConfig config() {
        return RunConfig.builder().warmupBudget(Duration.ZERO).scenarios(List.of("page")).modes(List.of(BuiltInMode.H1, new TwoConnections()))
                .links(List.of("none")).reuse(List.of(Reuse.WARM)).tls(true).browsers(1)
                .pageLoads(4).warmupPageLoads(1).rounds(2).samplesPerCell(1)
                .pageLoadTimeout(Duration.ofSeconds(30)).keyType(KeyType.ECDSA)
                .build();
    }

    @Test
    void aModeMadeOnlyInATestRunsIntoResultsTheReportAndCompare() throws Exception {
        Scenario page = TestScenarios.flat("page", 8, 2_000, 0);
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        Runner.Outcome outcome = new Runner(config(), List.of(page), first, ProgressListener.NONE).run();
        new Runner(config(), List.of(page), second, ProgressListener.NONE).run();

        CellResult cell = outcome.results().cells().stream().filter(c -> c.mode().equals("h1-two")).findFirst()
                .orElseThrow(() -> new AssertionError("no h1-two cell in " + outcome.results().cells()));
        assertEquals(4, cell.pageLoads().count());
        assertEquals(0, cell.pageLoads().failed(), cell.errors().toString());
        assertEquals(2, cell.settings().connectionsPerOrigin(), "the client reports its own settings");
        assertTrue(cell.connectionsPerPageLoad() <= 2, "at most two connections: " + cell.connectionsPerPageLoad());
        assertTrue(outcome.run().modes().contains(TwoConnections.DESCRIPTION), outcome.run().modes().toString());

        String report = Files.readString(ReportWriter.write(first));
        assertTrue(report.contains("h1-two"), "the report names the mode");
        assertTrue(report.contains("#d62728"), "the report draws the mode in its own colour");

        Comparison comparison = new RunComparator(Thresholds.DEFAULTS, Set.of()).compare(first, second);
        assertEquals(2, comparison.cells().size(), "every cell, the test's mode's included, is matched");
        assertTrue(comparison.cells().stream().anyMatch(c -> c.key().contains("h1-two")), comparison.summary());
    }
}
