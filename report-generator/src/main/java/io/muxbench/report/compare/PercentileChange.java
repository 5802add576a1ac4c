package io.muxbench.report.compare;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The change of one page-load percentile between baseline and current, with the bootstrap confidence
 * interval of the difference and the verdict.
 *
 * <pre>{@code
 * PercentileChange p99 = PercentileChange.judge(99, baseline, current, Thresholds.DEFAULTS, seed);
 * if (p99.verdict() == Verdict.REGRESSION) { ... }
 * }</pre>
 *
 * @param percentile       50, 90 or 99
 * @param baselineMs       the baseline's value
 * @param currentMs        the current value
 * @param deltaMs          current minus baseline
 * @param deltaPercent     deltaMs relative to the baseline, in percent
 * @param ciLowMs          lower end of the bootstrap interval of the difference
 * @param ciHighMs         upper end of the bootstrap interval of the difference
 * @param thresholdPercent the relative threshold that applied
 * @param verdict          regression, improvement or no change
 */
public record PercentileChange(int percentile, double baselineMs, double currentMs, double deltaMs, double deltaPercent,
                               double ciLowMs, double ciHighMs, double thresholdPercent, Verdict verdict) {

    /** Measures and judges one percentile; {@code seed} makes the bootstrap repeatable. */
    public static PercentileChange judge(int percentile, EmpiricalDistribution baseline, EmpiricalDistribution current,
                                         Thresholds thresholds, long seed) {
        double baselineMs = baseline.percentile(percentile) / 1000.0;
        double currentMs = current.percentile(percentile) / 1000.0;
        double deltaMs = currentMs - baselineMs;
        double deltaPercent = relativePercent(baselineMs, currentMs);
        double[] ci = bootstrapInterval(percentile, baseline, current, thresholds, seed);
        double threshold = thresholds.percentFor(percentile);
        boolean beyondThresholds = Math.abs(deltaPercent) > threshold && Math.abs(deltaMs) > thresholds.minChangeMs();
        Verdict verdict = Verdict.NO_CHANGE;
        if (beyondThresholds && deltaMs > 0 && ci[0] > 0) {
            verdict = Verdict.REGRESSION;
        } else if (beyondThresholds && deltaMs < 0 && ci[1] < 0) {
            verdict = Verdict.IMPROVEMENT;
        }
        return new PercentileChange(percentile, baselineMs, currentMs, deltaMs, deltaPercent, ci[0], ci[1], threshold, verdict);
    }

    /** Percentile bootstrap of current minus baseline, in milliseconds: {low, high}. */
    static double[] bootstrapInterval(int percentile, EmpiricalDistribution baseline, EmpiricalDistribution current,
                                      Thresholds thresholds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] differencesMs = new double[thresholds.resamples()];
        for (int r = 0; r < differencesMs.length; r++) {
            long baselineMicros = baseline.resamplePercentile(percentile, random);
            long currentMicros = current.resamplePercentile(percentile, random);
            differencesMs[r] = (currentMicros - baselineMicros) / 1000.0;
        }
        Arrays.sort(differencesMs);
        double tail = (1 - thresholds.confidencePercent() / 100.0) / 2;
        int low = (int) Math.floor(tail * differencesMs.length);
        int high = Math.min(differencesMs.length - 1, (int) Math.ceil((1 - tail) * differencesMs.length) - 1);
        return new double[]{differencesMs[low], differencesMs[high]};
    }

    /** (current - baseline) / baseline in percent; infinite when only the baseline is zero. */
    static double relativePercent(double baseline, double current) {
        if (baseline == 0) {
            return current == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, current);
        }
        return (current - baseline) / Math.abs(baseline) * 100.0;
    }
}
