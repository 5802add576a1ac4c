package io.muxbench.report.compare;

import java.util.List;
import java.util.Objects;

/**
 * One cell present in both runs: its page-load percentiles compared, and its failed page loads.
 *
 * <pre>{@code
 * CellComparison cell = CellComparison.judge(key, EmpiricalDistribution.of(before), 0,
 *         EmpiricalDistribution.of(after), 0, Thresholds.DEFAULTS);
 * }</pre>
 *
 * @param key             the cell's identity, {@code CellResult.key()}
 * @param baselineLoads   page loads recorded in the baseline's histogram
 * @param currentLoads    page loads recorded in the current histogram
 * @param baselineFailed  failed page loads in the baseline
 * @param currentFailed   failed page loads now
 * @param percentiles     p50, p90 and p99, in that order; empty when one side recorded no page load
 * @param failuresVerdict regression when the share of failed page loads grew beyond its threshold
 * @param verdict         the worst of the percentiles' and the failures' verdicts
 */
public record CellComparison(String key, long baselineLoads, long currentLoads, long baselineFailed, long currentFailed,
                             List<PercentileChange> percentiles, Verdict failuresVerdict, Verdict verdict) {

    /** The percentiles compared, in order. */
    public static final int[] PERCENTILES = {50, 90, 99};

    public CellComparison {
        Objects.requireNonNull(key, "key");
        percentiles = List.copyOf(percentiles);
        Objects.requireNonNull(failuresVerdict, "failuresVerdict");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Compares one matched cell's distributions (microseconds) and failure counts. */
    public static CellComparison judge(String key, EmpiricalDistribution baseline, long baselineFailed,
                                       EmpiricalDistribution current, long currentFailed, Thresholds thresholds) {
        Verdict failures = failuresVerdict(baseline.count(), baselineFailed, current.count(), currentFailed, thresholds);
        Verdict verdict = failures;
        List<PercentileChange> changes = List.of();
        if (baseline.count() > 0 && current.count() > 0) {
            PercentileChange[] array = new PercentileChange[PERCENTILES.length];
            for (int i = 0; i < PERCENTILES.length; i++) {
                // A seed per cell and percentile: a verdict does not depend on which other cells ran.
                long seed = thresholds.seed() * 31 + key.hashCode() * 7L + PERCENTILES[i];
                array[i] = PercentileChange.judge(PERCENTILES[i], baseline, current, thresholds, seed);
                verdict = verdict.worst(array[i].verdict());
            }
            changes = List.of(array);
        }
        return new CellComparison(key, baseline.count(), current.count(), baselineFailed, currentFailed, changes,
                failures, verdict);
    }

    private static Verdict failuresVerdict(long baselineOk, long baselineFailed, long currentOk, long currentFailed,
                                           Thresholds thresholds) {
        double baselineShare = share(baselineFailed, baselineOk);
        double currentShare = share(currentFailed, currentOk);
        double growthPoints = (currentShare - baselineShare) * 100;
        if (growthPoints > thresholds.failedPoints()) {
            return Verdict.REGRESSION;
        }
        return -growthPoints > thresholds.failedPoints() ? Verdict.IMPROVEMENT : Verdict.NO_CHANGE;
    }

    private static double share(long failed, long succeeded) {
        long total = failed + succeeded;
        return total == 0 ? 0 : (double) failed / total;
    }

    /** The share of failed page loads, in percent, baseline and current. */
    public double[] failedPercent() {
        return new double[]{share(baselineFailed, baselineLoads) * 100, share(currentFailed, currentLoads) * 100};
    }
}
