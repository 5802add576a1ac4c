package io.muxbench.driver.transport.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Writes HTTP/1.1 GET request heads with Jetty's {@link HttpGenerator}, so no HTTP is hand-written.
 * Not thread-safe: one per connection, used by its writer.
 *
 * <pre>{@code
 * RequestEncoder encoder = new RequestEncoder("127.0.0.1:8443", BrowserHeaders.DEFAULT);
 * encoder.encodeGet("/index.html", "text/html", bytes);
 * }</pre>
 */
public final class RequestEncoder {

    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final HttpGenerator generator = new HttpGenerator();
    private final ByteBuffer head = BufferUtil.allocate(MAX_HEAD_BYTES);
    private final String authority;
    private final Map<String, String> headers;
    /** Request header fields per content type: the accept and sec-fetch headers depend on it. */
    private final Map<String, HttpFields> fieldsByType = new java.util.HashMap<>();

    /**
     * @param authority the Host header's value, e.g. {@code 127.0.0.1:8443}
     * @param headers   the other request headers, in order
     */
    public RequestEncoder(String authority, Map<String, String> headers) {
        this.authority = authority;
        this.headers = headers;
    }

    private HttpFields fields(String contentType) {
        return fieldsByType.computeIfAbsent(contentType == null ? "" : contentType, type -> {
            HttpFields.Mutable mutable = HttpFields.build();
            mutable.put(HttpHeader.HOST, authority);
            io.muxbench.scenario.BrowserHeaders.merge(headers, type).forEach(mutable::add);
            return mutable.asImmutable();
        });
    }

    /** Appends a GET for {@code pathAndQuery} to {@code out}, with the headers a browser sends for that content type. */
    public void encodeGet(String pathAndQuery, String contentType, ByteArrayOutputStream out) throws IOException {
        // Path and query set apart, never parsed as a URI: "//host/x" stays a path (RequestTargets checked it).
        int question = pathAndQuery.indexOf('?');
        HttpURI target = question < 0 ? HttpURI.build().path(pathAndQuery)
                : HttpURI.build().path(pathAndQuery.substring(0, question)).query(pathAndQuery.substring(question + 1));
        MetaData.Request request = new MetaData.Request("GET", target, HttpVersion.HTTP_1_1,
                fields(contentType));
        generator.reset();
        BufferUtil.clear(head);
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
                    return;
                }
                default -> throw new IOException("cannot encode the request for " + pathAndQuery + ": " + result);
            }
        }
    }
}
