package io.muxbench.driver.transport.internal;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.util.BufferUtil;

/**
 * Reads pipelined HTTP/1.1 responses one after another with Jetty's {@link HttpParser}, and notes
 * when each one's first and last bytes were read. Not thread-safe: one per connection, used by its
 * reader.
 *
 * <pre>{@code
 * if (decoder.parse(buffer, readNanos)) {   // a response is complete
 *     use(decoder.status(), decoder.bodyBytes(), decoder.firstByteNanos(), decoder.lastByteNanos());
 *     decoder.next();
 * }
 * }</pre>
 */
public final class ResponseDecoder implements HttpParser.ResponseHandler {

    private final HttpParser parser = new HttpParser(this);
    private long readNanos;
    private boolean reading;
    private int status;
    private long firstByteNanos;
    private long lastByteNanos;
    private long bodyBytes;
    private boolean complete;
    private HttpException badMessage;

    /**
     * Parses bytes read at {@code readNanos} until a final response is complete (true: read its
     * fields, then call {@link #next()} and parse the rest of the buffer) or the buffer is used up.
     *
     * @throws InvalidResponseException when the response is not valid HTTP/1.1
     */
    public boolean parse(ByteBuffer buffer, long readNanos) {
        this.readNanos = readNanos;
        reading = true;
        try {
            while (buffer.hasRemaining() && !complete) {
                int before = buffer.remaining();
                parser.parseNext(buffer);
                throwIfBad();
                if (complete && HttpStatus.isInformational(status)) {
                    // 1xx is not the answer: keep the first byte, wait for the final response.
                    parser.reset();
                    complete = false;
                    status = 0;
                } else if (!complete && buffer.remaining() == before) {
                    break;
                }
            }
            return complete;
        } finally {
            reading = false;
        }
    }

    /**
     * The connection reached end of stream at {@code eofNanos}: true if that completed a response
     * whose body ran to the end of the connection.
     */
    public boolean parseEof(long eofNanos) {
        readNanos = eofNanos;
        parser.atEOF();
        parser.parseNext(BufferUtil.EMPTY_BUFFER);
        return complete && badMessage == null;
    }

    private void throwIfBad() {
        if (badMessage != null) {
            throw new InvalidResponseException(badMessage.getCode() + " " + badMessage.getReason());
        }
    }

    /** Readies for the next response on the connection. */
    public void next() {
        parser.reset();
        complete = false;
        status = 0;
        firstByteNanos = 0;
        lastByteNanos = 0;
        bodyBytes = 0;
    }

    /** Some of the current response has been read. */
    public boolean midResponse() {
        return firstByteNanos != 0;
    }

    public int status() {
        return status;
    }

    public long firstByteNanos() {
        return firstByteNanos;
    }

    public long lastByteNanos() {
        return lastByteNanos;
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    @Override
    public void messageBegin() {
        if (reading && firstByteNanos == 0) {
            firstByteNanos = readNanos;
        }
    }

    @Override
    public void startResponse(HttpVersion version, int status, String reason) {
        this.status = status;
    }

    @Override
    public void parsedHeader(HttpField field) {
    }

    @Override
    public boolean headerComplete() {
        return false;
    }

    @Override
    public boolean content(ByteBuffer content) {
        bodyBytes += content.remaining();
        content.position(content.limit());
        return false;
    }

    @Override
    public boolean contentComplete() {
        return false;
    }

    @Override
    public boolean messageComplete() {
        lastByteNanos = readNanos;
        complete = true;
        return true;
    }

    @Override
    public void earlyEOF() {
    }

    @Override
    public void badMessage(HttpException failure) {
        badMessage = failure;
    }

    /** The parser rejected a response. */
    public static final class InvalidResponseException extends RuntimeException {
        InvalidResponseException(String message) {
            super(message);
        }
    }
}
