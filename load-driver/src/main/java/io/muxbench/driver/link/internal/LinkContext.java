package io.muxbench.driver.link.internal;

import io.muxbench.driver.link.LinkProfile;

/** What every flow and UDP relay of one emulator shares: the link's shape, the loss model, the timers, buffers and counters. */
final class LinkContext {

    private static final int MIN_RING_BYTES = 256 << 10;
    private static final int MAX_RING_BYTES = 8 << 20;

    final LinkProfile profile;
    final long rttNanos;
    final long oneWayNanos;
    final LossModel loss;
    final TimerHeap timers = new TimerHeap();
    final BufferPool pool = new BufferPool();
    final LinkCounters counters = new LinkCounters();
    final int initialRingBytes;
    /** Bumped to number every browser's connections from 0 again (seeded loss is keyed by that number). */
    final java.util.concurrent.atomic.AtomicInteger numberingEpoch = new java.util.concurrent.atomic.AtomicInteger();
    /** Twice the bandwidth-delay product (so the window, not the buffer, limits a transfer), within bounds. */
    final int maxRingBytes;

    /** Per UDP relay and direction, the most bytes its drop-tail queue at the bottleneck holds. */
    final int datagramQueueBytes;

    /**
     * The bound a TCP flow's bytes have in the emulator ({@link #maxRingBytes}: twice the
     * bandwidth-delay product, at least 256 KiB and at most 8 MiB), so that a QUIC sender finds as
     * much room at the bottleneck as a TCP one. With 64 KiB, QUIC's slow start overflowed it on
     * cable and 3g (5 % of datagrams dropped on cold loads of image-grid) where TCP never loses a
     * byte for want of room.
     */
    static int defaultDatagramQueueBytes(LinkProfile profile) {
        return (int) Math.max(MIN_RING_BYTES, Math.min(MAX_RING_BYTES, 2 * profile.bandwidthDelayProductBytes()));
    }

    LinkContext(LinkProfile profile, long seed, int datagramQueueBytes) {
        this.profile = profile;
        this.rttNanos = profile.rttNanos();
        this.oneWayNanos = rttNanos / 2;
        this.loss = new LossModel(seed, profile.lossRate());
        long wanted = Math.max(MIN_RING_BYTES, Math.min(MAX_RING_BYTES, 2 * profile.bandwidthDelayProductBytes()));
        this.maxRingBytes = Integer.highestOneBit((int) wanted - 1) << 1;
        this.initialRingBytes = 64 << 10;
        this.datagramQueueBytes = datagramQueueBytes;
    }
}
