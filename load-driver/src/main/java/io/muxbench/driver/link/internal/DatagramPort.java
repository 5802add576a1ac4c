package io.muxbench.driver.link.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The UDP side of one route: the socket bound to the same port number as its TCP listener, and a
 * {@link DatagramRelay} per client address and port, opened by the client's first datagram. Replies
 * go back to the client from this same socket. Loop thread only.
 */
final class DatagramPort implements EventLoop.Handler {

    /** The largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM_BYTES = 65_507;

    final LinkContext link;
    final Selector selector;
    /** One buffer for every receive on the loop's thread; each datagram is copied out of it at its exact size. */
    final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(MAX_DATAGRAM_BYTES + 1);
    private final DatagramChannel channel;
    private final InetSocketAddress upstream;
    private final Function<InetAddress, Browser> browsers;
    private final Map<SocketAddress, DatagramRelay> relays = new HashMap<>();

    DatagramPort(LinkContext link, Selector selector, DatagramChannel channel, InetSocketAddress upstream,
                 Function<InetAddress, Browser> browsers) throws IOException {
        this.link = link;
        this.selector = selector;
        this.channel = channel;
        this.upstream = upstream;
        this.browsers = browsers;
        DatagramRelay.configure(channel);
        channel.register(selector, SelectionKey.OP_READ, this);
    }

    /** Datagrams from clients: each into its client's relay, whole. */
    @Override
    public void onReady(SelectionKey key, long nowNanos) {
        ByteBuffer buffer = receiveBuffer;
        while (true) {
            buffer.clear();
            InetSocketAddress client;
            try {
                client = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                link.counters.internalErrors.incrementAndGet();
                return;
            }
            if (client == null) {
                return;
            }
            buffer.flip();
            DatagramRelay relay = relays.get(client);
            if (relay == null) {
                try {
                    relay = new DatagramRelay(this, client, browsers.apply(client.getAddress()), upstream);
                } catch (IOException e) {
                    // Typically out of descriptors: this datagram is lost, a later one tries again.
                    link.counters.internalErrors.incrementAndGet();
                    continue;
                }
                relays.put(client, relay);
                link.counters.udpRelays.incrementAndGet();
            }
            relay.up.receive(DatagramRelay.copyOf(buffer), nowNanos);
        }
    }

    /** Receiving failed unexpectedly: the listener stays (a datagram was lost); the loop counted it. */
    @Override
    public void onFailure(SelectionKey key, Throwable failure) {
        // Nothing to give up: a failed receive consumed its datagram, so the key is not left ready by it.
    }

    boolean sendToClient(ByteBuffer datagram, InetSocketAddress client) throws IOException {
        return channel.send(datagram, client) > 0 || !datagram.hasRemaining();
    }

    void forget(SocketAddress client, DatagramRelay relay) {
        relays.remove(client, relay);
    }

    /** Closes every relay and the socket. */
    void close() {
        for (DatagramRelay relay : new ArrayList<>(relays.values())) {
            relay.close();
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
