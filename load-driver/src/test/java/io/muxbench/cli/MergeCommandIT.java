package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.ceiling.OriginProcess;
import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code muxbench merge} on shard folders the driver wrote: three {@code run --shard I/3} processes
 * against one {@code muxbench serve} process, started together with {@code --start-at}, merged, then
 * reported and compared.
 */
class MergeCommandIT {

    private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @Test
    @Timeout(600)
    void mergesThreeShardProcessesIntoOneRunThatReportsAndCompares() throws Exception {
        List<Path> shards = new ArrayList<>();
        try (OriginProcess serve = OriginProcess.start(List.of("--scenario", "image-grid"), PROCESS_TIMEOUT)) {
            String startAt = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS).toString();
            List<Process> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Path out = dir.resolve("shard-" + i);
                shards.add(out);
                runs.add(muxbenchProcess(out.resolveSibling("shard-" + i + ".log"), "run", "--shard", i + "/3",
                        "--start-at", startAt, "--target", serve.tlsUri().toString(), "--insecure", "--mode", "h1,h2",
                        "--link", "none", "--reuse", "warm", "--browsers", "3", "--page-loads", "10", "--rounds", "2",
                        "--warmup", "0", "--warmup-budget", "0", "--quiet", "--no-report", "--out", out.toString()));
            }
            for (int i = 0; i < runs.size(); i++) {
                Process run = runs.get(i);
                assertTrue(run.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS), "shard " + i + " did not end");
                assertEquals(0, run.exitValue(), "shard " + i + ": " + Files.readString(dir.resolve("shard-" + i + ".log")));
            }
        }
        List<RunInfo.Shard> marks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RunInfo.Shard shard = ResultsFormat.readRun(shards.get(i)).run().shard();
            assertEquals(i, shard.index());
            assertEquals(3, shard.count());
            marks.add(shard);
        }
        Path merged = dir.resolve("merged");
        CliRun merge = merge(shards, merged);
        assertEquals(0, merge.exitCode(), merge.err());
        assertTrue(merge.out().contains("merged from 3 shards: " + marks.get(0).label()), merge.out());

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
            assertEquals(10, cell.pageLoads().count(), cell.id() + ": the page loads one process would make");
            assertEquals(0, cell.pageLoads().failed(), cell.id());
            assertEquals(plt.getValueAtPercentile(50) / 1000.0, cell.pageLoads().p50Ms(), cell.id());
            assertEquals(plt.getValueAtPercentile(90) / 1000.0, cell.pageLoads().p90Ms(), cell.id());
            assertEquals(plt.getValueAtPercentile(99) / 1000.0, cell.pageLoads().p99Ms(), cell.id());
        }

        CliRun report = CliRun.of("report", merged.toString());
        assertEquals(0, report.exitCode(), report.err());
        String html = Files.readString(merged.resolve(ResultsFormat.REPORT_FILE));
        assertTrue(html.contains("id=\"shards\"") && html.contains(marks.get(2).host()), "the report's shard section");

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
        CliRun different = merge(List.of(a, shard(1, 2, 6)), dir.resolve("merged"));
        assertEquals(Main.EXIT_BAD_INPUT, different.exitCode());
        assertEquals(1, different.err().lines().count(), different.err());
        assertTrue(different.err().startsWith("muxbench: cannot merge ") && different.err().contains("different configurations"),
                different.err());
        assertTrue(Files.notExists(dir.resolve("merged")));
    }

    private static CliRun merge(List<Path> shards, Path out) {
        List<String> args = new ArrayList<>(List.of("merge", "-o", out.toString()));
        shards.forEach(s -> args.add(s.toString()));
        return CliRun.of(args.toArray(String[]::new));
    }

    /** Shard {@code index} of {@code count} of a short run on the embedded origin, in this process. */
    private Path shard(int index, int count) throws Exception {
        return shard(index, count, 4);
    }

    private Path shard(int index, int count, int pageLoads) throws Exception {
        Path out = dir.resolve("shard-" + index + "-of-" + count + "-n" + pageLoads);
        CliRun run = CliRun.of("run", "--shard", index + "/" + count, "--browsers", "" + count, "--mode", "h2", "--link", "none",
                "--reuse", "cold", "--page-loads", "" + pageLoads, "--rounds", "1", "--warmup", "0",
                "--warmup-budget", "0", "--quiet", "--no-report", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    /** muxbench in a JVM of its own (this one's Java and class path), its output into {@code log}. */
    private static Process muxbenchProcess(Path log, String... args) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
