package io.muxbench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.ResultsFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkComparisonTest {

    @TempDir
    Path tmp;

    private static BenchmarkComparison judge(double baseline, double baselineError, double current, double currentError,
                                             String unit) {
        return BenchmarkComparison.judge(new JmhResult("b", "thrpt", Map.of(), baseline, baselineError, unit),
                new JmhResult("b", "thrpt", Map.of(), current, currentError, unit), Thresholds.DEFAULTS);
    }

    @Test
    void twentyPercentWorseWithTightErrorsIsARegression() {
        assertEquals(Verdict.REGRESSION, judge(1000, 10, 800, 10, "ops/s").verdict());
        assertEquals(Verdict.REGRESSION, judge(100, 1, 120, 1, "ns/op").verdict());
    }

    @Test
    void threePercentWorseWithWideErrorsIsNot() {
        assertEquals(Verdict.NO_CHANGE, judge(1000, 100, 970, 100, "ops/ms").verdict());
        assertEquals(Verdict.NO_CHANGE, judge(100, 10, 103, 10, "us/op").verdict());
    }

    @Test
    void twentyPercentWorseWithOverlappingErrorsIsNot() {
        BenchmarkComparison b = judge(1000, 150, 800, 150, "ops/s");
        assertEquals(Verdict.NO_CHANGE, b.verdict());
        assertEquals("score±error intervals overlap", b.note());
    }

    @Test
    void theBetterDirectionComesFromTheUnit() {
        assertEquals(Verdict.IMPROVEMENT, judge(1000, 10, 1200, 10, "ops/s").verdict());
        assertEquals(Verdict.IMPROVEMENT, judge(100, 1, 80, 1, "ms/op").verdict());
        assertThrows(IllegalArgumentException.class, () -> JmhResult.higherIsBetter("furlongs"));
    }

    @Test
    void withoutAnErrorEstimateNothingIsJudged() {
        BenchmarkComparison b = judge(1000, Double.NaN, 500, 10, "ops/s");
        assertEquals(Verdict.NO_CHANGE, b.verdict());
        assertTrue(b.note().startsWith("no score error"), b.note());
        assertNull(judge(1000, Double.NaN, 1001, Double.NaN, "ops/s").note());
    }

    @Test
    void readsJmhJsonWithParamsAndNaNErrors() throws Exception {
        Path file = JmhFiles.write(tmp.resolve("jmh.json"),
                JmhFiles.withParam(JmhFiles.result("io.muxbench.bench.HpackBench.encode", "avgt", 12.5, Double.NaN, "ns/op"),
                        "size", "LARGE"));
        List<JmhResult> results = JmhResult.read(file);
        assertEquals(1, results.size());
        assertEquals("io.muxbench.bench.HpackBench.encode [size=LARGE] (avgt)", results.get(0).key());
        assertTrue(Double.isNaN(results.get(0).scoreError()));
    }

    @Test
    void aJmhFileWithoutAScoreIsBadInput() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, "[{\"benchmark\":\"b\",\"mode\":\"thrpt\",\"primaryMetric\":{\"scoreUnit\":\"ops/s\"}}]");
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> JmhResult.read(file));
        assertTrue(e.getMessage().endsWith("at $[0].primaryMetric: required number \"score\" is missing"), e.getMessage());
    }

    @Test
    void jmhFilesAreMatchedByNameParamsAndMode() throws Exception {
        Path baseline = JmhFiles.write(tmp.resolve("a.json"),
                JmhFiles.withParam(JmhFiles.result("x.B.m", "thrpt", 1000, 10, "ops/s"), "n", "1"),
                JmhFiles.withParam(JmhFiles.result("x.B.m", "thrpt", 2000, 10, "ops/s"), "n", "2"));
        Path current = JmhFiles.write(tmp.resolve("b.json"),
                JmhFiles.withParam(JmhFiles.result("x.B.m", "thrpt", 2010, 10, "ops/s"), "n", "2"),
                JmhFiles.withParam(JmhFiles.result("x.B.m", "thrpt", 800, 10, "ops/s"), "n", "1"));
        Comparison c = new RunComparator(Thresholds.DEFAULTS, Set.of()).compare(baseline, current);
        assertEquals(Comparison.EXIT_REGRESSION, c.exitCode());
        assertEquals(List.of("x.B.m [n=1] (thrpt)"), c.regressedBenchmarks().stream().map(BenchmarkComparison::key).toList());
    }

    @Test
    void aBenchmarkOnOneSideOnlyIsIncomparable() throws Exception {
        Path baseline = JmhFiles.write(tmp.resolve("a.json"), JmhFiles.result("x.B.m", "thrpt", 1000, 10, "ops/s"),
                JmhFiles.result("x.B.gone", "thrpt", 1000, 10, "ops/s"));
        Path current = JmhFiles.write(tmp.resolve("b.json"), JmhFiles.result("x.B.m", "thrpt", 1000, 10, "ops/s"));
        IncomparableException e = assertThrows(IncomparableException.class,
                () -> new RunComparator(Thresholds.DEFAULTS, Set.of()).compare(baseline, current));
        assertEquals(List.of("benchmark 'x.B.gone (thrpt)' only in baseline"), e.differences());
    }
}
