package io.muxbench.bench;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;

/**
 * An {@link HttpParser} handler that keeps what a server or client keeps of one message: start
 * line, header fields (built into {@link HttpFields}, as Jetty does), body byte count and, while
 * setup verifies a benchmark, a copy of the body. A bad message throws.
 */
final class Http1MessageCollector implements HttpParser.RequestHandler, HttpParser.ResponseHandler {
    private final HttpFields.Mutable fields = HttpFields.build();
    private String method;
    private String uri;
    private int status;
    private long bodyBytes;
    private ByteBuffer copy;

    void startCopying(int capacity) {
        copy = ByteBuffer.allocate(capacity);
    }

    void stopCopying() {
        copy = null;
    }

    ByteBuffer copiedBody() {
        return copy.duplicate().flip();
    }

    String method() {
        return method;
    }

    String uri() {
        return uri;
    }

    int status() {
        return status;
    }

    HttpFields fields() {
        return fields;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    @Override
    public void messageBegin() {
        fields.clear();
        bodyBytes = 0;
        if (copy != null) {
            copy.clear();
        }
    }

    @Override
    public void startRequest(String method, String uri, HttpVersion version) {
        this.method = method;
        this.uri = uri;
    }

    @Override
    public void startResponse(HttpVersion version, int status, String reason) {
        this.status = status;
    }

    @Override
    public void parsedHeader(HttpField field) {
        fields.add(field);
    }

    @Override
    public boolean headerComplete() {
        return false;
    }

    @Override
    public boolean content(ByteBuffer content) {
        bodyBytes += content.remaining();
        if (copy != null) {
            copy.put(content.duplicate());
        }
        return false;
    }

    @Override
    public boolean contentComplete() {
        return false;
    }

    @Override
    public boolean messageComplete() {
        return true;
    }

    @Override
    public void earlyEOF() {
        throw new IllegalStateException("HTTP/1.1 message ended early");
    }

    @Override
    public void badMessage(HttpException failure) {
        throw new IllegalStateException("HTTP/1.1 parser rejected the message: " + failure, (Throwable) failure);
    }
}
