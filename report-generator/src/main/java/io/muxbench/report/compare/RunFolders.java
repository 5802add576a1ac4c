package io.muxbench.report.compare;

import io.muxbench.report.WarmUpText;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import java.util.List;
import java.util.Set;

/**
 * The run-level checks of a comparison: run.json on both sides (one side without it stops the
 * comparison), the same measured configuration (a difference stops the comparison), and what the reader should know (other machine, incomplete
 * run, a driver that was the bottleneck, a run measured before steady state), which becomes a note.
 */
final class RunFolders {

    private RunFolders() {
    }

    static void checkRuns(ResultsFormat.RunFolder baseline, ResultsFormat.RunFolder current, Set<String> ignored,
                          List<String> differences, List<String> notes) {
        RunInfo b = baseline.run();
        RunInfo c = current.run();
        if (b == null && c == null) {
            notes.add("no " + ResultsFormat.RUN_FILE + " in either run: configuration not checked");
        } else if (b == null || c == null) {
            // Only one side says how it was measured: the check that makes the comparison fair cannot run.
            differences.add("no " + ResultsFormat.RUN_FILE + " in the " + (b == null ? "baseline " + baseline.dir()
                    : "current " + current.dir()) + ", so its configuration cannot be checked against the other run's");
        } else {
            differences.addAll(JsonDiff.differences("configuration", ResultsFormat.MAPPER.valueToTree(b.configuration()),
                    ResultsFormat.MAPPER.valueToTree(c.configuration()), ignored));
            List<String> machine = JsonDiff.differences("environment",
                    ResultsFormat.MAPPER.valueToTree(b.environment()), ResultsFormat.MAPPER.valueToTree(c.environment()),
                    Set.of("maxHeapBytes"));
            if (!machine.isEmpty()) {
                notes.add("different machine or software (" + String.join("; ", machine) + "): only page loads on"
                        + " emulated links compare across machines");
            }
            healthNote("baseline", b, notes);
            healthNote("current", c, notes);
        }
        if (!baseline.results().complete()) {
            notes.add("the baseline run is incomplete");
        }
        if (!current.results().complete()) {
            notes.add("the current run is incomplete");
        }
    }

    private static void healthNote(String side, RunInfo run, List<String> notes) {
        if (run.driver() != null && run.driver().bottleneck()) {
            notes.add("in the " + side + " run the driver was the bottleneck"
                    + (run.driver().warnings().isEmpty() ? "" : ": " + String.join("; ", run.driver().warnings())));
        }
        String beforeSteadyState = WarmUpText.beforeSteadyState(run);
        if (beforeSteadyState != null) {
            notes.add("the " + side + " run measured before steady state: " + beforeSteadyState);
        }
    }
}
