package io.muxbench.driver.transport.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLEngine;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;

/**
 * A Jetty client connector that times each connection (connect start and end, TLS handshake end),
 * and counts the bytes every connection moves on the network, for one virtual browser. Connections are known by their local socket address.
 */
public final class MeasuringClientConnector extends ClientConnector {

    private static final String CONNECT_START = "muxbench.connectStartNanos";

    private final LongAdder bytesIn;
    private final LongAdder bytesOut;
    private final AtomicLong nextId;
    private final Map<SocketAddress, ConnectionTimes> byLocalAddress = new ConcurrentHashMap<>();
    private final String expectedAlpn;
    private volatile String alpnFailure;
    private volatile SSLEngine lastEngine;

    /** One connection's timeline. */
    public static final class ConnectionTimes {
        public final long id;
        public final long connectStartNanos;
        public final long connectEndNanos;
        public volatile long tlsEndNanos;

        ConnectionTimes(long id, long connectStartNanos, long connectEndNanos) {
            this.id = id;
            this.connectStartNanos = connectStartNanos;
            this.connectEndNanos = connectEndNanos;
        }
    }

    /** What several connectors of one browser add up to: bytes each way and connections opened. */
    public static final class Totals {
        final LongAdder bytesIn = new LongAdder();
        final LongAdder bytesOut = new LongAdder();
        final AtomicLong connections = new AtomicLong();

        public long bytesIn() {
            return bytesIn.sum();
        }

        public long bytesOut() {
            return bytesOut.sum();
        }

        public long connectionsOpened() {
            return connections.get();
        }
    }

    /**
     * @param expectedAlpn the protocol ALPN must give over TLS ({@code h2} or {@code http/1.1})
     * @param totals       where this connector adds its bytes and connections
     */
    public MeasuringClientConnector(String expectedAlpn, Totals totals) {
        this.expectedAlpn = expectedAlpn;
        this.bytesIn = totals.bytesIn;
        this.bytesOut = totals.bytesOut;
        this.nextId = totals.connections;
        addBean(handshakes);
    }

    @Override
    public void connect(SocketAddress address, Map<String, Object> context) {
        context.put(CONNECT_START, System.nanoTime());
        super.connect(address, context);
    }

    @Override
    protected EndPoint newEndPoint(SelectableChannel channel, ManagedSelector selector, SelectionKey key) {
        return new ByteCountingEndPoint((SocketChannel) channel, selector, key);
    }

    @Override
    protected Connection newConnection(EndPoint endPoint, Map<String, Object> context) throws IOException {
        long now = System.nanoTime();
        Object start = context.get(CONNECT_START);
        long startNanos = start instanceof Long l ? l : now;
        SocketAddress local = endPoint.getLocalSocketAddress();
        if (endPoint instanceof ByteCountingEndPoint counting) {
            counting.local = local;
        }
        byLocalAddress.put(local, new ConnectionTimes(nextId.incrementAndGet(), startNanos, now));
        return super.newConnection(endPoint, context);
    }

    /** Told of every TLS handshake; register it where Jetty looks for handshake listeners. */
    public final SslHandshakeListener handshakes = new SslHandshakeListener() {
        @Override
        public void handshakeSucceeded(Event event) {
            onHandshake(event);
        }
    };

    private void onHandshake(SslHandshakeListener.Event event) {
        SSLEngine engine = event.getSSLEngine();
        lastEngine = engine;
        EndPoint endPoint = event.getEndPoint();
        ConnectionTimes times = endPoint == null ? null : byLocalAddress.get(endPoint.getLocalSocketAddress());
        if (times != null && times.tlsEndNanos == 0) {
            times.tlsEndNanos = System.nanoTime();
        }
        String negotiated = engine.getApplicationProtocol();
        if (expectedAlpn != null && !expectedAlpn.equals(negotiated)) {
            alpnFailure = "ALPN gave " + (negotiated == null || negotiated.isEmpty() ? "no protocol" : "'" + negotiated + "'")
                    + " where '" + expectedAlpn + "' was asked for; muxbench does not fall back to another protocol";
            if (endPoint != null) {
                endPoint.close();
            }
        }
    }

    /** The timeline of the connection with this local address, or null if it is not one of ours. */
    public ConnectionTimes times(SocketAddress localAddress) {
        return localAddress == null ? null : byLocalAddress.get(localAddress);
    }


    /** Set when a handshake negotiated the wrong protocol. */
    public String alpnFailure() {
        return alpnFailure;
    }

    /** The engine of the last completed handshake, for the negotiated protocol and cipher. */
    public SSLEngine lastEngine() {
        return lastEngine;
    }





    /** A socket end point that counts what it reads and writes. */
    private final class ByteCountingEndPoint extends SocketChannelEndPoint {
        private volatile SocketAddress local;

        ByteCountingEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
            super(channel, selector, key, MeasuringClientConnector.this.getScheduler());
        }

        @Override
        public int fill(ByteBuffer buffer) throws IOException {
            int filled = super.fill(buffer);
            if (filled > 0) {
                bytesIn.add(filled);
            }
            return filled;
        }

        @Override
        public boolean flush(ByteBuffer... buffers) throws IOException {
            long before = 0;
            for (ByteBuffer b : buffers) {
                before += b == null ? 0 : b.remaining();
            }
            boolean done = super.flush(buffers);
            long after = 0;
            for (ByteBuffer b : buffers) {
                after += b == null ? 0 : b.remaining();
            }
            bytesOut.add(before - after);
            return done;
        }

        @Override
        public void onClose(Throwable cause) {
            if (local != null) {
                byLocalAddress.remove(local);
            }
            super.onClose(cause);
        }
    }
}
