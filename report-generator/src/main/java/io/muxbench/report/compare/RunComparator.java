package io.muxbench.report.compare;

import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import io.muxbench.vocabulary.RunConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;

/**
 * Compares a baseline with a current run: checks first that they can be compared at all (schema,
 * the configuration that changes what is measured, the same cells and benchmarks, every field and
 * histogram present), then judges each matched cell and benchmark.
 *
 * <pre>{@code
 * Comparison c = new RunComparator(Thresholds.DEFAULTS, Set.of())
 *         .compare(Path.of("results/baseline"), Path.of("results/runs/20261130-212836"));
 * System.exit(c.exitCode());
 * }</pre>
 */
public final class RunComparator {

    /**
     * Configuration fields that do not change what is measured: how many page loads are kept whole
     * for waterfalls. Every other field of run.json's configuration must be equal on both sides.
     */
    public static final Set<String> NOT_MEASURED = Set.of("samplesPerCell");

    private final Thresholds thresholds;
    private final Set<String> ignoredConfiguration;

    /**
     * @param ignoredConfiguration further configuration fields to leave out: names of {@link RunConfiguration}'s
     *                             fields, or dotted paths that start with one
     * @throws IllegalArgumentException when one names no field of the configuration (one line, listing the fields)
     */
    public RunComparator(Thresholds thresholds, Set<String> ignoredConfiguration) {
        this.thresholds = thresholds;
        Set<String> ignored = new TreeSet<>(NOT_MEASURED);
        ignored.addAll(ignoredConfiguration);
        List<String> fields = RunConfiguration.fieldNames();
        for (String field : ignored) {
            if (!fields.contains(field.split("\\.", 2)[0])) {
                throw new IllegalArgumentException("no configuration field '" + field + "' to ignore; the fields: "
                        + String.join(", ", fields));
            }
        }
        this.ignoredConfiguration = Set.copyOf(ignored);
    }

    public Comparison compare(Path baseline, Path current) throws IncomparableException {
        try {
            return compare(ComparisonInput.load(baseline), ComparisonInput.load(current));
        } catch (ResultsFormatException e) {
            throw new IncomparableException(e.getMessage());
        }
    }

    public Comparison compare(ComparisonInput baseline, ComparisonInput current) throws IncomparableException {
        // A run compared with itself always shows "no change", which would pass CI for nothing.
        if (baseline.identity().equals(current.identity())) {
            throw new IncomparableException("baseline " + baseline.source() + " and current " + current.source()
                    + " are the same " + baseline.kind() + ": compare a run with another run");
        }
        if ((baseline.run() == null) != (current.run() == null)) {
            throw new IncomparableException("baseline " + baseline.source() + " is a " + baseline.kind()
                    + " but current " + current.source() + " is a " + current.kind());
        }
        List<String> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<CellComparison> cells = List.of();
        if (baseline.run() != null) {
            RunFolders.checkRuns(baseline.run(), current.run(), ignoredConfiguration, differences, notes);
            cells = compareCells(baseline.run(), current.run(), differences);
        }
        List<BenchmarkComparison> benchmarks = List.of();
        if (baseline.jmh() != null && current.jmh() != null) {
            benchmarks = Benchmarks.compare(baseline.jmh(), current.jmh(), thresholds, differences);
        } else if (baseline.jmh() != null || current.jmh() != null) {
            notes.add("only the " + (baseline.jmh() != null ? "baseline" : "current")
                    + " run has " + ResultsFormat.JMH_FILE + ": benchmarks not compared");
        }
        if (!differences.isEmpty()) {
            throw new IncomparableException(differences);
        }
        return new Comparison(baseline.source().toString(), current.source().toString(), thresholds, cells,
                benchmarks, notes);
    }

    private List<CellComparison> compareCells(ResultsFormat.RunFolder baseline, ResultsFormat.RunFolder current,
                                              List<String> differences) {
        Map<String, CellResult> baselineCells = byKey("baseline", baseline, differences);
        Map<String, CellResult> currentCells = byKey("current", current, differences);
        for (String key : baselineCells.keySet()) {
            if (!currentCells.containsKey(key)) {
                differences.add("cell '" + key + "' only in baseline");
            }
        }
        for (String key : currentCells.keySet()) {
            if (!baselineCells.containsKey(key)) {
                differences.add("cell '" + key + "' only in current");
            }
        }
        List<CellComparison> out = new ArrayList<>();
        for (Map.Entry<String, CellResult> entry : baselineCells.entrySet()) {
            CellResult b = entry.getValue();
            CellResult c = currentCells.get(entry.getKey());
            if (c == null) {
                continue;
            }
            differences.addAll(JsonDiff.differences("cell '" + entry.getKey() + "' settings",
                    ResultsFormat.MAPPER.valueToTree(b.settings()), ResultsFormat.MAPPER.valueToTree(c.settings()),
                    Set.of()));
            Histogram bh = pageLoads("baseline", baseline.dir(), b, differences);
            Histogram ch = pageLoads("current", current.dir(), c, differences);
            if (bh != null && ch != null) {
                out.add(CellComparison.judge(entry.getKey(), EmpiricalDistribution.of(bh), b.pageLoads().failed(),
                        EmpiricalDistribution.of(ch), c.pageLoads().failed(), thresholds));
            }
        }
        return out;
    }

    private static Map<String, CellResult> byKey(String side, ResultsFormat.RunFolder run, List<String> differences) {
        Map<String, CellResult> cells = new LinkedHashMap<>();
        for (CellResult cell : run.results().cells()) {
            if (cells.put(cell.key().label(), cell) != null) {
                differences.add(side + " has cell '" + cell.key().label() + "' twice");
            }
        }
        if (cells.isEmpty()) {
            differences.add(side + " " + run.dir() + " has no cells");
        }
        return cells;
    }

    private static Histogram pageLoads(String side, Path dir, CellResult cell, List<String> differences) {
        if (cell.histogramLog() == null) {
            differences.add(side + " cell '" + cell.key().label() + "': required field \"histogramLog\" is missing");
            return null;
        }
        try {
            Histogram h = HistogramLogs.readTotals(dir, cell.histogramLog()).get(HistogramLogs.PAGE_LOAD);
            if (h == null) {
                differences.add(side + " cell '" + cell.key().label() + "': " + cell.histogramLog()
                        + " has no page-load histogram (tag " + HistogramLogs.PAGE_LOAD + ")");
            }
            return h;
        } catch (ResultsFormatException e) {
            differences.add(side + " cell '" + cell.key().label() + "': " + e.getMessage());
            return null;
        }
    }
}
