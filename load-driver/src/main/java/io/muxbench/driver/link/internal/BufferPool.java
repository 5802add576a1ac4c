package io.muxbench.driver.link.internal;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Direct buffers of power-of-two sizes, reused across connections: cold page loads open and close
 * connections all the time, and direct memory is only returned by the garbage collector. Loop thread only.
 */
final class BufferPool {

    private static final long MAX_POOLED_BYTES = 64L << 20;

    private final Map<Integer, ArrayDeque<ByteBuffer>> free = new HashMap<>();
    private long pooledBytes;

    ByteBuffer take(int capacity) {
        ArrayDeque<ByteBuffer> list = free.get(capacity);
        ByteBuffer buffer = list == null ? null : list.pollFirst();
        if (buffer == null) {
            return ByteBuffer.allocateDirect(capacity);
        }
        pooledBytes -= capacity;
        buffer.clear();
        return buffer;
    }

    void give(ByteBuffer buffer) {
        if (pooledBytes + buffer.capacity() > MAX_POOLED_BYTES) {
            return;
        }
        pooledBytes += buffer.capacity();
        free.computeIfAbsent(buffer.capacity(), c -> new ArrayDeque<>()).addFirst(buffer);
    }
}
