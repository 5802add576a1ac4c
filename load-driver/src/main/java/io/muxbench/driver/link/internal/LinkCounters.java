package io.muxbench.driver.link.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** The emulator's counters: written by the loop thread, read by anyone. */
public final class LinkCounters {

    final AtomicLong connections = new AtomicLong();
    final AtomicLong bytesUp = new AtomicLong();
    final AtomicLong bytesDown = new AtomicLong();
    final AtomicLong segmentsLost = new AtomicLong();
    final AtomicLong segmentsRetransmitted = new AtomicLong();
    private final Histogram timingErrorMicros = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);

    void recordTimingError(long lateNanos) {
        long micros = Math.min(lateNanos / 1_000, timingErrorMicros.getHighestTrackableValue());
        timingErrorMicros.recordValue(Math.max(0, micros));
    }

    public long connections() {
        return connections.get();
    }

    public long bytesUp() {
        return bytesUp.get();
    }

    public long bytesDown() {
        return bytesDown.get();
    }

    public long segmentsLost() {
        return segmentsLost.get();
    }

    public long segmentsRetransmitted() {
        return segmentsRetransmitted.get();
    }

    /** A copy of the timing error histogram (actual minus scheduled delivery, microseconds). */
    public Histogram timingErrorMicros() {
        return timingErrorMicros.copy();
    }
}
