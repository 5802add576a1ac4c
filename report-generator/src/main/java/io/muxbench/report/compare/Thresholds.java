package io.muxbench.report.compare;

/**
 * When a change counts. A page-load percentile regresses only when it moves by more than its
 * relative threshold AND by more than {@code minChangeMs} AND the bootstrap confidence interval of
 * the difference excludes zero; a JMH score only when it moves by more than {@code jmhPercent} AND the
 * two score±error intervals do not overlap. Thresholds widen toward the tail, where fewer page loads
 * decide the figure.
 *
 * <pre>{@code
 * Thresholds t = Thresholds.DEFAULTS.withP99Percent(30);
 * }</pre>
 *
 * @param p50Percent        relative change of the median that may count, in percent
 * @param p90Percent        relative change of the 90th percentile that may count, in percent
 * @param p99Percent        relative change of the 99th percentile that may count, in percent
 * @param minChangeMs       absolute change below which nothing counts (loopback noise is sub-millisecond)
 * @param failedPoints      growth of the share of failed page loads, in percentage points, that counts
 * @param jmhPercent        relative change of a JMH score that may count, in percent
 * @param resamples         bootstrap resamples per percentile
 * @param confidencePercent confidence level of the bootstrap interval, in percent
 * @param seed              the bootstrap's random seed, fixed so that a comparison is repeatable
 */
public record Thresholds(double p50Percent, double p90Percent, double p99Percent, double minChangeMs,
                         double failedPoints, double jmhPercent, int resamples, double confidencePercent, long seed) {

    public static final double DEFAULT_P50_PERCENT = 10;
    public static final double DEFAULT_P90_PERCENT = 15;
    public static final double DEFAULT_P99_PERCENT = 25;
    public static final double DEFAULT_MIN_CHANGE_MS = 1.0;
    public static final double DEFAULT_FAILED_POINTS = 1.0;
    public static final double DEFAULT_JMH_PERCENT = 10;
    public static final int DEFAULT_RESAMPLES = 1000;
    /** Fewer resamples give an interval too coarse to judge by. */
    public static final int MIN_RESAMPLES = 100;
    /**
     * More resamples do not make the interval truer, only slower: 100,000 already fixes its ends to
     * well under a histogram bucket, and keeps a comparison within minutes.
     */
    public static final int MAX_RESAMPLES = 100_000;
    public static final double DEFAULT_CONFIDENCE_PERCENT = 95;
    public static final long DEFAULT_SEED = 42;

    /** The documented defaults (COMPARE.md). */
    public static final Thresholds DEFAULTS = new Thresholds(DEFAULT_P50_PERCENT, DEFAULT_P90_PERCENT,
            DEFAULT_P99_PERCENT, DEFAULT_MIN_CHANGE_MS, DEFAULT_FAILED_POINTS, DEFAULT_JMH_PERCENT, DEFAULT_RESAMPLES,
            DEFAULT_CONFIDENCE_PERCENT, DEFAULT_SEED);

    public Thresholds {
        positive("p50Percent", p50Percent);
        positive("p90Percent", p90Percent);
        positive("p99Percent", p99Percent);
        positive("jmhPercent", jmhPercent);
        if (!(minChangeMs >= 0)) {
            throw new IllegalArgumentException("minChangeMs must be >= 0, was " + minChangeMs);
        }
        if (!(failedPoints >= 0)) {
            throw new IllegalArgumentException("failedPoints must be >= 0, was " + failedPoints);
        }
        if (resamples < MIN_RESAMPLES || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be in [" + MIN_RESAMPLES + ", " + MAX_RESAMPLES
                    + "], was " + resamples);
        }
        if (!(confidencePercent >= 50 && confidencePercent < 100)) {
            throw new IllegalArgumentException("confidencePercent must be in [50, 100), was " + confidencePercent);
        }
    }

    private static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be a positive percentage, was " + value);
        }
    }

    /** The relative threshold for a page-load percentile (50, 90 or 99). */
    public double percentFor(int percentile) {
        return switch (percentile) {
            case 50 -> p50Percent;
            case 90 -> p90Percent;
            case 99 -> p99Percent;
            default -> throw new IllegalArgumentException("percentile must be 50, 90 or 99, was " + percentile);
        };
    }

    public Thresholds withP99Percent(double percent) {
        return new Thresholds(p50Percent, p90Percent, percent, minChangeMs, failedPoints, jmhPercent, resamples, confidencePercent, seed);
    }
}
