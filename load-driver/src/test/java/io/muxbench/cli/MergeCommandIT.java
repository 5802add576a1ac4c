package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code muxbench merge} on run folders the driver wrote: three runs of one configuration, each
 * marked by hand as shard I of 3 (as {@code run --shard I/3} marks its folder), merged, then reported
 * and compared.
 */
class MergeCommandIT {

    @TempDir
    Path dir;

    @Test
    void mergesThreeShardsThatReportAndCompareThenRead() throws Exception {
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shards.add(shard(i, 3));
        }
        Path merged = dir.resolve("merged");
        CliRun merge = merge(shards, merged);
        assertEquals(0, merge.exitCode(), merge.err());
        assertTrue(merge.out().contains("merged from 3 shards: shard 0 (host-0) "), merge.out());

        ResultsFormat.RunFolder run = ResultsFormat.readRun(merged);
        for (CellResult cell : run.results().cells()) {
            long pageLoads = 0;
            long requests = 0;
            Histogram plt = HistogramLogs.newHistogram();
            for (Path shard : shards) {
                CellResult part = ResultsFormat.readRun(shard).results().cells().stream()
                        .filter(c -> c.id().equals(cell.id())).findFirst().orElseThrow();
                pageLoads += part.pageLoads().count();
                requests += part.requests().count();
                plt.add(HistogramLogs.readTotals(shard, part.histogramLog()).get(HistogramLogs.PAGE_LOAD));
            }
            assertEquals(pageLoads, cell.pageLoads().count(), cell.id());
            assertEquals(requests, cell.requests().count(), cell.id());
            assertEquals(plt.getValueAtPercentile(50) / 1000.0, cell.pageLoads().p50Ms(), cell.id());
            assertEquals(plt.getValueAtPercentile(90) / 1000.0, cell.pageLoads().p90Ms(), cell.id());
            assertEquals(plt.getValueAtPercentile(99) / 1000.0, cell.pageLoads().p99Ms(), cell.id());
        }

        CliRun report = CliRun.of("report", merged.toString());
        assertEquals(0, report.exitCode(), report.err());
        String html = Files.readString(merged.resolve(ResultsFormat.REPORT_FILE));
        assertTrue(html.contains("id=\"shards\"") && html.contains("host-2"), "the report's shard section");

        Path copy = Files.createDirectories(dir.resolve("copy"));
        try (Stream<Path> files = Files.walk(merged)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(merged.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        CliRun compare = CliRun.of("compare", merged.toString(), copy.toString());
        assertEquals(0, compare.exitCode(), compare.out() + compare.err());
    }

    @Test
    void shardsThatDoNotMakeOneRunExitTwoWithOneLine() throws Exception {
        Path a = shard(0, 2);
        Path b = shard(1, 2);
        CliRun twice = merge(List.of(a, b, b), dir.resolve("merged"));
        assertEquals(Main.EXIT_BAD_INPUT, twice.exitCode());
        assertEquals(List.of("muxbench: cannot merge: shard 1 given twice: " + b + " and " + b), twice.err().lines().toList());
        CliRun missing = merge(List.of(b), dir.resolve("merged"));
        assertEquals(Main.EXIT_BAD_INPUT, missing.exitCode());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().startsWith("muxbench: cannot merge: shard 0 of 2 missing"), missing.err());
        assertTrue(Files.notExists(dir.resolve("merged")));
    }

    private static CliRun merge(List<Path> shards, Path out) {
        List<String> args = new ArrayList<>(List.of("merge", "-o", out.toString()));
        shards.forEach(s -> args.add(s.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** A short run on the embedded origin, its run.json then marked as shard {@code index} of {@code count}. */
    private Path shard(int index, int count) throws Exception {
        Path scenario = dir.resolve("t.json");
        if (Files.notExists(scenario)) {
            Files.writeString(scenario, """
                    {"schemaVersion": 1, "name": "t", "root": {"path": "/", "contentType": "text/html", "size": 1000,
                     "children": [{"path": "/a.css", "contentType": "text/css", "size": 2000}]}}
                    """);
        }
        Path out = dir.resolve("shard-" + index + "-of-" + count);
        CliRun run = CliRun.of("run", "--scenario", scenario.toString(), "--mode", "h2,h1", "--link", "none",
                "--reuse", "cold", "--page-loads", "4", "--rounds", "1", "--warmup", "0",
                "--warmup-budget", "0", "--quiet", "--no-report", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        RunInfo info = ResultsFormat.readRun(out).run();
        RunInfo marked = new RunInfo(info.schemaVersion(), info.runId(), info.startedAt(), info.finishedAt(),
                info.durationSeconds(), info.complete(), info.muxbenchVersion(), info.environment(),
                info.configuration(), info.modes(), info.driver(), info.warmUp(), info.ceiling(),
                new RunInfo.Shard(index, count, RunInfo.configurationHash(info.configuration()), "host-" + index), null);
        ResultsFormat.writeRun(out, marked);
        return out;
    }
}
