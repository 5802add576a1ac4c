package io.muxbench.driver.origin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Deterministic response bodies: every body is a prefix of one repeating pattern, so a client can
 * check what it received and the origin allocates nothing per response.
 */
public final class Bodies {

    /** Bytes written per write call. */
    public static final int CHUNK = 16 * 1024;
    private static final ByteBuffer PATTERN;

    static {
        // Printable, varied, and not compressible to nothing: a linear congruential sequence of letters.
        byte[] bytes = new byte[CHUNK];
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < bytes.length; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            bytes[i] = (byte) ('a' + (int) ((x >>> 33) % 26));
        }
        PATTERN = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    private Bodies() {
    }

    /** The bytes of a body from {@code offset}, at most {@link #CHUNK} of them, as a read-only view. */
    public static ByteBuffer slice(long offset, long remaining) {
        int start = (int) (offset % CHUNK);
        int length = (int) Math.min(remaining, CHUNK - start);
        return PATTERN.slice(start, length);
    }

    /** The byte at {@code offset} of every body, for clients that check what they received. */
    public static byte byteAt(long offset) {
        return PATTERN.get((int) (offset % CHUNK));
    }

    /** A short text body for errors. */
    public static ByteBuffer text(String message) {
        return ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8));
    }
}
