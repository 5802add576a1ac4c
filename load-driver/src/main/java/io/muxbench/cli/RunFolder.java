package io.muxbench.cli;

import io.muxbench.results.ResultsFormat;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The folder a run writes into: made for this run alone (two runs started in the same second get
 * two folders), found writable before anything starts, and removed again when the run ends
 * before it measured anything, so that nothing is left that looks like a run.
 */
final class RunFolder {

    /** Runs started in the same second: stamp, stamp-2, stamp-3, ... up to this many. */
    private static final int MAX_SAME_SECOND = 1000;

    private final Path dir;
    private final boolean created;

    private RunFolder(Path dir, boolean created) {
        this.dir = dir;
        this.created = created;
    }

    Path dir() {
        return dir;
    }

    /**
     * {@code out} if given (it must not hold results yet), else a new {@code runsDir/<date-time>}.
     *
     * @throws UserException (bad input) when the folder cannot be made or written
     */
    static RunFolder create(Path out, Path runsDir) {
        RunFolder folder;
        try {
            folder = out != null ? given(out.toAbsolutePath().normalize()) : stamped(runsDir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw UserException.badInput("cannot create the run folder: " + IoErrors.describe(e));
        }
        folder.checkWritable();
        return folder;
    }

    private static RunFolder given(Path out) throws IOException {
        if (Files.exists(out.resolve(ResultsFormat.RESULTS_FILE))) {
            throw UserException.badInput(out + " already holds results; choose another --out");
        }
        boolean existed = Files.isDirectory(out);
        Files.createDirectories(out);
        return new RunFolder(out, !existed);
    }

    private static RunFolder stamped(Path runsDir) throws IOException {
        Files.createDirectories(runsDir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (int i = 1; ; i++) {
            Path dir = runsDir.resolve(i == 1 ? stamp : stamp + "-" + i);
            try {
                Files.createDirectory(dir); // atomic: of two runs, only one gets it
                return new RunFolder(dir, true);
            } catch (FileAlreadyExistsException e) {
                if (i == MAX_SAME_SECOND) {
                    throw e;
                }
            }
        }
    }

    /** Writes and deletes a file, so that an unwritable folder is refused before the origin starts. */
    private void checkWritable() {
        try {
            Files.delete(Files.createTempFile(dir, ".muxbench-", ".probe"));
        } catch (IOException e) {
            removeIfUnmeasured();
            throw UserException.badInput("cannot write into the run folder " + dir + ": " + IoErrors.reason(e));
        }
    }

    /**
     * Removes what the run wrote (run.json, an empty cells folder) and the folder itself if this
     * run made it, as long as no results.json says something was measured.
     */
    void removeIfUnmeasured() {
        if (Files.exists(dir.resolve(ResultsFormat.RESULTS_FILE))) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve(ResultsFormat.RUN_FILE));
            deleteIfEmpty(dir.resolve(io.muxbench.results.HistogramLogs.FOLDER));
            if (created) {
                deleteIfEmpty(dir);
            }
        } catch (IOException ignored) {
            // Left behind, it still holds no results.json: no report or compare takes it for a run.
        }
    }

    private static void deleteIfEmpty(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var entries = Files.list(folder)) {
            if (entries.findAny().isPresent()) {
                return;
            }
        }
        Files.delete(folder);
    }
}
