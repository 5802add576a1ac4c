package io.muxbench.results;

import org.HdrHistogram.Histogram;

/**
 * A cell's figures in results.json from its histograms (microseconds in, milliseconds out, rounded
 * to the microsecond), the one place they are computed: by the driver after each round and by
 * {@code muxbench merge} from the shards' added histograms, so both give the same numbers for the
 * same histograms.
 *
 * <pre>{@code
 * CellResult.PageLoads loads = CellStatistics.pageLoads(attempted, failed, plt, null);
 * }</pre>
 */
public final class CellStatistics {

    private CellStatistics() {
    }

    /**
     * Page-load figures: percentiles, max, mean and spread of {@code plt}; the uncorrected ones of
     * {@code uncorrected}, or none when it is null (closed load).
     */
    public static CellResult.PageLoads pageLoads(long count, long failed, Histogram plt, Histogram uncorrected) {
        CellResult.Uncorrected u = uncorrected == null ? null
                : new CellResult.Uncorrected(p(uncorrected, 50), p(uncorrected, 90), p(uncorrected, 99),
                ms(uncorrected.getMaxValue()));
        return new CellResult.PageLoads(count, failed, p(plt, 50), p(plt, 90), p(plt, 99), ms(plt.getMaxValue()),
                round(plt.getMean() / 1000), round(plt.getStdDeviation() / 1000), u);
    }

    /** Request figures: the histogram holds the requests that succeeded; {@code failed} are counted beside it. */
    public static CellResult.Requests requests(Histogram request, long failed) {
        return new CellResult.Requests(request.getTotalCount() + failed, failed, p(request, 50), p(request, 90),
                p(request, 99), ms(request.getMaxValue()));
    }

    /** A per-page-load figure as results.json keeps it: rounded to three decimals. */
    public static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double p(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : ms(h.getValueAtPercentile(percentile));
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }
}
