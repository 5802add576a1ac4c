package io.muxbench.driver.link.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One direction of one UDP relay: datagrams wait in a drop-tail queue (bounded in bytes) for their
 * turns at the browser's bottleneck, which they share with its TCP flows; once sent they are lost
 * (seeded, per datagram) or propagate for half the round trip and go out whole, in the order they
 * came. Nothing is retransmitted, split or merged: QUIC does its own recovery. Loop thread only.
 */
final class DatagramFlow extends Sender {

    /** Sends one datagram on; false if the kernel would not take it now (its send buffer is full). */
    @FunctionalInterface
    interface Sink {
        boolean send(ByteBuffer datagram) throws IOException;
    }

    /** The counters of one direction. */
    record Counters(AtomicLong delivered, AtomicLong bytes) {
    }

    private final DatagramRelay relay;
    private final LinkContext link;
    private final Bottleneck bottleneck;
    private final long flowKey;
    private final Counters counters;
    private final Sink sink;
    private final ArrayDeque<Segment> queued = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> queuedPayloads = new ArrayDeque<>();
    private final ArrayDeque<Segment> inTransit = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> inTransitPayloads = new ArrayDeque<>();
    /** The payload of the segment the bottleneck just polled, until it says it has sent it. */
    private ByteBuffer transmitting;
    private long queuedBytes;
    private long nextNumber;
    private boolean closed;

    DatagramFlow(DatagramRelay relay, LinkContext link, Bottleneck bottleneck, long flowKey, Counters counters, Sink sink) {
        super(link.timers, UDP_HEADER_BYTES);
        this.relay = relay;
        this.link = link;
        this.bottleneck = bottleneck;
        this.flowKey = flowKey;
        this.counters = counters;
        this.sink = sink;
    }

    /** A datagram came in from this direction's source: queue it at the bottleneck, or drop it if the queue is full. */
    void receive(ByteBuffer payload, long nowNanos) {
        if (closed) {
            return;
        }
        // Numbered in arrival order, dropped or not, so that seeded loss does not depend on the queue.
        long number = nextNumber++;
        int length = payload.remaining();
        if (queuedBytes + length > link.datagramQueueBytes) {
            link.counters.datagramsQueueDropped.incrementAndGet();
            return;
        }
        queued.addLast(new Segment(number, length, false, nowNanos));
        queuedPayloads.addLast(payload);
        queuedBytes += length;
        bottleneck.offer(this, nowNanos);
    }

    @Override
    Segment pollQueued() {
        if (closed || queued.isEmpty()) {
            return null;
        }
        Segment segment = queued.pollFirst();
        transmitting = queuedPayloads.pollFirst();
        queuedBytes -= segment.length;
        return segment;
    }

    @Override
    boolean hasQueued() {
        return !closed && !queued.isEmpty();
    }

    @Override
    void onTransmitted(Segment segment, long sentNanos) {
        ByteBuffer payload = transmitting;
        transmitting = null;
        if (link.loss.isDatagramLost(flowKey, segment.startSeq)) {
            link.counters.datagramsLost.incrementAndGet();
            return;
        }
        // The bottleneck sends in order and propagation is constant: arrivals stay in order.
        segment.dueNanos = sentNanos + link.oneWayNanos;
        inTransit.addLast(segment);
        inTransitPayloads.addLast(payload);
        armAt(inTransit.peekFirst().dueNanos);
    }

    @Override
    void onTimer(long nowNanos) {
        while (!closed && !inTransit.isEmpty() && inTransit.peekFirst().dueNanos - nowNanos <= 0) {
            Segment segment = inTransit.pollFirst();
            ByteBuffer payload = inTransitPayloads.pollFirst();
            link.counters.recordTimingError(nowNanos - segment.dueNanos);
            try {
                if (sink.send(payload)) {
                    counters.delivered().incrementAndGet();
                    counters.bytes().addAndGet(segment.length);
                } else {
                    link.counters.datagramsSendDropped.incrementAndGet();
                }
            } catch (IOException e) {
                // The peer is gone (ICMP unreachable) or the socket failed: this datagram is lost, the relay goes on.
                link.counters.datagramsSendDropped.incrementAndGet();
            }
        }
        if (!closed && !inTransit.isEmpty()) {
            armAt(inTransit.peekFirst().dueNanos);
        }
    }

    @Override
    void onFailure(Throwable failure) {
        relay.close();
    }

    @Override
    void abortConnection() {
        relay.close();
    }

    void close() {
        closed = true;
        queued.clear();
        queuedPayloads.clear();
        inTransit.clear();
        inTransitPayloads.clear();
        transmitting = null;
        queuedBytes = 0;
    }
}
