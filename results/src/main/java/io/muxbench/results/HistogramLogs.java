package io.muxbench.results;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * The cell histogram logs: one HdrHistogram log per cell ({@code cells/<id>.hlog}), written as
 * interval snapshots with a tag per distribution. Values are microseconds.
 *
 * <pre>{@code
 * Map<String, Histogram> byTag = HistogramLogs.readTotals(runDir.resolve(cell.histogramLog()));
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

    private HistogramLogs() {
    }

    /** A histogram sized for the logs' values. */
    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, DIGITS);
    }

    /** Reads a cell's log and adds up its intervals, by tag (untagged intervals go under {@link #PAGE_LOAD}). */
    public static Map<String, Histogram> readTotals(Path hlog) throws ResultsFormatException {
        Map<String, Histogram> totals = new LinkedHashMap<>();
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(hlog.toFile());
        } catch (FileNotFoundException e) {
            throw new ResultsFormatException(hlog + ": no such histogram log");
        }
        try {
            EncodableHistogram next;
            while ((next = reader.nextIntervalHistogram()) != null) {
                if (!(next instanceof Histogram interval)) {
                    throw new ResultsFormatException(hlog + ": expected integer histograms");
                }
                String tag = interval.getTag() == null ? PAGE_LOAD : interval.getTag();
                totals.computeIfAbsent(tag, t -> newHistogram()).add(interval);
            }
        } catch (RuntimeException e) {
            throw new ResultsFormatException(hlog + ": not a readable histogram log: " + e.getMessage());
        } finally {
            reader.close();
        }
        return totals;
    }


}
