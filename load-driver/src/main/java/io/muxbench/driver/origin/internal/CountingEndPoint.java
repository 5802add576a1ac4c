package io.muxbench.driver.origin.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ReadPendingException;
import java.nio.channels.WritePendingException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;

/**
 * An HTTP/1.1 server end point that counts request heads as their bytes are read, before Jetty's
 * own parser gets to them. Jetty parses a pipelined request only once the previous response is
 * complete, so only a count at this level shows how many requests a client really had in flight.
 */
public final class CountingEndPoint implements EndPoint {

    private final EndPoint delegate;
    private final RequestListener listener;
    private final HttpParser parser;
    private boolean counting = true;

    /** Told of every request head read from the connection. */
    public interface RequestListener {
        void onRequestHead(CountingEndPoint endPoint);
    }

    public CountingEndPoint(EndPoint delegate, RequestListener listener) {
        this.delegate = delegate;
        this.listener = listener;
        this.parser = new HttpParser(new HeadCounter());
    }

    /** The real end point (the socket, or the TLS layer's decrypted end point). */
    public EndPoint delegate() {
        return delegate;
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        int filled = delegate.fill(buffer);
        if (filled > 0 && counting) {
            // fill() appends the new bytes at the end, but may first compact the buffer (the TLS end
            // point does), so neither the old limit nor the old position can be trusted: parse a
            // view of the last `filled` bytes, leaving the buffer itself untouched.
            ByteBuffer view = buffer.duplicate();
            view.position(buffer.limit() - filled);
            count(view);
        }
        return filled;
    }

    private void count(ByteBuffer bytes) {
        try {
            while (counting && bytes.hasRemaining()) {
                // parseNext returns true once messageComplete() does: reset for the next pipelined request.
                if (!parser.parseNext(bytes) || !parser.isComplete()) {
                    break;
                }
                parser.reset();
            }
        } catch (RuntimeException e) {
            // Not HTTP/1.1 we can follow (an upgrade, garbage): Jetty's own parser will answer it.
            counting = false;
        }
    }

    private final class HeadCounter implements HttpParser.RequestHandler {
        @Override
        public void startRequest(String method, String uri, HttpVersion version) {
            if ("PRI".equals(method)) {
                counting = false; // h2c prior knowledge: HTTP/2 frames follow
            }
        }

        @Override
        public boolean headerComplete() {
            if (counting) {
                listener.onRequestHead(CountingEndPoint.this);
            }
            return false;
        }

        @Override
        public boolean content(ByteBuffer content) {
            content.position(content.limit());
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
        public void parsedHeader(HttpField field) {
        }

        @Override
        public void earlyEOF() {
            counting = false;
        }

        @Override
        public void badMessage(org.eclipse.jetty.http.HttpException failure) {
            counting = false;
        }
    }

    // Everything else is the delegate's.

    @Override public SocketAddress getLocalSocketAddress() { return delegate.getLocalSocketAddress(); }
    @Override public SocketAddress getRemoteSocketAddress() { return delegate.getRemoteSocketAddress(); }
    @Override public boolean isOpen() { return delegate.isOpen(); }
    @Override public long getCreatedTimeStamp() { return delegate.getCreatedTimeStamp(); }
    @Override public void shutdownOutput() { delegate.shutdownOutput(); }
    @Override public boolean isOutputShutdown() { return delegate.isOutputShutdown(); }
    @Override public boolean isInputShutdown() { return delegate.isInputShutdown(); }
    @Override public void close() { delegate.close(); }
    @Override public void close(Throwable cause) { delegate.close(cause); }
    @Override public boolean flush(ByteBuffer... buffers) throws IOException { return delegate.flush(buffers); }
    @Override public Object getTransport() { return delegate.getTransport(); }
    @Override public long getIdleTimeout() { return delegate.getIdleTimeout(); }
    @Override public void setIdleTimeout(long idleTimeout) { delegate.setIdleTimeout(idleTimeout); }
    @Override public void fillInterested(Callback callback) throws ReadPendingException { delegate.fillInterested(callback); }
    @Override public boolean tryFillInterested(Callback callback) { return delegate.tryFillInterested(callback); }
    @Override public boolean isFillInterested() { return delegate.isFillInterested(); }
    @Override public void write(Callback callback, ByteBuffer... buffers) throws WritePendingException { delegate.write(callback, buffers); }
    @Override public void write(boolean last, ByteBuffer buffer, Callback callback) { delegate.write(last, buffer, callback); }
    @Override public Callback cancelWrite(Throwable cause) { return delegate.cancelWrite(cause); }
    @Override public Connection getConnection() { return delegate.getConnection(); }
    @Override public void setConnection(Connection connection) { delegate.setConnection(connection); }
    @Override public void onOpen() { delegate.onOpen(); }
    @Override public void onClose(Throwable cause) { delegate.onClose(cause); }
    @Override public void upgrade(Connection newConnection) { delegate.upgrade(newConnection); }
    @Override public SslSessionData getSslSessionData() { return delegate.getSslSessionData(); }
    @Override public boolean isSecure() { return delegate.isSecure(); }

    @Override
    public String toString() {
        return "Counting(" + delegate + ")";
    }
}
