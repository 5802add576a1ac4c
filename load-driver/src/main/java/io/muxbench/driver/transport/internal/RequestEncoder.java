package io.muxbench.driver.transport.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Writes HTTP/1.1 GET request heads with Jetty's {@link HttpGenerator}, so no header is hand-written.
 * The generator runs once per content type (the fields depend only on it); each request then costs
 * its request line and a copy of those fields, with nothing allocated. Not thread-safe: one per
 * connection, used by its writer.
 *
 * <pre>{@code
 * RequestEncoder encoder = new RequestEncoder("127.0.0.1:8443", BrowserHeaders.DEFAULT);
 * encoder.encodeGet("/index.html", "text/html", bytes);
 * }</pre>
 */
public final class RequestEncoder {

    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final byte[] GET = {'G', 'E', 'T', ' '};
    private static final byte[] HTTP_1_1 = {' ', 'H', 'T', 'T', 'P', '/', '1', '.', '1', '\r', '\n'};

    private final String authority;
    private final Map<String, String> headers;
    /** The encoded header fields (everything after the request line) per content type. */
    private final Map<String, byte[]> fieldsByType = new HashMap<>();
    /** The request line being written; targets are ASCII (RequestTarget), one byte a character. */
    private final byte[] line = new byte[GET.length + io.muxbench.scenario.RequestTarget.MAX_LENGTH + HTTP_1_1.length];

    /**
     * @param authority the Host header's value, e.g. {@code 127.0.0.1:8443}
     * @param headers   the other request headers, in order
     */
    public RequestEncoder(String authority, Map<String, String> headers) {
        this.authority = authority;
        this.headers = headers;
    }

    private byte[] fields(String contentType) throws IOException {
        String type = contentType == null ? "" : contentType;
        byte[] fields = fieldsByType.get(type);
        if (fields == null) {
            fields = generateFields(type);
            fieldsByType.put(type, fields);
        }
        return fields;
    }

    /** Jetty's head of a GET for {@code /}, without its request line. */
    private byte[] generateFields(String type) throws IOException {
        HttpFields.Mutable mutable = HttpFields.build();
        mutable.put(HttpHeader.HOST, authority);
        io.muxbench.scenario.BrowserHeaders.merge(headers, type).forEach(mutable::add);
        MetaData.Request request = new MetaData.Request("GET", HttpURI.build().path("/"), HttpVersion.HTTP_1_1,
                mutable.asImmutable());
        HttpGenerator generator = new HttpGenerator();
        ByteBuffer head = BufferUtil.allocate(MAX_HEAD_BYTES);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            HttpGenerator.Result result = generator.generateRequest(request, head, null, null, true);
            switch (result) {
                case FLUSH -> {
                    out.write(head.array(), head.arrayOffset() + head.position(), head.remaining());
                    BufferUtil.clear(head);
                }
                case CONTINUE -> {
                }
                case DONE, SHUTDOWN_OUT -> {
                    byte[] whole = out.toByteArray();
                    int lineLength = GET.length + 1 + HTTP_1_1.length;
                    if (whole.length < lineLength || !Arrays.equals(whole, 0, lineLength, requestLine("/"), 0, lineLength)) {
                        throw new IOException("Jetty's request line is not 'GET / HTTP/1.1'");
                    }
                    return Arrays.copyOfRange(whole, lineLength, whole.length);
                }
                default -> throw new IOException("cannot encode the request fields for " + type + ": " + result);
            }
        }
    }

    private static byte[] requestLine(String pathAndQuery) {
        return ("GET " + pathAndQuery + " HTTP/1.1\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Appends a GET for {@code pathAndQuery} (an origin-form target, checked by {@code RequestTargets}:
     * ASCII, never parsed as a URI, so "//host/x" would stay a path) to {@code out}, with the headers a
     * browser sends for that content type.
     */
    public void encodeGet(String pathAndQuery, String contentType, ByteArrayOutputStream out) throws IOException {
        byte[] fields = fields(contentType);
        int length = pathAndQuery.length();
        if (length > io.muxbench.scenario.RequestTarget.MAX_LENGTH) {
            throw new IOException("the request target is longer than " + io.muxbench.scenario.RequestTarget.MAX_LENGTH);
        }
        System.arraycopy(GET, 0, line, 0, GET.length);
        int at = GET.length;
        for (int i = 0; i < length; i++) {
            char c = pathAndQuery.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IOException("the request target holds a character that is not visible ASCII at index " + i);
            }
            line[at++] = (byte) c;
        }
        System.arraycopy(HTTP_1_1, 0, line, at, HTTP_1_1.length);
        at += HTTP_1_1.length;
        out.write(line, 0, at);
        out.write(fields, 0, fields.length);
    }
}
