package io.muxbench.driver.link.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One direction of one browser's access link: a fixed bandwidth, served round-robin one segment at
 * a time among the senders (TCP flows, UDP relays) with segments queued (fair queueing, as a modern home router does),
 * each segment costing its payload and its IP and transport headers ({@link Sender#headerBytes}). Time
 * here is logical: a segment starts when the link is free or when it was queued, whichever is later,
 * so a late wake-up does not stretch the schedule.
 */
final class Bottleneck extends Scheduled {

    private final long bitsPerSecond;
    private final ArrayDeque<Sender> rotation = new ArrayDeque<>();
    private long freeAtNanos = System.nanoTime();

    Bottleneck(TimerHeap timers, long bitsPerSecond) {
        super(timers);
        this.bitsPerSecond = bitsPerSecond;
    }

    /** A sender has queued segments: give it its turn. */
    void offer(Sender flow, long nowNanos) {
        if (!flow.inRotation) {
            flow.inRotation = true;
            rotation.addLast(flow);
        }
        onTimer(nowNanos);
    }

    @Override
    void onTimer(long nowNanos) {
        while (!rotation.isEmpty()) {
            if (freeAtNanos - nowNanos > 0) {
                armAt(freeAtNanos);
                return;
            }
            Sender flow = rotation.pollFirst();
            Segment segment = flow.pollQueued();
            if (segment == null) {
                flow.inRotation = false;
                continue;
            }
            long startNanos = Math.max(freeAtNanos, segment.enqueuedNanos);
            freeAtNanos = startNanos + serializationNanos(segment.length + flow.headerBytes);
            flow.onTransmitted(segment, freeAtNanos);
            if (flow.hasQueued()) {
                rotation.addLast(flow);
            } else {
                flow.inRotation = false;
            }
        }
    }

    /** A turn failed half-way: reset every connection waiting for a turn, and start over with an empty rotation. */
    @Override
    void onFailure(Throwable failure) {
        List<Sender> waiting = new ArrayList<>(rotation);
        rotation.clear();
        for (Sender flow : waiting) {
            flow.inRotation = false;
            flow.abortConnection();
        }
    }

    private long serializationNanos(int bytes) {
        return bytes * 8_000_000_000L / bitsPerSecond;
    }
}
