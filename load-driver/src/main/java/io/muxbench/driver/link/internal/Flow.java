package io.muxbench.driver.link.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One direction of one proxied connection, modelled as a TCP sender: bytes read from the source wait
 * in a ring; the congestion window decides how many may be in flight; segments queue at the
 * browser's bottleneck, propagate for half the round trip, are delivered in order (a lost segment
 * holds back every later one until its retransmission arrives) and written to the sink; their ACKs
 * come back half a round trip later and open the window. Loop thread only.
 */
final class Flow extends Sender {

    static final int MSS = 1460;
    static final long MIN_RTO_NANOS = 200_000_000L;
    /** Fast retransmit needs three duplicate ACKs, hence three later segments. */
    private static final long FAST_RETRANSMIT_BYTES = 3L * MSS;

    private final ProxyConnection connection;
    private final LinkContext link;
    private final Bottleneck bottleneck;
    private final long flowKey;
    private final AtomicLong bytesCounter;
    private final ByteRing ring;
    private final ArrayDeque<Segment> queued = new ArrayDeque<>();
    private final ArrayDeque<Segment> inTransit = new ArrayDeque<>();
    private final ArrayDeque<Segment> unacked = new ArrayDeque<>();

    SocketChannel source;
    SocketChannel sink;
    boolean sourceOpen;
    boolean sinkOpen;
    private final long notBeforeNanos;

    // Stream positions: written <= delivered <= acked-or-not <= sent <= read.
    private long readSeq;
    private long sentSeq;
    private long ackedSeq;
    private long deliveredSeq;
    private long writtenSeq;
    private long lastDeliveryNanos = Long.MIN_VALUE;

    private long cwndBytes;
    private long ssthreshBytes = Long.MAX_VALUE;
    private long recoverSeq;

    private boolean sourceEof;
    private boolean finQueued;
    private boolean finDelivered;
    private boolean outputShut;
    private boolean writeBlocked;
    private boolean closed;

    Flow(ProxyConnection connection, LinkContext link, Bottleneck bottleneck, long flowKey, AtomicLong bytesCounter,
         long notBeforeNanos) {
        super(link.timers, TCP_HEADER_BYTES);
        this.connection = connection;
        this.link = link;
        this.bottleneck = bottleneck;
        this.flowKey = flowKey;
        this.bytesCounter = bytesCounter;
        this.notBeforeNanos = notBeforeNanos;
        this.cwndBytes = link.initialWindowBytes;
        this.ring = new ByteRing(link.pool, link.initialRingBytes, link.maxRingBytes);
    }

    boolean wantsRead() {
        return sourceOpen && !sourceEof && !closed && ring.canTakeMore(writtenSeq, readSeq);
    }

    boolean wantsWrite() {
        return writeBlocked && !closed;
    }

    /** Both ends are done: the source said EOF and the sink got it. */
    boolean isFinished() {
        return outputShut;
    }

    void readFromSource(long nowNanos) throws IOException {
        while (true) {
            ByteBuffer free = ring.writable(writtenSeq, readSeq);
            if (free == null) {
                break;
            }
            int n = source.read(free);
            if (n < 0) {
                sourceEof = true;
                break;
            }
            if (n == 0) {
                break;
            }
            readSeq += n;
        }
        trySend(nowNanos);
    }

    /** Queues as many segments at the bottleneck as the handshake and the congestion window allow. */
    private void trySend(long nowNanos) {
        if (closed) {
            return;
        }
        if (nowNanos - notBeforeNanos < 0) {
            armAt(notBeforeNanos);
            return;
        }
        boolean queuedAny = false;
        while (sentSeq < readSeq) {
            // Cut at MSS boundaries, so that seeded loss sees the same segments whatever the read sizes.
            int length = (int) Math.min(readSeq - sentSeq, MSS - sentSeq % MSS);
            long inFlight = sentSeq - ackedSeq;
            if (inFlight > 0 && inFlight + length > cwndBytes) {
                break;
            }
            queued.addLast(new Segment(sentSeq, length, false, nowNanos));
            sentSeq += length;
            queuedAny = true;
        }
        if (sourceEof && !finQueued && sentSeq == readSeq) {
            queued.addLast(new Segment(sentSeq, 0, true, nowNanos));
            finQueued = true;
            queuedAny = true;
        }
        if (queuedAny) {
            bottleneck.offer(this, nowNanos);
        }
    }

    @Override
    Segment pollQueued() {
        return closed ? null : queued.pollFirst();
    }

    @Override
    boolean hasQueued() {
        return !closed && !queued.isEmpty();
    }

    /** The bottleneck finished sending {@code segment} at {@code sentNanos}: propagate it, or lose it. */
    @Override
    void onTransmitted(Segment segment, long sentNanos) {
        long arrivalNanos = sentNanos + link.oneWayNanos;
        if (segment.length > 0 && link.loss.isLost(flowKey, segment.startSeq)) {
            boolean fastRetransmit = readSeq - segment.endSeq() >= FAST_RETRANSMIT_BYTES;
            arrivalNanos += fastRetransmit ? link.rttNanos : Math.max(MIN_RTO_NANOS, link.rttNanos);
            if (segment.startSeq >= recoverSeq) {
                // One halving per window of data, as in NewReno's recovery.
                cwndBytes = Math.max(cwndBytes / 2, 2L * MSS);
                ssthreshBytes = cwndBytes;
                recoverSeq = sentSeq;
            }
            link.counters.segmentsLost.incrementAndGet();
            link.counters.segmentsRetransmitted.incrementAndGet();
        }
        // In order: nothing is delivered before the segments ahead of it (head-of-line blocking).
        long deliveryNanos = Math.max(arrivalNanos, lastDeliveryNanos);
        lastDeliveryNanos = deliveryNanos;
        segment.dueNanos = deliveryNanos;
        inTransit.addLast(segment);
        armAt(inTransit.peekFirst().dueNanos);
    }

    @Override
    void onTimer(long nowNanos) {
        if (closed) {
            return;
        }
        boolean delivered = false;
        while (!inTransit.isEmpty() && inTransit.peekFirst().dueNanos - nowNanos <= 0) {
            Segment segment = inTransit.pollFirst();
            link.counters.recordTimingError(nowNanos - segment.dueNanos);
            deliveredSeq = segment.endSeq();
            finDelivered |= segment.fin;
            segment.dueNanos += link.oneWayNanos;
            unacked.addLast(segment);
            delivered = true;
        }
        if (delivered) {
            writeToSink();
            if (closed) {
                return;
            }
        }
        while (!unacked.isEmpty() && unacked.peekFirst().dueNanos - nowNanos <= 0) {
            onAck(unacked.pollFirst());
        }
        trySend(nowNanos);
        if (!inTransit.isEmpty()) {
            armAt(inTransit.peekFirst().dueNanos);
        }
        if (!unacked.isEmpty()) {
            armAt(unacked.peekFirst().dueNanos);
        }
    }

    @Override
    void onFailure(Throwable failure) {
        connection.abort();
    }

    /** Resets this flow's connection: something that serves it failed. */
    @Override
    void abortConnection() {
        connection.abort();
    }

    private void onAck(Segment segment) {
        long inFlight = sentSeq - ackedSeq;
        ackedSeq = segment.endSeq();
        // Grow only while the window is what limits the sender (RFC 7661), as Linux does.
        if (segment.length > 0 && 2 * inFlight >= cwndBytes) {
            cwndBytes += cwndBytes < ssthreshBytes ? segment.length : Math.max(1, (long) MSS * segment.length / cwndBytes);
        }
    }

    /** Writes delivered bytes to the sink, then the FIN once everything before it is written. */
    void writeToSink() {
        if (!sinkOpen || closed) {
            return;
        }
        try {
            while (writtenSeq < deliveredSeq) {
                int n = sink.write(ring.readable(writtenSeq, deliveredSeq));
                if (n == 0) {
                    writeBlocked = true;
                    connection.updateInterest();
                    return;
                }
                writtenSeq += n;
                bytesCounter.addAndGet(n);
            }
            writeBlocked = false;
            if (finDelivered && !outputShut) {
                sink.shutdownOutput();
                outputShut = true;
            }
        } catch (IOException e) {
            connection.abort();
            return;
        }
        connection.updateInterest();
        connection.closeIfFinished();
    }

    void close() {
        if (!closed) {
            closed = true;
            queued.clear();
            inTransit.clear();
            unacked.clear();
            ring.release();
        }
    }
}
