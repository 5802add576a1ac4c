package io.muxbench.report;

import io.muxbench.vocabulary.CellKey;
import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.report.compare.JmhResult;
import io.muxbench.results.ResultsFormat.RunFolder;
import io.muxbench.results.RunInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything one report is drawn from, read once.
 *
 * @param folder     run.json (may be null) and results.json
 * @param runProblem why run.json is missing or could not be read, or null when it was read
 * @param cells      the cells, in results.json's order, with their histograms
 * @param jmh        JMH results; empty when the run folder has none
 * @param jmhProblem why jmh.json could not be read, or null
 */
record ReportData(RunFolder folder, String runProblem, List<Cell> cells, List<JmhResult> jmh, String jmhProblem) {

    RunInfo run() {
        return folder.run();
    }

    /** False when either file says the run stopped early, or run.json is missing or unreadable. */
    boolean complete() {
        return folder.results().complete() && run() != null && run().complete();
    }

    /**
     * What a mode is (its colour, whether it is the baseline): as run.json describes it, or, with no
     * run.json or one that describes no modes, as {@link ModeDescription#known} does.
     */
    ModeDescription mode(String id) {
        return describesModes() ? run().mode(id) : ModeDescription.known(id);
    }

    /** The mode the others are compared against, or null when no mode of the run is one. */
    ModeDescription baseline() {
        if (describesModes()) {
            return run().baseline();
        }
        return distinct(Cell::mode).stream().map(ModeDescription::known).filter(ModeDescription::baseline)
                .findFirst().orElse(null);
    }

    private boolean describesModes() {
        return run() != null && !run().modes().isEmpty();
    }

    /** Cells grouped by everything but the mode, in first-seen order. */
    Map<CellKey.Group, List<Cell>> groups() {
        Map<CellKey.Group, List<Cell>> groups = new LinkedHashMap<>();
        for (Cell cell : cells) {
            groups.computeIfAbsent(cell.group(), k -> new ArrayList<>()).add(cell);
        }
        return groups;
    }

    /** Distinct values of one field, in first-seen order. */
    <T> Set<T> distinct(Function<Cell, T> field) {
        Set<T> values = new LinkedHashSet<>();
        cells.forEach(cell -> values.add(field.apply(cell)));
        return values;
    }
}
