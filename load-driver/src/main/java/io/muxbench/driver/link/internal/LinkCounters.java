package io.muxbench.driver.link.internal;

import io.muxbench.driver.link.LinkStats;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** The emulator's counters: written by the loop thread, read by anyone. */
final class LinkCounters {

    final AtomicLong connections = new AtomicLong();
    final AtomicLong bytesUp = new AtomicLong();
    final AtomicLong bytesDown = new AtomicLong();
    final AtomicLong segmentsLost = new AtomicLong();
    /** SYNs and SYN-ACKs the seeded loss dropped (only with a SYN timeout). */
    final AtomicLong synLost = new AtomicLong();
    final AtomicLong segmentsRetransmitted = new AtomicLong();
    final AtomicLong udpRelays = new AtomicLong();
    final AtomicLong datagramsUp = new AtomicLong();
    final AtomicLong datagramsDown = new AtomicLong();
    final AtomicLong datagramBytesUp = new AtomicLong();
    final AtomicLong datagramBytesDown = new AtomicLong();
    final AtomicLong datagramsLost = new AtomicLong();
    final AtomicLong datagramsQueueDropped = new AtomicLong();
    final AtomicLong datagramsSendDropped = new AtomicLong();
    /** Events that threw something unexpected; each cost one connection, not the link. */
    final AtomicLong internalErrors = new AtomicLong();
    private final Histogram timingErrorMicros = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);

    void recordTimingError(long lateNanos) {
        long micros = Math.min(lateNanos / 1_000, timingErrorMicros.getHighestTrackableValue());
        timingErrorMicros.recordValue(Math.max(0, micros));
    }

    LinkStats snapshot() {
        return new LinkStats(connections.get(), bytesUp.get(), bytesDown.get(), segmentsLost.get(), synLost.get(),
                segmentsRetransmitted.get(), internalErrors.get(), timingErrorMicros.copy(),
                new LinkStats.Datagrams(udpRelays.get(), datagramsUp.get(), datagramsDown.get(), datagramBytesUp.get(),
                        datagramBytesDown.get(), datagramsLost.get(), datagramsQueueDropped.get(), datagramsSendDropped.get()));
    }
}
