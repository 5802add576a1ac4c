package io.muxbench.driver.link;

import org.HdrHistogram.Histogram;

/**
 * A snapshot of what a {@link LinkEmulator} has done since it started.
 *
 * <pre>{@code
 * LinkStats stats = emulator.stats();
 * System.out.println(stats.bytesDown() + " bytes down, timing error p99 " + stats.timingErrorP99Micros() + " us");
 * }</pre>
 *
 * @param connections           client connections accepted
 * @param bytesUp               bytes delivered from clients to the upstream
 * @param bytesDown             bytes delivered from the upstream to clients
 * @param segmentsLost          segments the seeded loss dropped
 * @param segmentsRetransmitted retransmissions (each lost segment is retransmitted once, and never lost again)
 * @param internalErrors        events that failed unexpectedly (a harness bug, or the process out of
 *                              file descriptors); each cost one connection or one accept, not the link
 * @param timingErrorMicros     per delivered segment: actual delivery time minus scheduled delivery
 *                              time, in microseconds (a copy, yours to keep)
 */
public record LinkStats(long connections, long bytesUp, long bytesDown, long segmentsLost, long segmentsRetransmitted,
                        long internalErrors, Histogram timingErrorMicros) {

    /** Median timing error in microseconds (0 before any delivery). */
    public long timingErrorP50Micros() {
        return timingErrorMicros.getValueAtPercentile(50);
    }

    /** 99th percentile timing error in microseconds (0 before any delivery). */
    public long timingErrorP99Micros() {
        return timingErrorMicros.getValueAtPercentile(99);
    }

    /** One line for logs and the command line. */
    public String summary() {
        return connections + " connections, " + bytesUp + " bytes up, " + bytesDown + " bytes down, "
                + segmentsLost + " segments lost, timing error p50 " + timingErrorP50Micros() + " us, p99 "
                + timingErrorP99Micros() + " us over " + timingErrorMicros.getTotalCount() + " segments"
                + (internalErrors == 0 ? "" : ", " + internalErrors + " internal errors (each reset one connection)");
    }
}
