package io.muxbench.driver.link.internal;

/**
 * A range of one flow's byte sequence on its way through the link. The bytes stay in the flow's
 * ring; a segment only says where they are and when they are due.
 */
final class Segment {

    final long startSeq;
    final int length;
    /** The zero-length end of the stream (TCP's FIN). */
    final boolean fin;
    final long enqueuedNanos;
    /** When the segment is delivered to the receiver, then (after delivery) when its ACK reaches the sender. */
    long dueNanos;

    Segment(long startSeq, int length, boolean fin, long enqueuedNanos) {
        this.startSeq = startSeq;
        this.length = length;
        this.fin = fin;
        this.enqueuedNanos = enqueuedNanos;
    }

    long endSeq() {
        return startSeq + length;
    }
}
