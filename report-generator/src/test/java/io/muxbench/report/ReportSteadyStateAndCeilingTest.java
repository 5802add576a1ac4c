package io.muxbench.report;

import static io.muxbench.report.ReportWriterTest.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.Ceiling;
import io.muxbench.results.CellResult;
import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import io.muxbench.vocabulary.Load;
import io.muxbench.vocabulary.RunConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The run section says when a run measured before steady state; a ceiling in run.json gets its own section. */
@Timeout(60)
class ReportSteadyStateAndCeilingTest {

    @TempDir
    Path dir;

    @Test
    void aRunWithoutAWarmUpIsFlaggedAndHasNoCeilingSection() throws Exception {
        String html = report(null, null);
        String run = section(html, "run");
        assertTrue(run.contains("<div class=\"banner warn\" id=\"unsteady\"><strong>Measured before steady state</strong>:"
                + " it did not warm up to steady state, so its first rounds may measure the JIT, not the protocols."), run);
        assertFalse(html.contains("<section id=\"ceiling\">"), "no ceiling was measured");
        assertFalse(html.contains("href=\"#ceiling\""), "nor linked");
    }

    @Test
    void aModeStillGettingCheaperWhenTheBudgetEndedIsNamed() throws Exception {
        String run = section(report(warmUp(false), null), "run");
        assertTrue(run.contains("id=\"unsteady\""), run);
        assertTrue(run.contains("the CPU per request of h2 was still falling when the 30 s warm-up budget ended"), run);
        assertTrue(run.contains("h2 30 s (not steady), 400 -&gt; 120 us CPU per request"), run);
    }

    @Test
    void aRunInSteadyStateSaysHowLongEachModeTook() throws Exception {
        String run = section(report(warmUp(true), null), "run");
        assertFalse(run.contains("id=\"unsteady\""), run);
        assertTrue(run.contains("<p class=\"ok\">Each mode warmed up to steady state before the first measured round"
                + " (budget 30 s per mode): h1 4.2 s, 312 -&gt; 95 us CPU per request; h1-pipelined 3 s, 250 -&gt; 80 us"
                + " CPU per request; h2 5.5 s, 400 -&gt; 120 us CPU per request.</p>"), run);
    }

    @Test
    void theCeilingIsTabledWithH2loadAndEachCellsShareOfIt() throws Exception {
        String html = report(warmUp(true), ceiling(true));
        assertTrue(html.contains("<a href=\"#ceiling\">Ceiling</a>"), "linked from the top");
        String ceiling = section(html, "ceiling");
        assertTrue(ceiling.contains("<th>mode</th><th>browsers</th><th>connections x streams</th><th>page loads/s</th>"
                + "<th>req/s</th><th>driver µs/req</th><th>origin µs/req</th><th>heap MB</th><th>warm-up s</th>"
                + "<th>failed</th><th>h2load req/s</th><th>h2load µs/req</th><th>req/s vs h2load</th>"
                + "<th>CPU vs h2load</th>"), ceiling);
        assertTrue(ceiling.contains("<tr><td>h2</td><td>4</td><td>4 x 128</td><td>333.3</td><td>4,000</td><td>60.0</td>"
                + "<td>45.0</td><td>16.8</td><td>5.5</td><td>0</td><td>8,000</td><td>20.0</td><td>0.50x</td><td>3.00x</td>"
                + "</tr>"), ceiling);
        // closed load, 4 browsers, no think time: 4 x 12 requests / 119.0 ms mean = 403 req/s, 10% of 4,000
        assertTrue(ceiling.contains("<tr><td>home</td><td>cable</td><td>warm</td><td>h2</td><td>403</td><td>4,000</td>"
                + "<td>10%</td></tr>"), ceiling);
        assertTrue(ceiling.contains("<tr><td>home</td><td>cable</td><td>warm</td><td>h1-pipelined</td><td>343</td>"
                + "<td>–</td><td>–</td></tr>"), "a mode the ceiling did not measure: " + ceiling);
        assertTrue(ceiling.contains("<td>cable</td><td>warm</td><td>h1-pipelined</td><td>–</td>"),
                "a cell without page loads has no offered rate");
        assertTrue(ceiling.contains("<td>3g</td><td>cold</td><td>h2</td><td>19</td><td>4,000</td><td>0.5%</td>"),
                "a small share keeps a digit: " + ceiling);
        assertTrue(ceiling.contains("over the mean page-load time plus the think time"), "says how it is computed");
    }

    @Test
    void withoutH2loadTheCeilingHasOnlyTheDriversColumns() throws Exception {
        String ceiling = section(report(null, ceiling(false)), "ceiling");
        assertFalse(ceiling.contains("h2load req/s"), ceiling);
        assertTrue(ceiling.contains("h2load did not run"), ceiling);
        assertTrue(ceiling.contains("<tr><td>h1</td><td>4</td><td>24 x 1</td><td>250.0</td><td>3,000</td>"), ceiling);
    }

    @Test
    void underOpenLoadTheOfferedRateIsTheRateTimesTheRequestsPerPageLoad() throws Exception {
        Fixture.copyTo(dir);
        CellResult cell = ResultsFormat.read(dir.resolve(ResultsFormat.RESULTS_FILE), Results.class).cells().get(0);
        RunConfiguration open = configuration(Load.OPEN, 2.5, 0);
        assertEquals(2.5 * 12, CeilingSection.offeredRequestsPerSecond(cell, open), 1e-9);
        RunConfiguration thinking = configuration(Load.CLOSED, 0, 100);
        assertEquals(4 * 12 * 1000 / (cell.pageLoads().meanMs() + 100),
                CeilingSection.offeredRequestsPerSecond(cell, thinking), 1e-9);
    }

    private String report(RunInfo.WarmUp warmUp, Ceiling ceiling) throws Exception {
        Fixture.copyTo(dir);
        RunInfo run = ResultsFormat.read(dir.resolve(ResultsFormat.RUN_FILE), RunInfo.class);
        ResultsFormat.writeRun(dir, new RunInfo(run.schemaVersion(), run.runId(), run.startedAt(), run.finishedAt(),
                run.durationSeconds(), run.complete(), run.muxbenchVersion(), run.environment(), run.configuration(),
                run.modes(), run.driver(), warmUp, ceiling));
        return Files.readString(ReportWriter.write(dir));
    }

    private static RunConfiguration configuration(Load load, double rate, long thinkTimeMs) {
        return new RunConfiguration(List.of("home"), List.of("h1"), List.of("cable"), List.of(), List.of(), true, load, 4,
                rate, thinkTimeMs, 300, 5, 3, 0, 60_000, RunConfiguration.EMBEDDED, true, 6, 1, 8, 128, "RSA", 1, null);
    }

    /** Every mode steady, or h2 still getting cheaper when the budget ended. */
    private static RunInfo.WarmUp warmUp(boolean h2Steady) {
        return new RunInfo.WarmUp(30, 0.5, 3, 0.02, List.of(
                new RunInfo.ModeWarmUp("h1", 4.2, 900, 10_800, 9, true, 312.0, 95.0),
                new RunInfo.ModeWarmUp("h1-pipelined", 3.0, 700, 8_400, 6, true, 250.0, 80.0),
                new RunInfo.ModeWarmUp("h2", h2Steady ? 5.5 : 30, 4000, 48_000, 60, h2Steady, 400.0, 120.0)));
    }

    /** h1 and h2 only, so the pipelined cells have no ceiling to compare with. */
    private static Ceiling ceiling(boolean h2load) {
        return new Ceiling("https://127.0.0.1:8443/", "embedded", "the child process's /proc stat", "home", 12, 2, 5,
                h2load ? "/usr/bin/h2load" : null, List.of(
                new Ceiling.ModeCeiling("h1", 4, 24, 1, 250, 3000, 80, 70.0, 0, 15_000_000, 4.2, true,
                        h2load ? new Ceiling.H2loadFigures(24, 1, 6000, 40.0, 35.0, 0) : null),
                new Ceiling.ModeCeiling("h2", 4, 4, 128, 333.33, 4000, 60, 45.0, 0, 16_800_000, 5.5, true,
                        h2load ? new Ceiling.H2loadFigures(4, 128, 8000, 20.0, 30.0, 0) : null)));
    }
}
