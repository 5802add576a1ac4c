package io.muxbench.bench;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.parser.Parser;

/**
 * A {@link Parser.Listener} that records one HTTP/2 response: its headers, how many body bytes
 * arrived and, while setup verifies a benchmark, a copy of the body. Any parse failure throws, so
 * a benchmark never measures an error path.
 */
final class ResponseCollector implements Parser.Listener {
    private MetaData headers;
    private long dataBytes;
    private boolean endStream;
    private ByteBuffer copy;

    void startCopying() {
        copy = ByteBuffer.allocate(4 * 1024 * 1024);
        dataBytes = 0;
        endStream = false;
    }

    void stopCopying() {
        copy = null;
    }

    ByteBuffer copiedBody() {
        return copy.duplicate().flip();
    }

    MetaData headers() {
        return headers;
    }

    long dataBytes() {
        return dataBytes;
    }

    boolean isComplete() {
        return headers != null && endStream;
    }

    @Override
    public void onHeaders(HeadersFrame frame) {
        headers = frame.getMetaData();
        dataBytes = 0;
        endStream = frame.isEndStream();
    }

    @Override
    public void onData(DataFrame frame) {
        dataBytes += frame.remaining();
        endStream = frame.isEndStream();
        if (copy != null) {
            copy.put(frame.getByteBuffer().duplicate());
        }
    }

    @Override
    public void onStreamFailure(int streamId, int error, String reason) {
        throw new IllegalStateException("HTTP/2 stream " + streamId + " failed: error " + error + ", " + reason);
    }

    @Override
    public void onConnectionFailure(int error, String reason) {
        throw new IllegalStateException("HTTP/2 connection failed: error " + error + ", " + reason);
    }
}
