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
 * encoder.encodeGet("/index.html", bytes);
 * }</pre>
 */
public final class RequestEncoder {

    private static final int MAX_HEAD_BYTES = 16 * 1024;

    private final HttpGenerator generator = new HttpGenerator();
    private final ByteBuffer head = BufferUtil.allocate(MAX_HEAD_BYTES);
    private final HttpFields fields;

    /**
     * @param authority the Host header's value, e.g. {@code 127.0.0.1:8443}
     * @param headers   the other request headers, in order
     */
    public RequestEncoder(String authority, Map<String, String> headers) {
        HttpFields.Mutable mutable = HttpFields.build();
        mutable.put(HttpHeader.HOST, authority);
        headers.forEach(mutable::add);
        fields = mutable.asImmutable();
    }

    /** Appends a GET for {@code pathAndQuery} to {@code out}. */
    public void encodeGet(String pathAndQuery, ByteArrayOutputStream out) throws IOException {
        MetaData.Request request = new MetaData.Request("GET", HttpURI.from(pathAndQuery), HttpVersion.HTTP_1_1, fields);
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
