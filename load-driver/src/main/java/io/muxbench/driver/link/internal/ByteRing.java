package io.muxbench.driver.link.internal;

import java.nio.ByteBuffer;

/**
 * The bytes of one flow between being read from the source and being written to the sink, indexed
 * by stream sequence number. It grows by doubling up to a maximum (like a socket buffer's
 * autotuning), so a connection on a slow link costs little memory.
 */
final class ByteRing {

    private final BufferPool pool;
    private final int maxCapacity;
    private ByteBuffer buffer;

    ByteRing(BufferPool pool, int initialCapacity, int maxCapacity) {
        this.pool = pool;
        this.maxCapacity = maxCapacity;
        this.buffer = pool.take(initialCapacity);
    }

    /**
     * The buffer, positioned on free space after {@code tailSeq}, or null when full at the maximum.
     * Valid until the next call.
     */
    ByteBuffer writable(long headSeq, long tailSeq) {
        int capacity = buffer.capacity();
        long free = capacity - (tailSeq - headSeq);
        if (free == 0) {
            if (capacity >= maxCapacity) {
                return null;
            }
            grow(headSeq, tailSeq);
            return writable(headSeq, tailSeq);
        }
        int position = (int) (tailSeq & (capacity - 1));
        buffer.limit((int) Math.min(capacity, position + free)).position(position);
        return buffer;
    }

    /** The buffer, positioned on the bytes from {@code fromSeq} (up to {@code toSeq} or the end of the array). */
    ByteBuffer readable(long fromSeq, long toSeq) {
        int capacity = buffer.capacity();
        int position = (int) (fromSeq & (capacity - 1));
        buffer.limit((int) Math.min(capacity, position + (toSeq - fromSeq))).position(position);
        return buffer;
    }

    boolean canTakeMore(long headSeq, long tailSeq) {
        return tailSeq - headSeq < buffer.capacity() || buffer.capacity() < maxCapacity;
    }

    void release() {
        if (buffer != null) {
            pool.give(buffer);
            buffer = null;
        }
    }

    private void grow(long headSeq, long tailSeq) {
        ByteBuffer bigger = pool.take(buffer.capacity() * 2);
        // Copy byte ranges so that each sequence number lands at seq & (newCapacity - 1).
        for (long seq = headSeq; seq < tailSeq; ) {
            ByteBuffer from = readable(seq, tailSeq);
            int n = from.remaining();
            int to = (int) (seq & (bigger.capacity() - 1));
            int chunk = Math.min(n, bigger.capacity() - to);
            from.limit(from.position() + chunk);
            bigger.limit(to + chunk).position(to);
            bigger.put(from);
            seq += chunk;
        }
        pool.give(buffer);
        buffer = bigger;
    }
}
