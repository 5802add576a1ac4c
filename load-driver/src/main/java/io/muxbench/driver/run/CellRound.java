package io.muxbench.driver.run;

import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.origin.OriginStats;
import java.io.IOException;

/**
 * One round of one cell: its share of the page loads, by the driver's virtual browsers or by
 * Chromium. What every round does alike is here: the origin serves the cell's scenario, its
 * counters and the {@link DriverMonitor} are reset when the measured page loads begin and read when
 * they end, so that a saturated machine is flagged whichever client made the page loads.
 *
 * <pre>{@code
 * CellRound round = recorder.cell.key().client() == ClientKind.DRIVER ? driverRound : chromiumRound;
 * round.run(recorder, front, first, plan.quota(r));
 * }</pre>
 */
abstract class CellRound {

    /** The embedded origin, or null when page loads go to a target. */
    protected final Origin origin;
    protected final ProgressListener progress;
    private final DriverMonitor monitor;
    private boolean measuring;

    CellRound(Origin origin, DriverMonitor monitor, ProgressListener progress) {
        this.origin = origin;
        this.monitor = monitor;
        this.progress = progress;
    }

    /**
     * Runs the round into {@code recorder}.
     *
     * @param first whether this is the cell's first round (the one with the warm-up)
     * @param quota measured page loads to make
     */
    final void run(CellRecorder recorder, Links.Front front, boolean first, int quota)
            throws IOException, InterruptedException {
        progress.cell(recorder.id);
        if (origin != null) {
            origin.serve(recorder.scenario);
        }
        measuring = false;
        pageLoads(recorder, front, first, quota);
        if (measuring) {
            String warning = monitor.cellFinished(recorder.id);
            if (warning != null) {
                progress.message("warning: " + warning);
            }
        }
        if (origin != null) {
            OriginStats stats = origin.stats();
            recorder.addServerStats(stats);
            checkOrigin(recorder, stats);
        }
    }

    /**
     * Makes the round's page loads, calling {@link #measuringStarts()} right before the first
     * measured one.
     */
    protected abstract void pageLoads(CellRecorder recorder, Links.Front front, boolean first, int quota)
            throws IOException, InterruptedException;

    /** Checks what the origin saw during the measured page loads; nothing by default. */
    protected void checkOrigin(CellRecorder recorder, OriginStats stats) {
    }

    /** The measured page loads begin: the origin's counters and the monitor's interval start here. */
    protected final void measuringStarts() {
        if (origin != null) {
            origin.resetStats();
        }
        monitor.cellStarted();
        measuring = true;
    }
}
