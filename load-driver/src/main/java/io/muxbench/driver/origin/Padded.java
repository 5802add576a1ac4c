package io.muxbench.driver.origin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A text body of an exact size, held as its markup alone: {@code content}, then {@code open},
 * pattern letters and {@code close}, as {@link Filler#wrap} lays it out, produced slice by slice
 * so that a 16 MiB stylesheet costs its markup and not 16 MiB.
 */
final class Padded implements PageBodies.Body {

    private static final ByteBuffer SPACES;

    static {
        byte[] spaces = new byte[Bodies.CHUNK];
        Arrays.fill(spaces, (byte) ' ');
        SPACES = ByteBuffer.wrap(spaces).asReadOnlyBuffer();
    }

    private final ByteBuffer content;
    private final ByteBuffer open;
    private final ByteBuffer close;
    private final long size;
    /** Where the letters start and end; both equal to content's end when the gap is filled with spaces. */
    private final long lettersStart;
    private final long lettersEnd;
    private final boolean spaces;

    private Padded(byte[] content, long size, byte[] open, byte[] close) {
        this.content = ByteBuffer.wrap(content).asReadOnlyBuffer();
        this.open = ByteBuffer.wrap(open).asReadOnlyBuffer();
        this.close = ByteBuffer.wrap(close).asReadOnlyBuffer();
        this.size = size;
        long gap = size - content.length;
        spaces = gap < open.length + close.length;
        lettersStart = content.length + (spaces ? 0 : open.length);
        lettersEnd = spaces ? content.length : size - close.length;
    }

    /** The body, or null when the content alone is larger than {@code size}. */
    static Padded of(byte[] content, long size, String open, String close) {
        if (content.length > size) {
            return null;
        }
        return new Padded(content, size, open.getBytes(StandardCharsets.US_ASCII), close.getBytes(StandardCharsets.US_ASCII));
    }

    /** The markup this body holds. */
    byte[] content() {
        byte[] bytes = new byte[content.capacity()];
        content.get(0, bytes);
        return bytes;
    }

    @Override
    public ByteBuffer slice(long offset, long max) {
        long contentEnd = content.capacity();
        if (offset >= size || max <= 0) {
            return ByteBuffer.allocate(0);
        }
        if (offset < contentEnd) {
            return view(content, offset, max);
        }
        if (spaces) {
            return SPACES.slice(0, (int) Math.min(Math.min(max, size - offset), SPACES.capacity()));
        }
        if (offset < lettersStart) {
            return view(open, offset - contentEnd, max);
        }
        if (offset < lettersEnd) {
            return Bodies.slice(offset - lettersStart, Math.min(max, lettersEnd - offset));
        }
        return view(close, offset - lettersEnd, max);
    }

    private static ByteBuffer view(ByteBuffer whole, long from, long max) {
        int start = (int) from;
        return whole.slice(start, (int) Math.min(max, whole.capacity() - start));
    }
}
