package io.muxbench.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The cell histogram logs: one HdrHistogram log per cell ({@code cells/<id>.hlog}), written as
 * interval snapshots with a tag per distribution. Values are microseconds.
 *
 * <p>A results.json may come from elsewhere (a CI baseline artifact), so its {@code histogramLog}
 * is trusted no further than the run folder's {@code cells/}, and a log is read with bounds: a
 * crafted file gives a one-line error, never an out-of-memory error.
 *
 * <pre>{@code
 * Map<String, Histogram> byTag = HistogramLogs.readTotals(runDir, cell.histogramLog());
 * double p99Ms = byTag.get(HistogramLogs.PAGE_LOAD).getValueAtPercentile(99) / 1000.0;
 * }</pre>
 */
public final class HistogramLogs {

    /** Page-load time; under open load measured from the intended start. */
    public static final String PAGE_LOAD = "plt";
    /** Page-load time from the actual start (open load only). */
    public static final String PAGE_LOAD_UNCORRECTED = "plt-uncorrected";
    /** Request latency, request start to last byte. */
    public static final String REQUEST = "request";
    /** Folder of the logs inside a run folder. */
    public static final String FOLDER = "cells";
    /** Highest trackable value: one hour in microseconds. */
    public static final long HIGHEST_MICROS = 3_600_000_000L;
    /** Significant digits kept. */
    public static final int DIGITS = 3;
    /**
     * Largest log read. A cell writes a few intervals of a few hundred bytes each; 64 MiB is many
     * thousand times that, and little enough to read on any machine.
     */
    public static final long MAX_LOG_BYTES = 64L * 1024 * 1024;

    private HistogramLogs() {
    }

    /** A histogram sized for the logs' values. */
    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, DIGITS);
    }

    /**
     * Reads a cell's log named by results.json, confined to the run folder: {@code histogramLog}
     * must be a relative path inside {@code cells/} that stays there once symbolic links are
     * followed. Messages name the log as results.json does, never by its absolute path.
     */
    public static Map<String, Histogram> readTotals(Path runDir, String histogramLog) throws ResultsFormatException {
        return read(resolve(runDir, histogramLog), histogramLog);
    }

    /** Reads a log file and adds up its intervals, by tag (untagged intervals go under {@link #PAGE_LOAD}). */
    public static Map<String, Histogram> readTotals(Path hlog) throws ResultsFormatException {
        return read(hlog, hlog.toString());
    }

    /** Where {@code histogramLog} points inside the run folder; refused when it would lead out of {@code cells/}. */
    public static Path resolve(Path runDir, String histogramLog) throws ResultsFormatException {
        Path relative;
        try {
            relative = Path.of(histogramLog);
        } catch (RuntimeException e) {
            throw new ResultsFormatException(histogramLog + ": not a file name");
        }
        Path normalized = relative.normalize();
        if (relative.isAbsolute() || relative.getRoot() != null || histogramLog.startsWith("\\")
                || !normalized.equals(relative) || normalized.getNameCount() < 2
                || !normalized.getName(0).toString().equals(FOLDER)) {
            throw new ResultsFormatException(histogramLog + ": a histogram log must be a file in the run folder's "
                    + FOLDER + "/ (a relative path without '..')");
        }
        Path file = runDir.resolve(normalized);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (!file.toRealPath().startsWith(runDir.toRealPath().resolve(FOLDER))) {
                    throw new ResultsFormatException(histogramLog + ": leads out of the run folder's " + FOLDER
                            + "/ (a symbolic link)");
                }
            } catch (IOException e) {
                throw new ResultsFormatException(histogramLog + ": cannot read: " + reason(e));
            }
        }
        return file;
    }

    private static Map<String, Histogram> read(Path hlog, String name) throws ResultsFormatException {
        Map<String, Histogram> totals = new LinkedHashMap<>();
        forEachInterval(hlog, name, (interval, startSeconds, lengthSeconds) ->
                totals.computeIfAbsent(tagOf(interval), t -> newHistogram()).add(interval.histogram()));
        return totals;
    }

    /**
     * One interval of a log, placed in absolute time: what {@code muxbench merge} needs to add logs
     * written by different processes.
     *
     * @param tag              {@link #PAGE_LOAD} (also for an untagged interval), {@link #PAGE_LOAD_UNCORRECTED}
     *                         or {@link #REQUEST}
     * @param startEpochMillis the interval's start: the log's base time plus the interval's offset
     * @param lengthMillis     the interval's length
     * @param histogram        its values, at the precision the log was written with
     */
    public record Interval(String tag, long startEpochMillis, long lengthMillis, Histogram histogram) {
    }

    /**
     * Reads a cell's log, confined to the run folder as {@link #readTotals(Path, String)} is, interval by
     * interval. Offsets count from the log's {@code BaseTime}, or its {@code StartTime} when it has none
     * (as {@link Writer} writes it), or from the epoch when it has neither.
     */
    public static List<Interval> readIntervals(Path runDir, String histogramLog) throws ResultsFormatException {
        List<Interval> intervals = new ArrayList<>();
        forEachInterval(resolve(runDir, histogramLog), histogramLog, (interval, startSeconds, lengthSeconds) ->
                intervals.add(new Interval(tagOf(interval), Math.round(startSeconds * 1000),
                        Math.round(lengthSeconds * 1000), interval.histogram())));
        return intervals;
    }

    private static String tagOf(HistogramLogLine interval) {
        return interval.tag() == null ? PAGE_LOAD : interval.tag();
    }

    /** What reading a log hands over for each interval; {@code startSeconds} is absolute (since the epoch). */
    private interface IntervalHandler {
        void accept(HistogramLogLine interval, double startSeconds, double lengthSeconds);
    }

    private static final Pattern START_TIME = Pattern.compile("#\\[StartTime: ([0-9.]+)[ \\]].*");
    private static final Pattern BASE_TIME = Pattern.compile("#\\[BaseTime: ([0-9.]+)[ \\]].*");

    private static void forEachInterval(Path hlog, String name, IntervalHandler handler) throws ResultsFormatException {
        if (!Files.exists(hlog)) {
            throw new ResultsFormatException(name + ": no such histogram log");
        }
        long bytes;
        try {
            bytes = Files.isRegularFile(hlog) ? Files.size(hlog) : -1;
        } catch (IOException e) {
            throw new ResultsFormatException(name + ": cannot read: " + reason(e));
        }
        if (bytes < 0) {
            throw new ResultsFormatException(name + ": not a regular file");
        }
        if (bytes > MAX_LOG_BYTES) {
            throw new ResultsFormatException(name + ": " + bytes + " bytes, more than a histogram log can be ("
                    + MAX_LOG_BYTES + ")");
        }
        double startTime = 0;
        double baseTime = Double.NaN;
        int lineNumber = 0;
        try (BufferedReader lines = Files.newBufferedReader(hlog, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                Matcher start = START_TIME.matcher(line);
                Matcher base = BASE_TIME.matcher(line);
                if (start.matches()) {
                    startTime = Double.parseDouble(start.group(1));
                } else if (base.matches()) {
                    baseTime = Double.parseDouble(base.group(1));
                }
                HistogramLogLine interval = HistogramLogLine.parse(line);
                if (interval != null) {
                    handler.accept(interval, (Double.isNaN(baseTime) ? startTime : baseTime) + interval.startSeconds(),
                            interval.lengthSeconds());
                }
            }
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(name + ": no such histogram log");
        } catch (IOException e) {
            throw new ResultsFormatException(name + ": cannot read: " + reason(e));
        } catch (ResultsFormatException | NumberFormatException e) { // NumberFormatException: a StartTime or BaseTime
            throw new ResultsFormatException(name + ": line " + lineNumber + ": not a readable histogram log: "
                    + e.getMessage());
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new ResultsFormatException(name + ": line " + lineNumber + ": a value is beyond "
                    + HIGHEST_MICROS + " µs (one hour), the most a muxbench log holds");
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** A cell's log, relative to the run folder: {@code cells/<id>.hlog}. */
    public static String path(String cellId) {
        return FOLDER + "/" + cellId + ".hlog";
    }

    /**
     * Writes one cell's log, the counterpart of {@link #readTotals}: a header, then one tagged
     * interval histogram per distribution each time {@link #write} is called, flushed so that a run
     * killed between rounds leaves whole intervals.
     *
     * <pre>{@code
     * try (HistogramLogs.Writer log = HistogramLogs.Writer.open(runDir, cellId, runStartEpochMillis)) {
     *     log.write(HistogramLogs.PAGE_LOAD, recorder.getIntervalHistogram());
     *     log.flush();
     * }
     * }</pre>
     */
    public static final class Writer implements AutoCloseable {
        private final PrintStream stream;
        private final HistogramLogWriter log;

        private Writer(PrintStream stream) {
            this.stream = stream;
            this.log = new HistogramLogWriter(stream);
        }

        /** Creates {@code cells/<id>.hlog} in the run folder and writes its header. */
        public static Writer open(Path runDir, String cellId, long runStartEpochMillis) throws FileNotFoundException {
            Path file = runDir.resolve(path(cellId));
            file.getParent().toFile().mkdirs();
            Writer writer = new Writer(new PrintStream(file.toFile()));
            writer.log.outputComment("muxbench cell " + cellId + ": values in microseconds; tags " + PAGE_LOAD
                    + ", " + PAGE_LOAD_UNCORRECTED + ", " + REQUEST);
            writer.log.outputStartTime(runStartEpochMillis);
            writer.log.setBaseTime(runStartEpochMillis);
            writer.log.outputLegend();
            return writer;
        }

        /** Appends an interval histogram under a tag ({@link #PAGE_LOAD}, {@link #PAGE_LOAD_UNCORRECTED}, {@link #REQUEST}). */
        public void write(String tag, Histogram interval) {
            interval.setTag(tag);
            log.outputIntervalHistogram(interval);
        }

        /** Makes what was written so far durable for readers. */
        public void flush() {
            stream.flush();
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
