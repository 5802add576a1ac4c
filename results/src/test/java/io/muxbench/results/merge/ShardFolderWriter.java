package io.muxbench.results.merge;

import io.muxbench.results.CellResult;
import io.muxbench.results.CellStatistics;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.PageLoadSample;
import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.Load;
import io.muxbench.vocabulary.Reuse;
import io.muxbench.vocabulary.RunConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * Writes a shard folder as {@code run --shard I/N} would (run.json with its {@code shard}, results.json,
 * one hlog per cell with two intervals a round apart), its values drawn from a seeded log-normal.
 *
 * <pre>{@code
 * Path shard = new ShardFolderWriter(dir, 1, 3).write();
 * }</pre>
 */
final class ShardFolderWriter {

    /** Every shard's log starts here, so the intervals of one round line up in absolute time. */
    static final long START_MILLIS = 1_796_112_000_000L;
    static final List<String> CELLS = List.of("news-h1-none-cold-tls", "news-h2-none-cold-tls");

    private final Path dir;
    private final int index;
    private final int count;
    private final int pageLoadsPerRound;
    private int seedOffset;
    private int digits = HistogramLogs.DIGITS;
    private int samplesPerCell = 2;
    private boolean bottleneck;
    private long offsetMillis;

    ShardFolderWriter(Path dir, int index, int count) {
        this.dir = dir;
        this.index = index;
        this.count = count;
        this.pageLoadsPerRound = 50 + 10 * index;
    }

    /** A different configuration (its seed), so its hash differs from the others'. */
    ShardFolderWriter otherConfiguration() {
        this.seedOffset = 1;
        return this;
    }

    ShardFolderWriter digits(int digits) {
        this.digits = digits;
        return this;
    }

    ShardFolderWriter bottleneck() {
        this.bottleneck = true;
        return this;
    }

    /** Its intervals start this much later than the others' (a shard that started late). */
    ShardFolderWriter offsetMillis(long millis) {
        this.offsetMillis = millis;
        return this;
    }

    static RunConfiguration configuration(long seed, int samplesPerCell) {
        return new RunConfiguration(List.of("news"), List.of("h1", "h2"), List.of("none"), List.of(),
                List.of(Reuse.COLD), true, Load.CLOSED, 6, 0, 0, 300, 1, 2, samplesPerCell, 60_000,
                RunConfiguration.EMBEDDED, true, 6, 1, 128, 128, "RSA", seed, null);
    }

    Path write() throws IOException {
        SplittableRandom random = new SplittableRandom(100 + index);
        List<CellResult> cells = new ArrayList<>();
        for (String id : CELLS) {
            cells.add(writeCell(id, random));
        }
        RunConfiguration configuration = configuration(1 + seedOffset, samplesPerCell);
        RunInfo.Shard shard = new RunInfo.Shard(index, count, RunInfo.configurationHash(configuration), "host-" + index);
        RunInfo.DriverHealth driver = new RunInfo.DriverHealth(20 + index, 1.5 * index, bottleneck,
                bottleneck ? List.of("driver CPU 95% of all cores") : List.of(), 10.0 + index, 50.0 + index);
        RunInfo run = new RunInfo(ResultsFormat.SCHEMA_VERSION, dir.getFileName().toString(),
                "2026-12-01T10:00:0" + index + "Z", "2026-12-01T10:01:0" + index + "Z", 60, true, "test",
                new RunInfo.Environment("17", "test", "Linux", "amd64", 2, 1 << 30, "12.1", "host-" + index),
                configuration, null, driver, null, null, shard, null);
        ResultsFormat.writeRun(dir, run);
        ResultsFormat.writeResults(dir, new Results(ResultsFormat.SCHEMA_VERSION, run.runId(), true, cells));
        return dir;
    }

    private CellResult writeCell(String id, SplittableRandom random) throws IOException {
        Histogram plt = new Histogram(HistogramLogs.HIGHEST_MICROS, digits);
        Histogram request = new Histogram(HistogramLogs.HIGHEST_MICROS, digits);
        try (HistogramLogs.Writer log = HistogramLogs.Writer.open(dir, id, START_MILLIS)) {
            for (int round = 0; round < 2; round++) {
                Histogram roundPlt = new Histogram(HistogramLogs.HIGHEST_MICROS, digits);
                Histogram roundRequest = new Histogram(HistogramLogs.HIGHEST_MICROS, digits);
                for (int i = 0; i < pageLoadsPerRound; i++) {
                    roundPlt.recordValue(Math.round(20_000 * Math.exp(0.5 * random.nextGaussian())));
                    for (int r = 0; r < 3; r++) {
                        roundRequest.recordValue(Math.round(5_000 * Math.exp(0.5 * random.nextGaussian())));
                    }
                }
                for (Histogram h : List.of(roundPlt, roundRequest)) {
                    h.setStartTimeStamp(START_MILLIS + offsetMillis + round * 1000L);
                    h.setEndTimeStamp(START_MILLIS + offsetMillis + round * 1000L + 900);
                }
                log.write(HistogramLogs.PAGE_LOAD, roundPlt);
                log.write(HistogramLogs.REQUEST, roundRequest);
                plt.add(roundPlt);
                request.add(roundRequest);
            }
        }
        long failed = index + 1;
        PageLoadSample sample = new PageLoadSample(20 + index, false, List.of());
        return new CellResult(id, "news", id.contains("h1") ? "h1" : "h2", "none", Reuse.COLD, true, ClientKind.DRIVER,
                new CellResult.Settings(6, 1, 0, 0, "TLSv1.3", "TLS_AES_128_GCM_SHA256", "http/1.1"),
                CellStatistics.pageLoads(plt.getTotalCount() + failed, failed, plt, null),
                CellStatistics.requests(request, 2 * failed), 1.0 + index,
                new CellResult.Bytes(1000 + 100 * index, 50_000, 1000, 0, 2000, 48_000),
                Map.of("reset", failed), new CellResult.ServerCounters(10 + index, 100 + index, 1 + index),
                HistogramLogs.path(id), List.of(sample, sample, sample));
    }
}
