package io.muxbench.report;

import io.muxbench.report.compare.EmpiricalDistribution;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;

/**
 * The ratio of two cells' median page-load times with a 95% percentile-bootstrap interval: both
 * cells' recorded histograms are resampled (as many page loads as each had, with replacement) with
 * a fixed seed, so the same run always gives the same report.
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

    static final int RESAMPLES = 2000;
    static final long SEED = 0x6d75786265L;

    static RatioEstimate of(Histogram baseline, Histogram candidate) {
        EmpiricalDistribution base = EmpiricalDistribution.of(baseline);
        EmpiricalDistribution cand = EmpiricalDistribution.of(candidate);
        SplittableRandom random = new SplittableRandom(SEED);
        double[] ratios = new double[RESAMPLES];
        for (int i = 0; i < RESAMPLES; i++) {
            ratios[i] = (double) cand.resamplePercentile(50, random) / base.resamplePercentile(50, random);
        }
        Arrays.sort(ratios);
        return new RatioEstimate((double) cand.percentile(50) / base.percentile(50),
                ratios[(int) (RESAMPLES * 0.025)], ratios[(int) (RESAMPLES * 0.975) - 1]);
    }
}
