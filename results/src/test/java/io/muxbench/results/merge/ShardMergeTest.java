package io.muxbench.results.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import io.muxbench.results.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {

    @TempDir
    Path tmp;

    private List<Path> shards(int count) throws Exception {
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            dirs.add(new ShardFolderWriter(tmp.resolve("shard-" + i), i, count).write());
        }
        return dirs;
    }

    @Test
    void countsAreTheShardsSumsAndPercentilesThoseOfTheAddedHistograms() throws Exception {
        List<Path> dirs = shards(3);
        ResultsFormat.RunFolder merged = ShardMerge.merge(dirs, tmp.resolve("merged"));
        assertEquals(ShardFolderWriter.CELLS, merged.results().cells().stream().map(CellResult::id).toList());
        for (CellResult cell : merged.results().cells()) {
            Map<String, Histogram> expected = Map.of(HistogramLogs.PAGE_LOAD, HistogramLogs.newHistogram(),
                    HistogramLogs.REQUEST, HistogramLogs.newHistogram());
            long pageLoads = 0;
            long requests = 0;
            long resets = 0;
            long serverRequests = 0;
            for (Path dir : dirs) {
                CellResult shard = cellOf(ResultsFormat.readRun(dir), cell.id());
                pageLoads += shard.pageLoads().count();
                requests += shard.requests().count();
                resets += shard.errors().get("reset");
                serverRequests += shard.server().requestsReceived();
                HistogramLogs.readTotals(dir, shard.histogramLog()).forEach((tag, h) -> expected.get(tag).add(h));
            }
            assertEquals(pageLoads, cell.pageLoads().count());
            assertEquals(1 + 2 + 3, cell.pageLoads().failed());
            assertEquals(requests, cell.requests().count());
            assertEquals(resets, cell.errors().get("reset"));
            assertEquals(serverRequests, cell.server().requestsReceived());
            assertEquals(3, cell.server().maxInFlightPerConnection(), "the largest shard's, not a sum");
            Histogram plt = expected.get(HistogramLogs.PAGE_LOAD);
            assertEquals(plt.getValueAtPercentile(50) / 1000.0, cell.pageLoads().p50Ms());
            assertEquals(plt.getValueAtPercentile(90) / 1000.0, cell.pageLoads().p90Ms());
            assertEquals(plt.getValueAtPercentile(99) / 1000.0, cell.pageLoads().p99Ms());
            assertEquals(plt.getMaxValue() / 1000.0, cell.pageLoads().maxMs());
            Histogram request = expected.get(HistogramLogs.REQUEST);
            assertEquals(request.getValueAtPercentile(99) / 1000.0, cell.requests().p99Ms());
            Map<String, Histogram> mergedLog = HistogramLogs.readTotals(merged.dir(), cell.histogramLog());
            assertEquals(plt, mergedLog.get(HistogramLogs.PAGE_LOAD), "the merged log holds the sum, exactly");
            assertEquals(request, mergedLog.get(HistogramLogs.REQUEST));
            assertEquals(2, cell.samples().size(), "samplesPerCell of the configuration, shard 0's first");
        }
    }

    @Test
    void perPageLoadAveragesAreWeightedByEachShardsPageLoads() throws Exception {
        List<Path> dirs = shards(2);
        CellResult merged = ShardMerge.merge(dirs, tmp.resolve("merged")).results().cells().get(0);
        CellResult a = ResultsFormat.readRun(dirs.get(0)).results().cells().get(0);
        CellResult b = ResultsFormat.readRun(dirs.get(1)).results().cells().get(0);
        long n = a.pageLoads().count() + b.pageLoads().count();
        double connections = (a.connectionsPerPageLoad() * a.pageLoads().count()
                + b.connectionsPerPageLoad() * b.pageLoads().count()) / n;
        assertEquals(Math.round(connections * 1000) / 1000.0, merged.connectionsPerPageLoad());
        assertEquals(Math.round((double) (a.bytes().sentPerPageLoad() * a.pageLoads().count()
                + b.bytes().sentPerPageLoad() * b.pageLoads().count()) / n), merged.bytes().sentPerPageLoad());
    }

    @Test
    void intervalsAreAddedByAbsoluteTime() throws Exception {
        List<Path> dirs = shards(3);
        dirs.set(2, new ShardFolderWriter(tmp.resolve("late"), 2, 3).offsetMillis(500).write());
        ResultsFormat.RunFolder merged = ShardMerge.merge(dirs, tmp.resolve("merged"));
        String log = merged.results().cells().get(0).histogramLog();
        List<HistogramLogs.Interval> intervals = HistogramLogs.readIntervals(merged.dir(), log);
        List<Long> starts = intervals.stream().filter(i -> i.tag().equals(HistogramLogs.PAGE_LOAD))
                .map(HistogramLogs.Interval::startEpochMillis).toList();
        long t0 = ShardFolderWriter.START_MILLIS;
        assertEquals(List.of(t0, t0 + 500, t0 + 1000, t0 + 1500), starts,
                "shards 0 and 1 share each round's start and are added; the late shard keeps its own");
        long shard0And1 = Stream.of(dirs.get(0), dirs.get(1)).mapToLong(d -> firstInterval(d).getTotalCount()).sum();
        assertEquals(shard0And1, intervals.get(0).histogram().getTotalCount());
    }

    @Test
    void runJsonKeepsEachShardAndTheWorstDriverHealth() throws Exception {
        List<Path> dirs = shards(3);
        dirs.set(1, new ShardFolderWriter(tmp.resolve("busy"), 1, 3).bottleneck().write());
        RunInfo run = ShardMerge.merge(dirs, tmp.resolve("merged")).run();
        assertNull(run.shard());
        assertEquals("merged", run.runId());
        assertEquals(List.of(0, 1, 2), run.shards().stream().map(s -> s.shard().index()).toList());
        assertEquals(List.of("host-0", "host-1", "host-2"), run.shards().stream().map(s -> s.shard().host()).toList());
        assertTrue(run.driver().bottleneck());
        assertEquals(List.of("shard 1 (host-1): driver CPU 95% of all cores"), run.driver().warnings());
        assertEquals(22, run.driver().cpuPercent());
        assertEquals("2026-12-01T10:00:00Z", run.startedAt());
        assertEquals("2026-12-01T10:01:02Z", run.finishedAt());
        assertEquals(62, run.durationSeconds());
        assertTrue(run.complete());
        assertEquals(ShardFolderWriter.configuration(1, 2), run.configuration());
        long pageLoads = ResultsFormat.readRun(dirs.get(1)).results().cells().stream()
                .mapToLong(c -> c.pageLoads().count()).sum();
        assertEquals(pageLoads, run.shards().get(1).pageLoads());
    }

    @Test
    void refusesShardsOfDifferentConfigurations() throws Exception {
        List<Path> dirs = shards(3);
        dirs.set(2, new ShardFolderWriter(tmp.resolve("other"), 2, 3).otherConfiguration().write());
        assertRefused(dirs, "cannot merge " + dirs.get(0) + " and " + dirs.get(2) + ": different configurations");
    }

    @Test
    void refusesAShardGivenTwice() throws Exception {
        List<Path> dirs = shards(3);
        Path again = new ShardFolderWriter(tmp.resolve("again"), 1, 3).write();
        assertRefused(List.of(dirs.get(0), dirs.get(1), again, dirs.get(2)),
                "cannot merge: shard 1 given twice: " + dirs.get(1) + " and " + again);
        assertRefused(List.of(dirs.get(0), dirs.get(1), dirs.get(1), dirs.get(2)), "cannot merge: shard 1 given twice");
    }

    @Test
    void refusesAMissingShard() throws Exception {
        List<Path> dirs = shards(3);
        assertRefused(List.of(dirs.get(0), dirs.get(1)), "cannot merge: shard 2 of 3 missing (given: shard 0 (");
        assertRefused(List.of(dirs.get(1)), "cannot merge: shards 0, 2 of 3 missing");
    }

    @Test
    void refusesHistogramsOfDifferentPrecision() throws Exception {
        List<Path> dirs = shards(3);
        dirs.set(1, new ShardFolderWriter(tmp.resolve("coarse"), 1, 3).digits(2).write());
        assertRefused(dirs, "cannot merge: histograms of different precision: shard 0 (");
    }

    @Test
    void refusesAFolderThatIsNoShardAndAnOutputThatExists() throws Exception {
        List<Path> dirs = shards(2);
        RunInfo run = ResultsFormat.readRun(dirs.get(1)).run();
        ResultsFormat.writeRun(dirs.get(1), new RunInfo(run.schemaVersion(), run.runId(), run.startedAt(),
                run.finishedAt(), run.durationSeconds(), run.complete(), run.muxbenchVersion(), run.environment(),
                run.configuration(), run.modes(), run.driver(), null, null));
        assertRefused(dirs, "cannot merge " + dirs.get(1) + ": not a shard");
        Files.writeString(Files.createDirectories(tmp.resolve("merged")).resolve("x"), "x");
        ResultsFormatException e = assertThrows(ResultsFormatException.class,
                () -> ShardMerge.merge(shards(2), tmp.resolve("merged")));
        assertTrue(e.getMessage().startsWith("cannot merge into "), e.getMessage());
    }

    private void assertRefused(List<Path> dirs, String start) throws Exception {
        Path out = tmp.resolve("merged");
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> ShardMerge.merge(dirs, out));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertFalse(Files.exists(out), "nothing written");
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".merging-")), "no half-written folder");
        }
    }

    private static CellResult cellOf(ResultsFormat.RunFolder run, String id) {
        return run.results().cells().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static Histogram firstInterval(Path dir) {
        try {
            return HistogramLogs.readIntervals(dir, HistogramLogs.path(ShardFolderWriter.CELLS.get(0))).get(0)
                    .histogram();
        } catch (ResultsFormatException e) {
            throw new AssertionError(e);
        }
    }
}
