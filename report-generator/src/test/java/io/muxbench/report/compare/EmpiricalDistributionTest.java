package io.muxbench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.HistogramLogs;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class EmpiricalDistributionTest {

    private static Histogram lognormal(long seed, int count) {
        Histogram h = HistogramLogs.newHistogram();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            h.recordValue(Math.round(50_000 * Math.exp(0.5 * random.nextGaussian())));
        }
        return h;
    }

    @Test
    void percentilesAgreeWithHdrHistogram() {
        for (int count : new int[]{1, 7, 100, 1001}) {
            Histogram h = lognormal(count, count);
            EmpiricalDistribution d = EmpiricalDistribution.of(h);
            assertEquals(count, d.count());
            for (double p : new double[]{1, 50, 90, 99, 99.9, 100}) {
                assertEquals(h.getValueAtPercentile(p), d.percentile(p), "count " + count + " p" + p);
            }
        }
    }

    @Test
    void resampledPercentilesSpreadAroundTheSampleAndNarrowWithMoreData() {
        double smallSpread = spreadOfResampledMedian(lognormal(1, 100));
        double largeSpread = spreadOfResampledMedian(lognormal(1, 10_000));
        // The median's standard error shrinks as 1/sqrt(n): 100 times the data, about a tenth of the spread.
        assertTrue(largeSpread < smallSpread / 5, smallSpread + " vs " + largeSpread);
    }

    private static double spreadOfResampledMedian(Histogram h) {
        EmpiricalDistribution d = EmpiricalDistribution.of(h);
        SplittableRandom random = new SplittableRandom(3);
        double sum = 0;
        double sumOfSquares = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            long v = d.resamplePercentile(50, random);
            assertTrue(v >= h.getMinValue() && v <= h.getMaxValue());
            sum += v;
            sumOfSquares += (double) v * v;
        }
        double mean = sum / n;
        double median = d.percentile(50);
        assertTrue(Math.abs(mean - median) < 0.1 * median, mean + " vs " + median);
        return Math.sqrt(sumOfSquares / n - mean * mean);
    }

    @Test
    void betaVariatesHaveTheRightMean() {
        SplittableRandom random = new SplittableRandom(5);
        double sum = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            sum += Beta.sample(3, 7, random);
        }
        assertEquals(0.3, sum / n, 0.01);
    }
}
