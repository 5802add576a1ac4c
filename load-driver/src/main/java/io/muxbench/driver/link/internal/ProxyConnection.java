package io.muxbench.driver.link.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client connection and its upstream connection, joined by two flows (up: client to upstream;
 * down: upstream to client). EOF travels through the link like data and half-closes the other side;
 * an error on either side resets both. Loop thread only.
 */
final class ProxyConnection implements EventLoop.Handler {

    private final EventLoop loop;
    private final SocketChannel client;
    private final SocketChannel upstream;
    private final Flow up;
    private final Flow down;
    private SelectionKey clientKey;
    private SelectionKey upstreamKey;
    private boolean closed;

    ProxyConnection(EventLoop loop, SocketChannel client, Browser browser, long acceptedNanos) throws IOException {
        this.loop = loop;
        this.client = client;
        this.upstream = SocketChannel.open();
        LinkContext link = loop.link;
        int ordinal = browser.nextConnectionOrdinal(link);
        int addressHash = browser.address.hashCode();
        long upKey = LossModel.flowKey(addressHash, ordinal, true);
        long downKey = LossModel.flowKey(addressHash, ordinal, false);
        // The client's connect returned at once on loopback; on the emulated link its first byte
        // leaves one round trip later, when the handshake would be done, or later still when a SYN
        // or SYN-ACK was lost and had to wait for its retransmission timeout.
        long notBefore = acceptedNanos + link.rttNanos + link.handshakeDelayNanos(upKey, downKey);
        this.up = new Flow(this, link, browser.up, upKey, link.counters.bytesUp, notBefore);
        this.down = new Flow(this, link, browser.down, downKey, link.counters.bytesDown, notBefore);
        up.source = client;
        up.sink = upstream;
        down.source = upstream;
        down.sink = client;
        up.sourceOpen = true;
        down.sinkOpen = true;
    }

    /** Registers both sockets and starts connecting upstream; an unreachable upstream resets the client. */
    void open(InetSocketAddress upstreamAddress) {
        try {
            client.configureBlocking(false);
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            upstream.configureBlocking(false);
            upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
            clientKey = client.register(loop.selector, 0, this);
            upstreamKey = upstream.register(loop.selector, 0, this);
            if (upstream.connect(upstreamAddress)) {
                onUpstreamConnected();
            } else {
                upstreamKey.interestOps(SelectionKey.OP_CONNECT);
            }
            updateInterest();
        } catch (Throwable e) {
            abort();
        }
    }

    @Override
    public void onReady(SelectionKey key, long nowNanos) {
        if (key == clientKey) {
            onClientReady(key, nowNanos);
        } else {
            onUpstreamReady(key, nowNanos);
        }
    }

    /** Anything unexpected while serving this connection resets it, and only it. */
    @Override
    public void onFailure(SelectionKey key, Throwable failure) {
        abort();
    }

    private void onClientReady(SelectionKey key, long nowNanos) {
        try {
            if (key.isReadable()) {
                up.readFromSource(nowNanos);
            }
            if (key.isValid() && key.isWritable()) {
                down.writeToSink();
            }
            updateInterest();
        } catch (IOException e) {
            abort();
        }
    }

    private void onUpstreamReady(SelectionKey key, long nowNanos) {
        try {
            if (key.isConnectable()) {
                upstream.finishConnect();
                onUpstreamConnected();
            }
            if (key.isValid() && key.isReadable()) {
                down.readFromSource(nowNanos);
            }
            if (key.isValid() && key.isWritable()) {
                up.writeToSink();
            }
            updateInterest();
        } catch (IOException e) {
            abort();
        }
    }

    private void onUpstreamConnected() {
        up.sinkOpen = true;
        down.sourceOpen = true;
        up.writeToSink();
    }

    void updateInterest() {
        if (closed) {
            return;
        }
        setInterest(clientKey, (up.wantsRead() ? SelectionKey.OP_READ : 0) | (down.wantsWrite() ? SelectionKey.OP_WRITE : 0));
        if (upstream.isConnectionPending()) {
            setInterest(upstreamKey, SelectionKey.OP_CONNECT);
        } else {
            setInterest(upstreamKey, (down.wantsRead() ? SelectionKey.OP_READ : 0) | (up.wantsWrite() ? SelectionKey.OP_WRITE : 0));
        }
    }

    private static void setInterest(SelectionKey key, int ops) {
        if (key != null && key.isValid() && key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Closes both sockets once both directions have delivered their EOF. */
    void closeIfFinished() {
        if (up.isFinished() && down.isFinished()) {
            close(false);
        }
    }

    /** Resets both sides: an error on one side, or an unreachable upstream. */
    void abort() {
        close(true);
    }

    void close(boolean reset) {
        if (closed) {
            return;
        }
        closed = true;
        up.close();
        down.close();
        closeChannel(client, reset);
        closeChannel(upstream, reset);
        loop.forget(this);
    }

    private static void closeChannel(SocketChannel channel, boolean reset) {
        try {
            if (reset && channel.isOpen()) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        } catch (IOException | RuntimeException ignored) {
            // Not connected: a plain close will do.
        }
        try {
            channel.close();
        } catch (Throwable ignored) {
            // Nothing left to do with a socket that fails to close; the other one must still be closed.
        }
    }
}
