package io.muxbench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import io.muxbench.vocabulary.Load;
import io.muxbench.vocabulary.RunConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparatorTest {

    @TempDir
    Path tmp;

    private final RunComparator comparator = new RunComparator(Thresholds.DEFAULTS, Set.of());

    private Path run(String name, long seed) throws IOException {
        return new SyntheticRun(tmp.resolve(name)).seed(seed).standardCells().write();
    }

    @Test
    void identicalRunsGiveNoRegression() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = run("current", 7);
        Comparison c = comparator.compare(baseline, current);
        assertEquals(Comparison.EXIT_OK, c.exitCode());
        assertEquals(6, c.cells().size());
        for (CellComparison cell : c.cells()) {
            assertEquals(Verdict.NO_CHANGE, cell.verdict(), cell.key());
            cell.percentiles().forEach(p -> assertEquals(0.0, p.deltaMs(), cell.key()));
        }
    }

    @Test
    void thirtyMillisecondsMoreOnEveryPageLoadIsARegressionInEveryCell() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = new SyntheticRun(tmp.resolve("current")).seed(8).addMillis(30).standardCells().write();
        Comparison c = comparator.compare(baseline, current);
        assertEquals(Comparison.EXIT_REGRESSION, c.exitCode());
        assertEquals(6, c.regressedCells().size());
        List<String> details = ComparisonText.details(c);
        assertTrue(details.stream().anyMatch(d -> d.startsWith("news | h2 | 4g | cold | tls: regression, p50")), details::toString);
        for (CellComparison cell : c.cells()) {
            PercentileChange p50 = cell.percentiles().get(0);
            assertTrue(p50.ciLowMs() > 0, cell.key() + " " + p50);
        }
    }

    @Test
    void anH3CellComparesLikeAnyOther() throws Exception {
        Path baseline = new SyntheticRun(tmp.resolve("baseline")).seed(7).standardCells().cell("news", "h3", "4g", 100).write();
        Path current = new SyntheticRun(tmp.resolve("current")).seed(8).addMillis(30).standardCells()
                .cell("news", "h3", "4g", 100).write();
        Comparison c = comparator.compare(baseline, current);
        assertEquals(7, c.regressedCells().size());
        List<String> details = ComparisonText.details(c);
        assertTrue(details.stream().anyMatch(d -> d.startsWith("news | h3 | 4g | cold | tls: regression, p50")), details::toString);
    }

    @Test
    void thirtyMillisecondsLessIsAnImprovement() throws Exception {
        Path baseline = new SyntheticRun(tmp.resolve("baseline")).seed(7).addMillis(30).standardCells().write();
        Comparison c = comparator.compare(baseline, run("current", 8));
        assertEquals(Comparison.EXIT_OK, c.exitCode());
        assertEquals(6, c.count(Verdict.IMPROVEMENT));
    }

    @Test
    void samplesFromTheSameDistributionAreNoRegression() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            Path baseline = run("baseline-" + seed, seed);
            Path current = run("current-" + seed, seed + 100);
            Comparison c = comparator.compare(baseline, current);
            assertEquals(0, c.count(Verdict.REGRESSION) + c.count(Verdict.IMPROVEMENT), () -> ComparisonText.details(c).toString());
        }
    }

    @Test
    void aSmallSlowdownOnLoopbackIsBelowTheAbsoluteFloor() throws Exception {
        // 0.9 ms on a 6 ms page load is 15%, beyond the p50 threshold, but under the 1 ms floor.
        Path baseline = run("baseline", 7);
        Path current = new SyntheticRun(tmp.resolve("current")).seed(7).addMillis(0.9).standardCells().write();
        Comparison c = comparator.compare(baseline, current);
        c.cells().stream().filter(cell -> cell.key().contains("| none |"))
                .forEach(cell -> assertEquals(Verdict.NO_CHANGE, cell.verdict(), cell.key()));
    }

    @Test
    void moreFailedPageLoadsAreARegression() throws Exception {
        Path baseline = new SyntheticRun(tmp.resolve("baseline")).seed(7).cell("news", "h2", "lossy", 300).write();
        Path current = new SyntheticRun(tmp.resolve("current")).seed(7).cell("news", "h2", "lossy", 300, 40).write();
        Comparison c = comparator.compare(baseline, current);
        assertEquals(Verdict.REGRESSION, c.cells().get(0).failuresVerdict());
        assertEquals(Comparison.EXIT_REGRESSION, c.exitCode());
    }

    @Test
    void anotherSchemaVersionIsIncomparableInOneLine() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = new SyntheticRun(tmp.resolve("current")).seed(7).schemaVersion(3).standardCells().write();
        IncomparableException e = assertThrows(IncomparableException.class, () -> comparator.compare(baseline, current));
        assertTrue(e.getMessage().contains("schema version 3 but this muxbench reads versions 1 to 2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aMissingFieldIsIncomparableInOneLine() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = run("current", 7);
        Path results = current.resolve(ResultsFormat.RESULTS_FILE);
        ObjectNode tree = (ObjectNode) ResultsFormat.MAPPER.readTree(results.toFile());
        ((ObjectNode) tree.get("cells").get(1)).remove("pageLoads");
        ResultsFormat.writeJson(results, tree);
        IncomparableException e = assertThrows(IncomparableException.class, () -> comparator.compare(baseline, current));
        assertTrue(e.getMessage().contains("$.cells[1]") && e.getMessage().contains("pageLoads"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aMissingHistogramLogIsIncomparable() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = run("current", 7);
        Files.delete(current.resolve("cells/news-h2-4g-cold-tls.hlog"));
        IncomparableException e = assertThrows(IncomparableException.class, () -> comparator.compare(baseline, current));
        assertEquals(1, e.differences().size(), e.differences()::toString);
        assertTrue(e.getMessage().startsWith("cannot compare: current cell 'news | h2 | 4g | cold | tls': ")
                && e.getMessage().endsWith("news-h2-4g-cold-tls.hlog: no such histogram log"), e.getMessage());
    }

    @Test
    void aRunComparedWithItselfIsRefusedHoweverItIsSpelled() throws Exception {
        Path run = run("baseline", 7);
        for (Path same : List.of(run, run.resolve(ResultsFormat.RESULTS_FILE), run.resolve("cells/..").resolve("."))) {
            IncomparableException e = assertThrows(IncomparableException.class, () -> comparator.compare(run, same));
            assertEquals("cannot compare: baseline " + run + " and current " + same
                    + " are the same run folder: compare a run with another run", e.getMessage());
        }
    }

    @Test
    void runJsonMissingOnOneSideIsIncomparable() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = run("current", 7);
        Files.delete(current.resolve(ResultsFormat.RUN_FILE));
        IncomparableException e = assertThrows(IncomparableException.class, () -> comparator.compare(baseline, current));
        assertEquals(List.of("no run.json in the current " + current + ", so its configuration cannot be checked against"
                + " the other run's"), e.differences());
        Files.delete(baseline.resolve(ResultsFormat.RUN_FILE));
        assertTrue(comparator.compare(baseline, current).notes()
                .contains("no run.json in either run: configuration not checked"));
    }

    @Test
    void aHistogramLogOutsideTheRunFolderIsIncomparable() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = run("current", 7);
        ObjectNode results = (ObjectNode) ResultsFormat.MAPPER.readTree(current.resolve(ResultsFormat.RESULTS_FILE).toFile());
        ((ObjectNode) results.path("cells").get(0)).put("histogramLog", "../baseline/cells/news-h1-4g-cold-tls.hlog");
        ResultsFormat.MAPPER.writeValue(current.resolve(ResultsFormat.RESULTS_FILE).toFile(), results);
        IncomparableException e = assertThrows(IncomparableException.class, () -> comparator.compare(baseline, current));
        assertTrue(e.getMessage().endsWith("../baseline/cells/news-h1-4g-cold-tls.hlog: a histogram log must be a file"
                + " in the run folder's cells/ (a relative path without '..')"), e.getMessage());
    }

    @Test
    void resultsFilesWorkAsWellAsFolders() throws Exception {
        Path baseline = run("baseline", 7).resolve(ResultsFormat.RESULTS_FILE);
        Path current = run("current", 7).resolve(ResultsFormat.RESULTS_FILE);
        assertEquals(6, comparator.compare(baseline, current).cells().size());
    }

    @Test
    void aMeasuredConfigurationDifferenceIsNamed() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = new SyntheticRun(tmp.resolve("current")).seed(7).pageLoadsPerCell(200).load(Load.OPEN)
                .standardCells().write();
        IncomparableException e = assertThrows(IncomparableException.class, () -> comparator.compare(baseline, current));
        assertEquals(List.of("configuration.load: \"closed\" vs \"open\"", "configuration.pageLoads: 400 vs 200",
                "configuration.ratePerSecond: 0.0 vs 10.0"), e.differences());
    }

    @Test
    void theSamplesKeptAndIgnoredFieldsDoNotCount() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = new SyntheticRun(tmp.resolve("current")).seed(7).samplesPerCell(20).load(Load.OPEN)
                .standardCells().write();
        Comparison c = new RunComparator(Thresholds.DEFAULTS, Set.of("load", "ratePerSecond")).compare(baseline, current);
        assertEquals(Comparison.EXIT_OK, c.exitCode());
    }

    @Test
    void everyFieldCompareLeavesOutIsAFieldOfTheConfiguration() {
        assertTrue(RunConfiguration.fieldNames().containsAll(RunComparator.NOT_MEASURED), RunComparator.NOT_MEASURED::toString);
    }

    @Test
    void ignoringAFieldTheConfigurationLacksIsRefusedNamingTheFields() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RunComparator(Thresholds.DEFAULTS, Set.of("outDir")));
        assertTrue(e.getMessage().startsWith("no configuration field 'outDir' to ignore; the fields: scenarios, modes,"),
                e.getMessage());
        new RunComparator(Thresholds.DEFAULTS, Set.of("linkProfiles.rttMillis"));
    }

    @Test
    void aRunJsonWhoseConfigurationLacksAFieldStillCompares() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = run("current", 7);
        for (Path run : List.of(baseline, current)) {
            ObjectNode tree = (ObjectNode) ResultsFormat.MAPPER.readTree(run.resolve(ResultsFormat.RUN_FILE).toFile());
            ((ObjectNode) tree.get("configuration")).remove(List.of("tls", "h1Connections"));
            ResultsFormat.writeJson(run.resolve(ResultsFormat.RUN_FILE), tree);
        }
        assertEquals(Comparison.EXIT_OK, comparator.compare(baseline, current).exitCode());
    }

    @Test
    void cellsOnOneSideOnlyAreNamed() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = new SyntheticRun(tmp.resolve("current")).seed(7).cell("news", "h2", "4g", 120).write();
        IncomparableException e = assertThrows(IncomparableException.class, () -> comparator.compare(baseline, current));
        assertTrue(e.differences().contains("cell 'news | h1 | 4g | cold | tls' only in baseline"), e.differences()::toString);
        assertEquals(5, e.differences().size(), e.differences()::toString);
    }

    @Test
    void anotherMachineIsANoteNotAnError() throws Exception {
        Path baseline = run("baseline", 7);
        Path current = new SyntheticRun(tmp.resolve("current")).seed(7).cpus(8).standardCells().write();
        Comparison c = comparator.compare(baseline, current);
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("environment.cpus: 2 vs 8")), c.notes()::toString);
    }

    @Test
    void aRunMeasuredBeforeSteadyStateIsANoteNotAnError() throws Exception {
        RunInfo.WarmUp steady = warmUp(true);
        Path baseline = new SyntheticRun(tmp.resolve("baseline")).seed(7).warmUp(steady).standardCells().write();
        Path current = new SyntheticRun(tmp.resolve("current")).seed(7).warmUp(steady).standardCells().write();
        assertFalse(comparator.compare(baseline, current).notes().stream().anyMatch(n -> n.contains("steady state")),
                "both runs measured in steady state");

        Path unwarmed = run("unwarmed", 7);
        Comparison c = comparator.compare(baseline, unwarmed);
        assertEquals(Comparison.EXIT_OK, c.exitCode());
        assertEquals(List.of("the current run measured before steady state: it did not warm up to steady state, so its"
                + " first rounds may measure the JIT, not the protocols"), c.notes());

        Path unsteady = new SyntheticRun(tmp.resolve("unsteady")).seed(7).warmUp(warmUp(false)).standardCells().write();
        assertEquals(List.of("the baseline run measured before steady state: the CPU per request of h2 was still falling"
                        + " when the 30 s warm-up budget ended, so the first rounds may measure the JIT, not the protocols"),
                comparator.compare(unsteady, current).notes());
    }

    /** Every mode steady, or h2 still getting cheaper when the budget ended. */
    private static RunInfo.WarmUp warmUp(boolean h2Steady) {
        return new RunInfo.WarmUp(30, 0.5, 3, 0.02, List.of(
                new RunInfo.ModeWarmUp("h1", 4.2, 900, 10_800, 9, true, 312.0, 95.0),
                new RunInfo.ModeWarmUp("h1-pipelined", 3.0, 700, 8_400, 6, true, 250.0, 80.0),
                new RunInfo.ModeWarmUp("h2", h2Steady ? 5.5 : 30, 4000, 48_000, 60, h2Steady, 400.0, 120.0)));
    }

    @Test
    void aRunFolderAgainstAJmhFileIsIncomparable() throws Exception {
        Path baseline = run("baseline", 7);
        Path jmh = JmhFiles.write(tmp.resolve("jmh.json"), JmhFiles.result("x.Bench.m", "thrpt", 100, 1, "ops/s"));
        IncomparableException e = assertThrows(IncomparableException.class, () -> comparator.compare(baseline, jmh));
        assertTrue(e.getMessage().contains("is a run folder but current"), e.getMessage());
    }
}
