package io.muxbench.driver.link.internal;

/**
 * What takes turns at a {@link Bottleneck}: one direction of a TCP connection ({@link Flow}) or of a
 * UDP relay ({@link DatagramFlow}), so that a browser's TCP and UDP traffic share its access link.
 * Loop thread only.
 */
abstract class Sender extends Scheduled {

    /**
     * IPv4 and TCP headers of a segment: with the model's MSS of 1460 bytes, a full segment is a
     * 1500-byte packet. A link's rate is a rate of IP packets, as the presets' shapers (tc, netem)
     * count it, so every segment costs its headers too.
     */
    static final int TCP_HEADER_BYTES = 20 + 20;
    /** IPv4 and UDP headers of a datagram (QUIC's own header and tag are in its payload). */
    static final int UDP_HEADER_BYTES = 20 + 8;

    /** Whether the bottleneck's rotation holds this sender (set and cleared by the bottleneck). */
    boolean inRotation;
    /** What each of its segments costs at the bottleneck on top of its payload. */
    final int headerBytes;

    Sender(TimerHeap timers, int headerBytes) {
        super(timers);
        this.headerBytes = headerBytes;
    }

    /** The next segment to transmit, or null if none is queued. */
    abstract Segment pollQueued();

    abstract boolean hasQueued();

    /** The bottleneck finished sending {@code segment} (just polled) at {@code sentNanos}. */
    abstract void onTransmitted(Segment segment, long sentNanos);

    /** Something serving this sender failed: give up what it serves. */
    abstract void abortConnection();
}
