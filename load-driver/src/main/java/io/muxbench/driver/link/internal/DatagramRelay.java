package io.muxbench.driver.link.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;

/**
 * The UDP relay of one client address and port: its own upstream socket (so the upstream sees one
 * peer per client, as it would without the link), and two
 * {@link DatagramFlow}s through the browser's bottlenecks. Loop thread only.
 */
final class DatagramRelay implements EventLoop.Handler {

    /** Asked of the kernel for every UDP socket, so that bursts wait in the link's queue, not in the kernel's. */
    static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final DatagramPort port;
    private final InetSocketAddress client;
    private final DatagramChannel upstream;
    private final InetSocketAddress upstreamAddress;
    private final SelectionKey upstreamKey;
    final DatagramFlow up;
    final DatagramFlow down;
    private boolean closed;

    DatagramRelay(DatagramPort port, InetSocketAddress client, Browser browser, InetSocketAddress upstreamAddress)
            throws IOException {
        this.port = port;
        this.client = client;
        this.upstreamAddress = upstreamAddress;
        LinkContext link = port.link;
        int ordinal = browser.nextRelayOrdinal(link);
        int addressHash = browser.address.hashCode();
        this.upstream = DatagramChannel.open();
        try {
            // Not connected: a connected channel sends nothing for an empty datagram (JDK 17), so
            // every send names the upstream, and replies from anyone else are ignored.
            configure(upstream);
            this.upstreamKey = upstream.register(port.selector, SelectionKey.OP_READ, this);
        } catch (IOException | RuntimeException e) {
            upstream.close();
            throw e;
        }
        LinkCounters counters = link.counters;
        this.up = new DatagramFlow(this, link, browser.up, LossModel.datagramFlowKey(addressHash, ordinal, true),
                new DatagramFlow.Counters(counters.datagramsUp, counters.datagramBytesUp),
                datagram -> upstream.send(datagram, upstreamAddress) > 0 || !datagram.hasRemaining());
        this.down = new DatagramFlow(this, link, browser.down, LossModel.datagramFlowKey(addressHash, ordinal, false),
                new DatagramFlow.Counters(counters.datagramsDown, counters.datagramBytesDown),
                datagram -> port.sendToClient(datagram, client));
    }

    static void configure(DatagramChannel channel) throws IOException {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER_BYTES);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, SOCKET_BUFFER_BYTES);
    }

    /** Datagrams from the upstream: into the down direction, whole. */
    @Override
    public void onReady(SelectionKey key, long nowNanos) {
        ByteBuffer buffer = port.receiveBuffer;
        while (!closed) {
            buffer.clear();
            SocketAddress from;
            try {
                from = upstream.receive(buffer);
            } catch (IOException e) {
                close();
                return;
            }
            if (from == null) {
                return;
            }
            if (!from.equals(upstreamAddress)) {
                continue; // not from the upstream: a stray datagram to the relay's port
            }
            buffer.flip();
            down.receive(copyOf(buffer), nowNanos);
        }
    }

    static ByteBuffer copyOf(ByteBuffer datagram) {
        ByteBuffer copy = ByteBuffer.allocate(datagram.remaining());
        copy.put(datagram).flip();
        return copy;
    }

    @Override
    public void onFailure(SelectionKey key, Throwable failure) {
        close();
    }

    /** Forgets this client: its queued and travelling datagrams are gone; a later datagram from it opens a new relay. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        up.close();
        down.close();
        upstreamKey.cancel();
        try {
            upstream.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        port.forget(client, this);
    }
}
