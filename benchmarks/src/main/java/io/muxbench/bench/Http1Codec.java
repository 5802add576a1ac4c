package io.muxbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpGenerator;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Drives Jetty's {@link HttpGenerator} and {@link HttpParser} the way its HTTP/1.1 connection
 * does (call, act on the result, call again), for the HTTP/1.1 benchmarks and their self-checks.
 *
 * <pre>{@code
 * Http1Codec codec = new Http1Codec();
 * long wireBytes = codec.generateResponse(response, body, 16 * 1024, null);
 * }</pre>
 */
final class Http1Codec {
    private static final int HEADER_BUFFER_BYTES = 8 * 1024;

    private final HttpGenerator generator = new HttpGenerator();
    private final ByteBuffer header = BufferUtil.allocate(HEADER_BUFFER_BYTES);
    private final ByteBuffer chunk = BufferUtil.allocate(HttpGenerator.CHUNK_SIZE);

    /**
     * Generates one request with no body (what a browser sends for every page resource).
     *
     * @param request the request line and headers
     * @param sink where the bytes go, or null to only count them (what a gathering write costs Jetty)
     * @return bytes generated
     */
    long generateRequest(MetaData.Request request, ByteBuffer sink) throws IOException {
        generator.reset();
        return drive(() -> generator.generateRequest(request, header, chunk, null, true), null, sink);
    }

    /**
     * Generates one response; its body is written in pieces of {@code writeBytes}, as an
     * application writes it. Without a content length, HTTP/1.1 frames those pieces as chunks.
     *
     * @param response status and headers; {@code getContentLength() < 0} means chunked
     * @param body the whole body
     * @param writeBytes the size of each application write
     * @param sink where the bytes go, or null to only count them
     * @return bytes generated
     */
    long generateResponse(MetaData.Response response, ByteBuffer body, int writeBytes, ByteBuffer sink)
            throws IOException {
        generator.reset();
        // A chunked body ends with a separate last write, as when an application flushes as it
        // goes: given the whole body with last=true, the generator would send a Content-Length.
        boolean chunked = response.getContentLength() < 0;
        ByteBuffer rest = body.duplicate();
        long bytes = 0;
        while (rest.hasRemaining()) {
            int pieceBytes = Math.min(writeBytes, rest.remaining());
            ByteBuffer piece = rest.slice().limit(pieceBytes);
            rest.position(rest.position() + pieceBytes);
            boolean last = !chunked && !rest.hasRemaining();
            bytes += drive(() -> generator.generateResponse(response, false, header, chunk, piece, last), piece, sink);
        }
        if (chunked) {
            bytes += drive(() -> generator.generateResponse(response, false, header, chunk, null, true), null, sink);
        }
        return bytes;
    }

    /**
     * Parses one whole message that {@code wire} holds, starting from a reset parser.
     *
     * @return the bytes consumed
     */
    static long parse(HttpParser parser, ByteBuffer wire) {
        int start = wire.position();
        parser.reset();
        while (!parser.isComplete()) {
            SelfCheck.require(wire.hasRemaining(), "HTTP/1.1 message ended early, parser " + parser);
            parser.parseNext(wire);
        }
        return wire.position() - start;
    }

    private interface Step {
        HttpGenerator.Result next() throws IOException;
    }

    private long drive(Step step, ByteBuffer content, ByteBuffer sink) throws IOException {
        long bytes = 0;
        while (true) {
            HttpGenerator.Result result = step.next();
            switch (result) {
                case FLUSH -> {
                    bytes += flush(header, sink) + flush(chunk, sink);
                    if (content != null) {
                        bytes += flush(content, sink);
                    }
                }
                case CONTINUE -> {
                    // The generator changed state; call it again.
                }
                case DONE, SHUTDOWN_OUT -> {
                    return bytes;
                }
                default -> throw new IllegalStateException("HttpGenerator wants " + result + ": " + generator);
            }
        }
    }

    private static int flush(ByteBuffer buffer, ByteBuffer sink) {
        int bytes = buffer.remaining();
        if (sink != null) {
            sink.put(buffer);
        }
        buffer.position(buffer.limit());
        return bytes;
    }
}
