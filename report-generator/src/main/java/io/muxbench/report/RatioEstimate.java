package io.muxbench.report;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The ratio of two cells' median page-load times with a 95% bootstrap interval, resampled from
 * the recorded histograms (values at HdrHistogram's resolution) with a fixed seed, so the same run
 * always gives the same report.
 *
 * <pre>{@code
 * RatioEstimate r = RatioEstimate.of(h1PageLoads, h2PageLoads);
 * if (r.high() < 1) { ... h2 is faster, beyond resampling noise ... }
 * }</pre>
 *
 * @param ratio candidate p50 / baseline p50
 * @param low   2.5th percentile of the bootstrapped ratios
 * @param high  97.5th percentile of the bootstrapped ratios
 */
record RatioEstimate(double ratio, double low, double high) {

    static final int RESAMPLES = 1000;
    /** Each resample draws as many page loads as the cell had, up to this many (wider, never narrower, intervals). */
    static final int MAX_DRAWS = 20_000;
    static final long SEED = 0x6d75786265L;

    static RatioEstimate of(Histogram baseline, Histogram candidate) {
        double ratio = (double) candidate.getValueAtPercentile(50) / baseline.getValueAtPercentile(50);
        Resampler base = new Resampler(baseline);
        Resampler cand = new Resampler(candidate);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] ratios = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            ratios[i] = (double) cand.resampledMedian(random) / base.resampledMedian(random);
        }
        Arrays.sort(ratios);
        return new RatioEstimate(ratio, ratios[(int) (RESAMPLES * 0.025)], ratios[(int) (RESAMPLES * 0.975) - 1]);
    }

    /** Draws page loads from a histogram's distinct values, weighted by their counts. */
    private static final class Resampler {
        private final long[] values;
        private final long[] cumulativeCounts;
        private final int[] drawn;
        private final int draws;

        Resampler(Histogram histogram) {
            int distinct = 0;
            for (HistogramIterationValue ignored : histogram.recordedValues()) {
                distinct++;
            }
            values = new long[distinct];
            cumulativeCounts = new long[distinct];
            drawn = new int[distinct];
            long total = 0;
            int i = 0;
            for (HistogramIterationValue v : histogram.recordedValues()) {
                total += v.getCountAtValueIteratedTo();
                values[i] = histogram.highestEquivalentValue(v.getValueIteratedTo());
                cumulativeCounts[i++] = total;
            }
            draws = (int) Math.min(total, MAX_DRAWS);
        }

        long resampledMedian(SplittableRandom random) {
            Arrays.fill(drawn, 0);
            long total = cumulativeCounts[cumulativeCounts.length - 1];
            for (int d = 0; d < draws; d++) {
                int index = Arrays.binarySearch(cumulativeCounts, random.nextLong(total) + 1);
                drawn[index < 0 ? -index - 1 : index]++;
            }
            int rank = (draws + 1) / 2;
            int seen = 0;
            for (int i = 0; i < drawn.length; i++) {
                seen += drawn[i];
                if (seen >= rank) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }
}
