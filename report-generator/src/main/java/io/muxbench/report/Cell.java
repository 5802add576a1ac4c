package io.muxbench.report;

import io.muxbench.results.CellResult;
import io.muxbench.vocabulary.CellKey;
import org.HdrHistogram.Histogram;

/**
 * One cell of the run as the report sees it: its result and its page-load histogram.
 *
 * @param result    the cell's entry in results.json
 * @param pageLoads page-load times in microseconds from the cell's log; null when the log is missing or unreadable
 * @param problem   why {@code pageLoads} is null, for the reader; null when it is not
 */
record Cell(CellResult result, Histogram pageLoads, String problem) {

    /** Whether the cell has page-load times to plot. */
    boolean hasPageLoads() {
        return pageLoads != null && pageLoads.getTotalCount() > 0;
    }

    String mode() {
        return result.mode();
    }

    /** Median page-load time, from the histogram when there is one, else from results.json. */
    double p50Ms() {
        return hasPageLoads() ? pageLoads.getValueAtPercentile(50) / 1000.0 : result.pageLoads().p50Ms();
    }

    /** Whether its connections were QUIC (it negotiated h3): one handshake instead of connect and TLS. */
    boolean overQuic() {
        return result.settings() != null && result.settings().overQuic();
    }

    CellKey.Group group() {
        return result.key().group();
    }
}
