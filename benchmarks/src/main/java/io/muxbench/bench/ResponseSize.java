package io.muxbench.bench;

import java.nio.ByteBuffer;
import java.util.Random;

/**
 * Response body sizes shared by the HTTP/2 frame and HTTP/1.1 benchmarks, chosen from the HAR
 * captures: a small script or icon, a stylesheet or bundle, a large image.
 */
public enum ResponseSize {
    /** 2 KB: one DATA frame. */
    SMALL(2 * 1024),
    /** 64 KB: four full 16 KB DATA frames. */
    MEDIUM(64 * 1024),
    /** 1 MB: 64 DATA frames. */
    LARGE(1024 * 1024);

    private final int bytes;

    ResponseSize(int bytes) {
        this.bytes = bytes;
    }

    /** @return the body length in bytes */
    public int bytes() {
        return bytes;
    }

    /**
     * Random (incompressible, never all zeros) bytes, the same for every run: a body whose content
     * a codec could skip or special-case would measure nothing.
     *
     * @return a new read-only heap buffer of {@link #bytes()} bytes
     */
    public ByteBuffer newBody() {
        byte[] body = new byte[bytes];
        new Random(bytes).nextBytes(body);
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }
}
