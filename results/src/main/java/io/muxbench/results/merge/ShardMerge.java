package io.muxbench.results.merge;

import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import io.muxbench.results.RunInfo;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * {@code muxbench merge}: adds the shards of one run ({@code run --shard I/N}) into one ordinary run
 * folder, which {@code report} and {@code compare} read as any other. Its run.json keeps each shard
 * ({@code shards}) with its host, page loads and driver health; {@code shard} is null.
 *
 * <pre>{@code
 * ShardMerge.merge(List.of(Path.of("shard-0"), Path.of("shard-1")), Path.of("results/runs/merged"));
 * }</pre>
 */
public final class ShardMerge {

    private ShardMerge() {
    }

    /**
     * Merges the shard folders into {@code out}, which must not exist or be empty. The folder appears
     * whole or not at all: it is written beside {@code out} and moved into place.
     *
     * @throws ResultsFormatException a shard folder that cannot be read, or shards that do not make one
     *                                whole run (one line naming the folders)
     */
    public static ResultsFormat.RunFolder merge(List<Path> shardDirs, Path out) throws ResultsFormatException,
            IOException {
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new ResultsFormatException("cannot merge into " + out + ": it exists; give a new folder");
        }
        List<ShardRun> shards = ShardFolders.read(shardDirs);
        RunInfo first = shards.get(0).run();
        int samplesPerCell = first.configuration() == null ? 0 : first.configuration().samplesPerCell();
        Precision.Check precision = new Precision.Check();
        List<CellMerge> cells = new ArrayList<>();
        for (CellResult cell : shards.get(0).results().cells()) {
            cells.add(CellMerge.of(cell.id(), shards, precision, samplesPerCell));
        }
        String runId = out.toAbsolutePath().normalize().getFileName().toString();
        Path parent = out.toAbsolutePath().normalize().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + runId + ".merging-");
        try {
            readableByAll(tmp);
            write(tmp, cells);
            boolean complete = shards.stream().allMatch(s -> s.run().complete() && s.results().complete());
            ResultsFormat.writeResults(tmp, new Results(ResultsFormat.SCHEMA_VERSION, runId, complete,
                    cells.stream().map(CellMerge::result).toList()));
            ResultsFormat.writeRun(tmp, MergedRunInfo.of(runId, shards));
            Files.deleteIfExists(out);
            try {
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out);
            }
        } finally {
            deleteRecursively(tmp);
        }
        return ResultsFormat.readRun(out);
    }

    private static void write(Path dir, List<CellMerge> cells) throws IOException {
        long baseMillis = cells.stream().flatMap(c -> c.intervals().stream())
                .mapToLong(HistogramLogs.Interval::startEpochMillis).min().orElse(0);
        for (CellMerge cell : cells) {
            try (HistogramLogs.Writer log = HistogramLogs.Writer.open(dir, cell.result().id(), baseMillis)) {
                for (HistogramLogs.Interval interval : cell.intervals()) {
                    Histogram h = interval.histogram();
                    h.setStartTimeStamp(interval.startEpochMillis());
                    h.setEndTimeStamp(interval.startEpochMillis() + interval.lengthMillis());
                    log.write(interval.tag(), h);
                }
            }
        }
    }

    /** A temporary folder is private; a run folder is for sharing, as the driver's are. */
    private static void readableByAll(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system: the platform's defaults apply.
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
