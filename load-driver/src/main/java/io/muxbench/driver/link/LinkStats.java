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
 * @param synLost               SYNs and SYN-ACKs the seeded loss dropped (only on a link with {@code syn-rto});
 *                              each delayed its connection by a retransmission timeout
 * @param segmentsRetransmitted retransmissions (each lost segment is retransmitted once, and never lost again)
 * @param internalErrors        events that failed unexpectedly (a harness bug, or the process out of
 *                              file descriptors); each cost one connection or one accept, not the link
 * @param timingErrorMicros     per delivered segment or datagram: actual delivery time minus scheduled
 *                              delivery time, in microseconds (a copy, yours to keep)
 * @param datagrams             what the UDP relays did
 */
public record LinkStats(long connections, long bytesUp, long bytesDown, long segmentsLost, long synLost, long segmentsRetransmitted,
                        long internalErrors, Histogram timingErrorMicros, Datagrams datagrams) {

    /**
     * What the UDP relays did. Every datagram a relay received is delivered, lost, dropped by its
     * full queue, or dropped because the kernel would not take it on the way out; datagrams the
     * kernel dropped before the relay read them are not here (see /proc/net/snmp).
     *
     * @param relays        UDP relays opened (one per client address and port)
     * @param deliveredUp   datagrams delivered from clients to the upstream
     * @param deliveredDown datagrams delivered from the upstream to clients
     * @param bytesUp       payload bytes of the datagrams delivered up
     * @param bytesDown     payload bytes of the datagrams delivered down
     * @param lost          datagrams the seeded loss dropped
     * @param queueDropped  datagrams dropped because the relay's queue at the bottleneck was full (drop-tail)
     * @param sendDropped   datagrams the kernel refused on the way out (the socket's send buffer full)
     */
    public record Datagrams(long relays, long deliveredUp, long deliveredDown, long bytesUp, long bytesDown, long lost,
                            long queueDropped, long sendDropped) {

        /** Nothing relayed. */
        public static final Datagrams NONE = new Datagrams(0, 0, 0, 0, 0, 0, 0, 0);

        /** What was counted since {@code before} (relays: those opened since). */
        public Datagrams minus(Datagrams before) {
            return new Datagrams(relays - before.relays, deliveredUp - before.deliveredUp,
                    deliveredDown - before.deliveredDown, bytesUp - before.bytesUp, bytesDown - before.bytesDown,
                    lost - before.lost, queueDropped - before.queueDropped, sendDropped - before.sendDropped);
        }

        /** Datagrams the relays themselves dropped, for any reason. */
        public long dropped() {
            return lost + queueDropped + sendDropped;
        }
    }

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
                + segmentsLost + " segments lost, " + (synLost == 0 ? "" : synLost + " SYNs or SYN-ACKs lost, ")
                + "timing error p50 " + timingErrorP50Micros() + " us, p99 "
                + timingErrorP99Micros() + " us over " + timingErrorMicros.getTotalCount() + " segments"
                + (datagrams.relays() == 0 ? "" : ", " + datagrams.relays() + " UDP relays, " + datagrams.deliveredUp()
                        + " datagrams up, " + datagrams.deliveredDown() + " down, " + datagrams.lost() + " lost, "
                        + datagrams.queueDropped() + " dropped by a full queue, " + datagrams.sendDropped()
                        + " refused by the kernel")
                + (internalErrors == 0 ? "" : ", " + internalErrors + " internal errors (each reset one connection)");
    }
}
