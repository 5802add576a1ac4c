package io.muxbench.driver.link.internal;

import io.muxbench.driver.link.LinkProfile;

/** What every flow and UDP relay of one emulator shares: the link's shape, the loss model, the timers, buffers and counters. */
final class LinkContext {

    private static final int MIN_RING_BYTES = 256 << 10;
    private static final int MAX_RING_BYTES = 8 << 20;
    /**
     * Lost SYNs and SYN-ACKs per connection at most; the try after them always gets through. Linux
     * tries 7 times (tcp_syn_retries 6, over 127 s); a browser gives up long before, and the emulator
     * never fails a connection, so a few delays (1 + 2 + 4 timeouts) are what it models.
     */
    static final int MAX_HANDSHAKE_LOSSES = 3;

    final LinkProfile profile;
    final long rttNanos;
    final long oneWayNanos;
    /** Every TCP flow's congestion window at the start, in bytes. */
    final long initialWindowBytes;
    /** The SYN retransmission timeout; 0: handshakes are never lost. */
    final long synRtoNanos;
    final LossModel loss;
    final TimerHeap timers = new TimerHeap();
    final BufferPool pool = new BufferPool();
    final LinkCounters counters = new LinkCounters();
    final int initialRingBytes;
    /**
     * Bumped to number every browser's connections again, from {@link #numberingStart} (seeded loss is
     * keyed by that number); the start is written before the bump, so a reader of the new epoch sees it.
     */
    final java.util.concurrent.atomic.AtomicInteger numberingEpoch = new java.util.concurrent.atomic.AtomicInteger();
    volatile int numberingStart;
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

    /**
     * How much later than its one round trip a new connection's handshake completes: with a SYN
     * timeout, each try's SYN (then, if it arrived, its SYN-ACK) may be lost, seeded by the
     * connection's flow keys; each loss costs the timeout, doubled per retry (1 s, 2 s, 4 s for
     * Linux's 1 s), and is counted. Loop thread only.
     */
    long handshakeDelayNanos(long upFlowKey, long downFlowKey) {
        if (synRtoNanos == 0) {
            return 0;
        }
        long delayNanos = 0;
        for (int attempt = 0; attempt < MAX_HANDSHAKE_LOSSES; attempt++) {
            if (!loss.isHandshakeLost(upFlowKey, attempt) && !loss.isHandshakeLost(downFlowKey, attempt)) {
                break;
            }
            counters.synLost.incrementAndGet();
            delayNanos += synRtoNanos << attempt;
        }
        return delayNanos;
    }

    LinkContext(LinkProfile profile, long seed, int datagramQueueBytes) {
        this.profile = profile;
        this.rttNanos = profile.rttNanos();
        this.oneWayNanos = rttNanos / 2;
        this.initialWindowBytes = (long) profile.initialWindowSegments() * Flow.MSS;
        this.synRtoNanos = profile.synRtoNanos();
        this.loss = new LossModel(seed, profile.lossRate());
        long wanted = Math.max(MIN_RING_BYTES, Math.min(MAX_RING_BYTES, 2 * profile.bandwidthDelayProductBytes()));
        this.maxRingBytes = Integer.highestOneBit((int) wanted - 1) << 1;
        this.initialRingBytes = 64 << 10;
        this.datagramQueueBytes = datagramQueueBytes;
    }
}
