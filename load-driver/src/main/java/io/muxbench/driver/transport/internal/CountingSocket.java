package io.muxbench.driver.transport.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A plain TCP socket whose streams count the bytes that cross the wire. A TLS socket layered over
 * it ({@code SSLSocketFactory.createSocket(socket, host, port, true)}) reads and writes through
 * these streams, so the counts include TLS records and handshakes.
 *
 * <pre>{@code
 * CountingSocket raw = new CountingSocket(sentBytes, receivedBytes);
 * raw.connect(address, timeoutMillis);
 * }</pre>
 */
public final class CountingSocket extends Socket {

    private final AtomicLong sentBytes;
    private final AtomicLong receivedBytes;
    private InputStream in;
    private OutputStream out;

    public CountingSocket(AtomicLong sentBytes, AtomicLong receivedBytes) {
        this.sentBytes = sentBytes;
        this.receivedBytes = receivedBytes;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        receivedBytes.incrementAndGet();
                    }
                    return b;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    int n = super.read(bytes, offset, length);
                    if (n > 0) {
                        receivedBytes.addAndGet(n);
                    }
                    return n;
                }
            };
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            out = new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    sentBytes.incrementAndGet();
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    // FilterOutputStream would write byte by byte.
                    out.write(bytes, offset, length);
                    sentBytes.addAndGet(length);
                }
            };
        }
        return out;
    }
}
