package io.muxbench.report.compare;

import java.util.Objects;

/**
 * One JMH benchmark present in both inputs. A regression needs the score to be worse by more than
 * the threshold AND the score±error intervals not to overlap; without an error estimate on either
 * side there is no statistical support, so the verdict stays "no change" and {@code note} says why.
 *
 * <pre>{@code
 * BenchmarkComparison b = BenchmarkComparison.judge(baselineResult, currentResult, Thresholds.DEFAULTS);
 * }</pre>
 *
 * @param key            {@link JmhResult#key()}
 * @param unit           the score's unit
 * @param higherIsBetter the better direction, from the unit
 * @param baseline       the baseline's score and error
 * @param current        the current score and error
 * @param changePercent  (current - baseline) / baseline, in percent, signed as measured
 * @param verdict        regression, improvement or no change
 * @param note           why a large change was not judged, or null
 */
public record BenchmarkComparison(String key, String unit, boolean higherIsBetter, JmhResult baseline,
                                  JmhResult current, double changePercent, Verdict verdict, String note) {

    public BenchmarkComparison {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Compares two results of the same benchmark; their units must match. */
    public static BenchmarkComparison judge(JmhResult baseline, JmhResult current, Thresholds thresholds) {
        if (!baseline.unit().equals(current.unit())) {
            throw new IllegalArgumentException("units differ: " + baseline.unit() + " vs " + current.unit());
        }
        boolean higherIsBetter = JmhResult.higherIsBetter(baseline.unit());
        double change = PercentileChange.relativePercent(baseline.score(), current.score());
        double worsePercent = higherIsBetter ? -change : change;
        boolean beyondThreshold = Math.abs(worsePercent) > thresholds.jmhPercent();
        boolean errorsKnown = !Double.isNaN(baseline.scoreError()) && !Double.isNaN(current.scoreError());
        Verdict verdict = Verdict.NO_CHANGE;
        String note = null;
        if (beyondThreshold && !errorsKnown) {
            note = "no score error (too few iterations or forks): not judged";
        } else if (beyondThreshold && !overlap(baseline, current)) {
            verdict = worsePercent > 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
        } else if (beyondThreshold) {
            note = "score±error intervals overlap";
        }
        return new BenchmarkComparison(baseline.key(), baseline.unit(), higherIsBetter, baseline, current, change,
                verdict, note);
    }

    private static boolean overlap(JmhResult a, JmhResult b) {
        return a.score() - a.scoreError() <= b.score() + b.scoreError()
                && b.score() - b.scoreError() <= a.score() + a.scoreError();
    }
}
