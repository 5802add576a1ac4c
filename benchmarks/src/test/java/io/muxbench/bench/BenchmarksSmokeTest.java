package io.muxbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark of the generated {@code META-INF/BenchmarkList} once, in this JVM, with
 * minimal iterations, so CI catches a benchmark whose setup self-check fails or that throws. The
 * scores mean nothing at these settings; only their presence is asserted.
 */
class BenchmarksSmokeTest {

    private static final String AREAS = "Hpack|Qpack|Http2Frame|Http3Exchange|Http1|Tls|Driver";

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyBenchmarkRunsOnceAndProducesAScore() throws Exception {
        Set<String> expected = listedBenchmarks();
        assertTrue(expected.size() >= 4, "annotation processor listed only " + expected);
        for (String area : AREAS.split("\\|")) {
            assertTrue(expected.stream().anyMatch(name -> name.contains("." + area)),
                    "no benchmark of area " + area + " in " + expected);
        }

        Options options = new OptionsBuilder()
                .include("io\\.muxbench\\.bench\\..*")
                .forks(0)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(20))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(30))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, List<Double>> scoresByBenchmark = new TreeMap<>(results.stream().collect(Collectors.groupingBy(
                r -> r.getParams().getBenchmark(),
                Collectors.mapping(r -> r.getPrimaryResult().getScore(), Collectors.toList()))));
        assertEquals(expected, scoresByBenchmark.keySet());
        scoresByBenchmark.forEach((name, scores) -> {
            assertFalse(scores.isEmpty(), name);
            scores.forEach(score -> assertTrue(Double.isFinite(score) && score > 0, name + " scored " + score));
        });
    }

    private static Set<String> listedBenchmarks() {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        Set<BenchmarkListEntry> entries = BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), List.of());
        return entries.stream().map(BenchmarkListEntry::getUsername).collect(Collectors.toCollection(TreeSet::new));
    }
}
