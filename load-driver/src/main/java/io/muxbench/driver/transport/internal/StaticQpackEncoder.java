package io.muxbench.driver.transport.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http3.Http3Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.compression.HuffmanEncoder;

/**
 * Writes an HTTP/3 HEADERS frame whose QPACK field section uses the static table only (RFC 9204):
 * what a client must send while it does not know the server's table capacity, before the server's
 * SETTINGS arrive (section 3.2.3: until then the capacity is 0), as Chromium does. Netty has no such
 * path: with the table on, it holds every HEADERS frame until the peer's SETTINGS are in. Strings are
 * Huffman-coded when that is shorter (Jetty's HPACK code: QPACK uses the same one).
 *
 * <pre>{@code
 * ByteBuf frame = StaticQpackEncoder.headersFrame(headers, stream.alloc());   // type, length, field section
 * }</pre>
 */
final class StaticQpackEncoder {

    private static final int HEADERS_FRAME_TYPE = 0x01;
    /** RFC 9204 4.5.2: 1, T=1 (static), 6-bit index. */
    private static final int INDEXED_STATIC = 0xC0;
    /** RFC 9204 4.5.4: 01, N=0, T=1 (static), 4-bit index. */
    private static final int LITERAL_STATIC_NAME = 0x50;
    /** RFC 9204 4.5.6: 001, N=0, then H and a 3-bit name length. */
    private static final int LITERAL_NAME = 0x20;

    /** A static table entry (RFC 9204 Appendix A); a null value: only its name is of use. */
    private record Entry(int index, String name, String value) {
    }

    /** The entries a browser's request can use, each name's first entry first. */
    private static final List<Entry> STATIC = List.of(
            new Entry(0, ":authority", null),
            new Entry(1, ":path", "/"),
            new Entry(17, ":method", "GET"),
            new Entry(20, ":method", "POST"),
            new Entry(22, ":scheme", "http"),
            new Entry(23, ":scheme", "https"),
            new Entry(29, "accept", "*/*"),
            new Entry(31, "accept-encoding", "gzip, deflate, br"),
            new Entry(36, "cache-control", "max-age=0"),
            new Entry(39, "cache-control", "no-cache"),
            new Entry(72, "accept-language", null),
            new Entry(95, "user-agent", null));

    private StaticQpackEncoder() {
    }

    /** The whole HEADERS frame: type, length, then the field section of {@code headers} (names in lower case). */
    static ByteBuf headersFrame(Http3Headers headers, ByteBufAllocator alloc) {
        ByteBuf section = alloc.heapBuffer(256);
        try {
            fieldSection(headers, section);
            ByteBuf frame = alloc.directBuffer(section.readableBytes() + 9);
            writeVarint(frame, HEADERS_FRAME_TYPE);
            writeVarint(frame, section.readableBytes());
            return frame.writeBytes(section);
        } finally {
            section.release();
        }
    }

    /** The field section alone: prefix (Required Insert Count 0, Delta Base 0), then one line per field. */
    static void fieldSection(Http3Headers headers, ByteBuf out) {
        out.writeByte(0).writeByte(0);
        for (Map.Entry<CharSequence, CharSequence> field : headers) {
            String name = field.getKey().toString();
            String value = field.getValue().toString();
            Entry nameMatch = null;
            Entry exact = null;
            for (Entry entry : STATIC) {
                if (entry.name.equals(name)) {
                    nameMatch = nameMatch == null ? entry : nameMatch;
                    if (value.equals(entry.value)) {
                        exact = entry;
                        break;
                    }
                }
            }
            if (exact != null) {
                writeInt(out, INDEXED_STATIC, 6, exact.index);
            } else if (nameMatch != null) {
                writeInt(out, LITERAL_STATIC_NAME, 4, nameMatch.index);
                writeString(out, 0, 7, value);
            } else {
                writeString(out, LITERAL_NAME, 3, name);
                writeString(out, 0, 7, value);
            }
        }
    }

    /**
     * A string literal: its H flag (the bit above the prefix) and length in a {@code prefixBits}
     * integer after {@code pattern}'s bits, then its octets, Huffman-coded if that is shorter.
     */
    private static void writeString(ByteBuf out, int pattern, int prefixBits, String s) {
        int huffman = HuffmanEncoder.octetsNeeded(s);
        if (huffman > 0 && huffman < s.length()) {
            writeInt(out, pattern | (1 << prefixBits), prefixBits, huffman);
            out.ensureWritable(huffman);
            ByteBuffer target = out.nioBuffer(out.writerIndex(), huffman);
            HuffmanEncoder.encode(target, s);
            out.writerIndex(out.writerIndex() + huffman);
        } else {
            writeInt(out, pattern, prefixBits, s.length());
            out.writeCharSequence(s, StandardCharsets.ISO_8859_1);
        }
    }

    /** RFC 7541 5.1's prefixed integer, as QPACK uses it: {@code pattern} holds the bits above the prefix. */
    private static void writeInt(ByteBuf out, int pattern, int prefixBits, long value) {
        int max = (1 << prefixBits) - 1;
        if (value < max) {
            out.writeByte(pattern | (int) value);
            return;
        }
        out.writeByte(pattern | max);
        long rest = value - max;
        while (rest >= 0x80) {
            out.writeByte((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.writeByte((int) rest);
    }

    /** QUIC's variable-length integer (RFC 9000 16), for the frame's type and length. */
    private static void writeVarint(ByteBuf out, long value) {
        if (value < 1 << 6) {
            out.writeByte((int) value);
        } else if (value < 1 << 14) {
            out.writeShort((int) value | 0x4000);
        } else if (value < 1 << 30) {
            out.writeInt((int) value | 0x8000_0000);
        } else {
            out.writeLong(value | 0xC000_0000_0000_0000L);
        }
    }
}
