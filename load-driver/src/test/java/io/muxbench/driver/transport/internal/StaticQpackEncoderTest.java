package io.muxbench.driver.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http3.DefaultHttp3Headers;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.TestQpackDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The static-only QPACK field section of a client's first requests, decoded back by Netty's QPACK decoder. */
class StaticQpackEncoderTest {

    private static Http3Headers browserRequest(String path) {
        Http3Headers headers = new DefaultHttp3Headers();
        headers.method("GET").scheme("https").authority("cdn.example:8443").path(path);
        headers.add("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)");
        headers.add("accept", "*/*");
        headers.add("accept-encoding", "gzip, deflate, br, zstd");
        headers.add("cache-control", "no-cache");
        headers.add("sec-fetch-dest", "image");
        headers.add("x-plain", "~~~~"); // longer in Huffman's code: sent as it is
        return headers;
    }

    private static List<Map.Entry<String, String>> fields(Http3Headers headers) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        headers.forEach(f -> fields.add(Map.entry(f.getKey().toString(), f.getValue().toString())));
        return fields;
    }

    @Test
    void nettysDecoderReadsBackEveryFieldInOrder() throws Exception {
        for (String path : List.of("/", "/img/1.png", "/" + "a".repeat(300) + "?q=" + "9".repeat(200))) {
            Http3Headers sent = browserRequest(path);
            ByteBuf section = Unpooled.buffer();
            StaticQpackEncoder.fieldSection(sent, section);

            assertEquals(0, section.getByte(0), "Required Insert Count 0: no dynamic table");
            assertEquals(0, section.getByte(1), "Delta Base 0");
            assertEquals(fields(sent), fields(TestQpackDecoder.decode(section)), path);
            section.release();
        }
    }

    @Test
    void usesTheStaticTableAndHuffmanCodes() {
        ByteBuf section = Unpooled.buffer();
        Http3Headers headers = new DefaultHttp3Headers();
        headers.method("GET").scheme("https").path("/").add("cache-control", "no-cache");
        StaticQpackEncoder.fieldSection(headers, section);
        // Prefix, then :method GET (17), :scheme https (23), :path / (1), cache-control no-cache (39): indexed, one byte each.
        assertEquals(List.of(0, 0, 0xC0 | 17, 0xC0 | 23, 0xC0 | 1, 0xC0 | 39), bytes(section));
        section.release();

        section = Unpooled.buffer();
        headers = new DefaultHttp3Headers();
        headers.authority("www.example.com");
        StaticQpackEncoder.fieldSection(headers, section);
        // :authority by static name reference (0), its value Huffman-coded: RFC 7541 C.4.1's 12 octets.
        assertEquals(List.of(0, 0, 0x50, 0x80 | 12), bytes(section).subList(0, 4));
        assertEquals(4 + 12, section.readableBytes());
        section.release();
    }

    @Test
    void framesTheSectionAsAHeadersFrame() throws Exception {
        Http3Headers sent = browserRequest("/" + "p".repeat(100));
        ByteBuf frame = StaticQpackEncoder.headersFrame(sent, ByteBufAllocator.DEFAULT);
        try {
            assertEquals(0x01, frame.readByte(), "HEADERS");
            int first = frame.readUnsignedByte();
            assertTrue((first & 0xC0) == 0x40, "a two-byte length");
            int length = ((first & 0x3F) << 8) | frame.readUnsignedByte();
            assertEquals(frame.readableBytes(), length);
            assertEquals(fields(sent), fields(TestQpackDecoder.decode(frame)));
        } finally {
            frame.release();
        }
    }

    private static List<Integer> bytes(ByteBuf buffer) {
        List<Integer> bytes = new ArrayList<>();
        for (int i = buffer.readerIndex(); i < buffer.writerIndex(); i++) {
            bytes.add((int) buffer.getUnsignedByte(i));
        }
        return bytes;
    }
}
