package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.TestScenarios;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.mode.Mode;
import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import io.muxbench.scenario.Scenario;
import io.muxbench.vocabulary.Reuse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs at their edges: stopped in the middle of a long pause, killed between cells, many browsers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunnerEdgesIT {

    @TempDir
    Path runDir;

    private static RunConfig config(List<Mode> modes, int browsers, double rate, Duration thinkTime, int pageLoads) {
        return RunConfig.builder().warmupBudget(Duration.ZERO).scenarios(List.of("test")).modes(modes).links(List.of("none"))
                .reuse(List.of(Reuse.COLD)).tls(false).browsers(browsers).ratePerSecond(rate)
                .thinkTime(thinkTime).pageLoads(pageLoads).warmupPageLoads(0).rounds(1)
                .samplesPerCell(1).pageLoadTimeout(Duration.ofSeconds(30))
                .keyType(KeyType.ECDSA)
                .build();
    }

    /** Starts the run on a thread of its own, waits for its first measured page load, then stops it. */
    private Runner.Outcome stopAfterFirstPageLoad(RunConfig config) throws Exception {
        CountDownLatch firstDone = new CountDownLatch(1);
        Runner runner = new Runner(config, List.of(TestScenarios.flat("pause", 2, 1_000, 0)), runDir, new ProgressListener() {
            @Override
            public void pageLoadDone() {
                firstDone.countDown();
            }
        });
        CompletableFuture<Runner.Outcome> run = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(firstDone.await(30, TimeUnit.SECONDS), "no page load within 30 s");
        runner.stop(); // the loop now waits 100 s (open load) or an hour (think time)
        return run.get(20, TimeUnit.SECONDS);
    }

    private void assertOneMeasuredPageLoadKept(Runner.Outcome outcome) throws Exception {
        assertFalse(outcome.results().complete());
        Results written = ResultsFormat.readRun(runDir).results();
        assertFalse(written.complete());
        CellResult cell = written.cells().get(0);
        assertEquals(1, cell.pageLoads().count(), "the page load measured before the stop is kept");
        assertEquals(0, cell.pageLoads().failed(), cell.errors().toString());
        assertEquals(1, HistogramLogs.readTotals(runDir.resolve(cell.histogramLog())).get(HistogramLogs.PAGE_LOAD)
                .getTotalCount());
    }

    @Test
    void stopEndsTheWaitForTheNextStartUnderOpenLoadAndKeepsWhatWasMeasured() throws Exception {
        assertOneMeasuredPageLoadKept(stopAfterFirstPageLoad(config(List.of(BuiltInMode.H1), 1, 0.01, Duration.ZERO, 3)));
    }

    @Test
    void stopEndsAThinkTimeAndKeepsWhatWasMeasured() throws Exception {
        assertOneMeasuredPageLoadKept(stopAfterFirstPageLoad(config(List.of(BuiltInMode.H2), 1, 0, Duration.ofHours(1), 3)));
    }

    @Test
    void stopEndsTheWaitForTheStartTimeAndTheRunEndsWithNothingMeasured() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runner runner = new Runner(config(List.of(BuiltInMode.H1), 1, 0, Duration.ZERO, 1),
                List.of(TestScenarios.flat("start", 2, 1_000, 0)), runDir, new ProgressListener() {
            @Override
            public void info(String line) {
                lines.add(line);
                waiting.countDown();
            }

            @Override
            public void pageLoadDone() {
                lines.add("page load");
            }
        }).startingAt(java.time.Instant.now().plus(Duration.ofHours(1)));
        CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
            try {
                runner.run();
                return "finished";
            } catch (RunException e) {
                return e.getMessage();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(waiting.await(30, TimeUnit.SECONDS), "not waiting within 30 s");
        runner.stop(); // the run now waits an hour for its start time
        assertEquals("interrupted before anything was measured", run.get(20, TimeUnit.SECONDS));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("waiting ") && lines.get(0).endsWith(", to start the first round"), lines.get(0));
    }

    @Test
    void resultsJsonIsWrittenAfterEveryCellSoItAgreesWithTheHlogsMidRound() throws Exception {
        // Read what a kill at the start of each cell would leave behind: results.json and every hlog.
        List<String> disagreements = new ArrayList<>();
        List<Integer> cellsSeen = new ArrayList<>();
        Runner runner = new Runner(config(List.of(BuiltInMode.H1, BuiltInMode.H1_PIPELINED, BuiltInMode.H2), 1, 0, Duration.ZERO, 2),
                List.of(TestScenarios.flat("kill", 2, 1_000, 0)), runDir, new ProgressListener() {
            @Override
            public void cell(String description) {
                try {
                    if (!runDir.resolve(ResultsFormat.RESULTS_FILE).toFile().exists()) {
                        return;
                    }
                    Results results = ResultsFormat.readRun(runDir).results();
                    int flushed = 0;
                    for (CellResult cell : results.cells()) {
                        Path log = runDir.resolve(cell.histogramLog());
                        long logged = log.toFile().exists()
                                ? HistogramLogs.readTotals(log).get(HistogramLogs.PAGE_LOAD).getTotalCount() : 0;
                        if (logged != cell.pageLoads().count() - cell.pageLoads().failed()) {
                            disagreements.add(cell.id() + ": hlog " + logged + ", results.json " + cell.pageLoads());
                        }
                        flushed += logged > 0 ? 1 : 0;
                    }
                    cellsSeen.add(flushed);
                } catch (Exception e) {
                    disagreements.add(description + ": " + e);
                }
            }
        });
        runner.run();
        assertEquals(List.of(), disagreements);
        assertEquals(List.of(1, 2), cellsSeen, "results.json after the first cell, and after the second");
    }

    @Test
    void fourHundredBrowsersShareTheClientThreads() throws Exception {
        // Each browser's client holds a selector thread: 400 of them exceeded the old 200-thread pool.
        Runner.Outcome outcome = new Runner(config(List.of(BuiltInMode.H2), 400, 0, Duration.ZERO, 2),
                List.of(TestScenarios.flat("many", 2, 1_000, 0)), runDir, ProgressListener.NONE).run();
        CellResult cell = outcome.results().cells().get(0);
        assertEquals(2, cell.pageLoads().count());
        assertEquals(0, cell.pageLoads().failed(), cell.errors().toString());
    }
}
