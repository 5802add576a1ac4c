package io.muxbench.driver.origin;

import java.nio.charset.StandardCharsets;

/** Pads text bodies to an exact size with the origin's letter pattern inside a comment of the body's language. */
final class Filler {

    private Filler() {
    }

    /** Writes {@code length} pattern letters into {@code into} from {@code at}. */
    static void letters(byte[] into, int at, int length) {
        for (int i = 0; i < length; i++) {
            into[at + i] = Bodies.byteAt(i);
        }
    }

    /**
     * {@code content}, then {@code open} letters {@code close}, exactly {@code size} bytes; a gap too
     * small for the comment is filled with spaces (whitespace is allowed after HTML, CSS, JS, JSON and
     * SVG). Null when the content alone is larger than {@code size}.
     */
    static byte[] wrap(byte[] content, int size, String open, String close) {
        if (content.length > size) {
            return null;
        }
        byte[] out = java.util.Arrays.copyOf(content, size);
        int gap = size - content.length;
        int overhead = open.length() + close.length();
        if (gap >= overhead) {
            byte[] o = open.getBytes(StandardCharsets.US_ASCII);
            byte[] c = close.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(o, 0, out, content.length, o.length);
            letters(out, content.length + o.length, gap - overhead);
            System.arraycopy(c, 0, out, size - c.length, c.length);
        } else {
            java.util.Arrays.fill(out, content.length, size, (byte) ' ');
        }
        return out;
    }
}
