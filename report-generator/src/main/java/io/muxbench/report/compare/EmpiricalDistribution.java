package io.muxbench.report.compare;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A histogram's recorded values as an empirical distribution: distinct values with their cumulative
 * counts. Percentiles follow HdrHistogram's definition (the value at rank ceil(p/100 · n)).
 *
 * <p>Bootstrapping a percentile needs no per-sample loop: the k-th smallest of n draws from this
 * distribution is the inverse CDF at the k-th smallest of n uniforms, and that order statistic is
 * Beta(k, n + 1 - k) distributed. One Beta draw per resample replaces n draws and a sort.
 *
 * <pre>{@code
 * EmpiricalDistribution d = EmpiricalDistribution.of(histogram);
 * long p90Micros = d.percentile(90);
 * long resampledP90Micros = d.resamplePercentile(90, random);
 * }</pre>
 */
public final class EmpiricalDistribution {

    private final long[] values;
    private final long[] cumulativeCounts;
    private final long count;

    private EmpiricalDistribution(long[] values, long[] cumulativeCounts) {
        this.values = values;
        this.cumulativeCounts = cumulativeCounts;
        this.count = cumulativeCounts.length == 0 ? 0 : cumulativeCounts[cumulativeCounts.length - 1];
    }

    /** The distribution of a histogram's recorded values. */
    public static EmpiricalDistribution of(Histogram histogram) {
        int distinct = 0;
        for (HistogramIterationValue ignored : histogram.recordedValues()) {
            distinct++;
        }
        long[] values = new long[distinct];
        long[] cumulative = new long[distinct];
        int i = 0;
        for (HistogramIterationValue v : histogram.recordedValues()) {
            values[i] = v.getValueIteratedTo();
            cumulative[i] = v.getTotalCountToThisValue();
            i++;
        }
        return new EmpiricalDistribution(values, cumulative);
    }

    /** Number of recorded values. */
    public long count() {
        return count;
    }

    /** The value at a percentile (0 < p <= 100), as HdrHistogram's {@code getValueAtPercentile} gives it. */
    public long percentile(double percentile) {
        return valueAtRank(rankOf(percentile));
    }

    /** The percentile of one bootstrap resample (n draws with replacement), drawn in O(log n). */
    public long resamplePercentile(double percentile, RandomGenerator random) {
        long rank = rankOf(percentile);
        double u = Beta.sample(rank, count + 1 - rank, random);
        long drawnRank = Math.min(count, (long) Math.floor(u * count) + 1);
        return valueAtRank(drawnRank);
    }

    private long rankOf(double percentile) {
        if (count == 0) {
            throw new IllegalStateException("no recorded values");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + percentile);
        }
        return Math.max(1, Math.min(count, (long) Math.ceil(percentile / 100.0 * count)));
    }

    /** The value of the rank-th smallest recorded value (1-based). */
    long valueAtRank(long rank) {
        int i = Arrays.binarySearch(cumulativeCounts, rank);
        return values[i >= 0 ? i : -i - 1];
    }
}
