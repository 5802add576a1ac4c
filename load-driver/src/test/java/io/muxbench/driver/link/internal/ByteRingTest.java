package io.muxbench.driver.link.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class ByteRingTest {

    @Test
    void keepsSequenceOrderAcrossWrapAndGrowth() {
        ByteRing ring = new ByteRing(new BufferPool(), 16, 64);
        long head = 0;
        long tail = 0;
        long expectedNext = 0;
        // Write 10, consume 7, write until full (wrapping), then past full (growing), and read it all back.
        tail = fill(ring, head, tail, 10);
        for (int i = 0; i < 7; i++) {
            assertEquals((byte) expectedNext++, take(ring, head++, tail));
        }
        tail = fill(ring, head, tail, 13); // 16 in the ring, wrapped
        tail = fill(ring, head, tail, 40); // grows to 64 around the wrapped bytes
        assertEquals(56, tail - head);
        tail = fill(ring, head, tail, 8);
        assertNull(ring.writable(head, tail), "full at the maximum");
        while (head < tail) {
            assertEquals((byte) expectedNext++, take(ring, head++, tail));
        }
    }

    private static long fill(ByteRing ring, long head, long tail, int count) {
        for (int i = 0; i < count; i++) {
            ByteBuffer free = ring.writable(head, tail);
            free.put((byte) tail);
            tail++;
        }
        return tail;
    }

    private static byte take(ByteRing ring, long seq, long tail) {
        return ring.readable(seq, tail).get();
    }
}
