package io.muxbench.driver.transport.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request encoder and response decoder on bytes, without sockets. */
class PipelinedCodecTest {

    @Test
    void encodesGetsBackToBackWithHostAndTheGivenHeaders() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("user-agent", "muxbench");
        headers.put("accept", "*/*");
        RequestEncoder encoder = new RequestEncoder("127.0.0.1:8443", headers);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encoder.encodeGet("/a.css?v=1", "text/css", out);
        encoder.encodeGet("/b.js", "application/javascript", out);
        // Jetty writes known header names in their usual case, as HTTP/1.1 browsers do; no Content-Length on a GET.
        // The destination's accept and sec-fetch headers take the place of the scenario's accept.
        String one = "GET /a.css?v=1 HTTP/1.1\r\nHost: 127.0.0.1:8443\r\nUser-Agent: muxbench\r\nAccept: text/css,*/*;q=0.1\r\n"
                + "sec-fetch-dest: style\r\nsec-fetch-mode: no-cors\r\n\r\n";
        String two = "GET /b.js HTTP/1.1\r\nHost: 127.0.0.1:8443\r\nUser-Agent: muxbench\r\nAccept: */*\r\n"
                + "sec-fetch-dest: script\r\nsec-fetch-mode: no-cors\r\n\r\n";
        assertEquals(one + two, out.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void encodesEachTargetExactlyAsJettysGeneratorDoesForTheWholeHead() throws Exception {
        // The encoder runs the generator once per content type and writes the request line itself.
        Map<String, String> headers = io.muxbench.scenario.BrowserHeaders.DEFAULT;
        RequestEncoder encoder = new RequestEncoder("cdn.example", headers);
        for (String target : new String[]{"/", "/a.css?v=1", "/x;p=1/y.png?q=a:b@c&d=%20", "//127.0.0.1:18081/x"}) {
            for (String type : new String[]{"text/css", "image/png", null}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                encoder.encodeGet(target, type, out);
                assertEquals(jettys(target, type, "cdn.example", headers), out.toString(StandardCharsets.ISO_8859_1),
                        target + " " + type);
            }
        }
        assertThrows(java.io.IOException.class, () -> encoder.encodeGet("/a b", "text/css", new ByteArrayOutputStream()));
    }

    /** The whole head as Jetty's generator writes it, target set apart from its query, never parsed as a URI. */
    private static String jettys(String target, String type, String authority, Map<String, String> headers) throws Exception {
        org.eclipse.jetty.http.HttpFields.Mutable fields = org.eclipse.jetty.http.HttpFields.build();
        fields.put(org.eclipse.jetty.http.HttpHeader.HOST, authority);
        io.muxbench.scenario.BrowserHeaders.merge(headers, type == null ? "" : type).forEach(fields::add);
        int question = target.indexOf('?');
        org.eclipse.jetty.http.HttpURI uri = question < 0 ? org.eclipse.jetty.http.HttpURI.build().path(target)
                : org.eclipse.jetty.http.HttpURI.build().path(target.substring(0, question)).query(target.substring(question + 1));
        org.eclipse.jetty.http.HttpGenerator generator = new org.eclipse.jetty.http.HttpGenerator();
        ByteBuffer head = org.eclipse.jetty.util.BufferUtil.allocate(16 * 1024);
        org.eclipse.jetty.http.HttpGenerator.Result result = generator.generateRequest(new org.eclipse.jetty.http.MetaData.Request(
                "GET", uri, org.eclipse.jetty.http.HttpVersion.HTTP_1_1, fields), head, null, null, true);
        assertEquals(org.eclipse.jetty.http.HttpGenerator.Result.FLUSH, result);
        return new String(head.array(), head.position(), head.remaining(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void decodesPipelinedResponsesFromOneBufferAndAcrossBuffers() {
        String first = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        String second = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 3\r\n\r\nbad";
        String third = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n";
        byte[] all = (first + second + third).getBytes(StandardCharsets.ISO_8859_1);
        int split = first.length() + 20;
        ResponseDecoder decoder = new ResponseDecoder();

        ByteBuffer a = ByteBuffer.wrap(all, 0, split);
        assertTrue(decoder.parse(a, 10));
        assertEquals(200, decoder.status());
        assertEquals(5, decoder.bodyBytes());
        assertEquals(10, decoder.firstByteNanos());
        assertEquals(10, decoder.lastByteNanos());
        decoder.next();
        assertFalse(decoder.parse(a, 10), "the second one is cut in the middle of its head");
        assertTrue(decoder.midResponse());

        ByteBuffer b = ByteBuffer.wrap(all, split, all.length - split);
        assertTrue(decoder.parse(b, 20));
        assertEquals(503, decoder.status(), "5xx is an answer, not a transport failure");
        assertEquals(3, decoder.bodyBytes());
        assertEquals(10, decoder.firstByteNanos(), "its first bytes came with the first read");
        assertEquals(20, decoder.lastByteNanos());
        decoder.next();
        assertTrue(decoder.parse(b, 20));
        assertEquals(204, decoder.status(), "the 100 is skipped");
        assertFalse(b.hasRemaining());
    }

    @Test
    void endOfStreamMidBodyIsReportedAndInvalidResponsesThrow() {
        ResponseDecoder decoder = new ResponseDecoder();
        assertFalse(decoder.parse(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf"
                .getBytes(StandardCharsets.ISO_8859_1)), 1));
        assertFalse(decoder.parseEof(2));
        assertTrue(decoder.midResponse());
        assertEquals(4, decoder.bodyBytes());

        ResponseDecoder bad = new ResponseDecoder();
        assertThrows(ResponseDecoder.InvalidResponseException.class, () -> bad.parse(ByteBuffer.wrap(
                "HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)), 1));
    }
}
