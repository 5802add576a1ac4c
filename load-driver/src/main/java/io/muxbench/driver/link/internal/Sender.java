package io.muxbench.driver.link.internal;

/**
 * What takes turns at a {@link Bottleneck}: one direction of a TCP connection ({@link Flow}) or of a
 * UDP relay ({@link DatagramFlow}), so that a browser's TCP and UDP traffic share its access link.
 * Loop thread only.
 */
abstract class Sender extends Scheduled {

    /** Whether the bottleneck's rotation holds this sender (set and cleared by the bottleneck). */
    boolean inRotation;

    Sender(TimerHeap timers) {
        super(timers);
    }

    /** The next segment to transmit, or null if none is queued. */
    abstract Segment pollQueued();

    abstract boolean hasQueued();

    /** The bottleneck finished sending {@code segment} (just polled) at {@code sentNanos}. */
    abstract void onTransmitted(Segment segment, long sentNanos);

    /** Something serving this sender failed: give up what it serves. */
    abstract void abortConnection();
}
