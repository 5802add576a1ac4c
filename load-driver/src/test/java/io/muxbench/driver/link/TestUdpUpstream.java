package io.muxbench.driver.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A UDP upstream for the link's tests, on a given port (the link relays UDP to its upstream's TCP
 * port number). A datagram starting with {@code 'E'} comes back as it is; {@code 'D'} with a 4-byte
 * download id, a 4-byte count and a 4-byte size sends that many datagrams of that size back (each
 * starting with its 4-byte number), one per permit of the download's {@link #window} (the receiver
 * in the test hands permits back, so the link's queue never overflows); anything else lands in
 * {@link #received}.
 */
final class TestUdpUpstream implements AutoCloseable {

    /** A datagram the upstream got, and from which of the link's relays. */
    record Received(byte[] payload, SocketAddress from) {
    }

    private final DatagramChannel channel;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Map<Integer, Semaphore> windows = new ConcurrentHashMap<>();

    TestUdpUpstream(InetSocketAddress address) throws IOException {
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        channel.bind(address);
        threads.execute(this::receiveLoop);
    }

    BlockingQueue<Received> received() {
        return received;
    }

    /** The flow control of download {@code id}, with {@code permits} datagrams allowed in flight. */
    Semaphore window(int id, int permits) {
        return windows.computeIfAbsent(id, i -> new Semaphore(permits));
    }

    private void receiveLoop() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        while (channel.isOpen()) {
            try {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                buffer.flip();
                byte[] payload = new byte[buffer.remaining()];
                buffer.get(payload);
                if (payload.length > 0 && payload[0] == 'E') {
                    channel.send(ByteBuffer.wrap(payload), from);
                } else if (payload.length == 13 && payload[0] == 'D') {
                    ByteBuffer command = ByteBuffer.wrap(payload, 1, 12);
                    int id = command.getInt();
                    int count = command.getInt();
                    int size = command.getInt();
                    threads.execute(() -> sendDown(windows.get(id), from, count, size));
                } else {
                    received.add(new Received(payload, from));
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void sendDown(Semaphore window, SocketAddress to, int count, int size) {
        try {
            ByteBuffer datagram = ByteBuffer.allocate(size);
            for (int i = 0; i < count; i++) {
                if (!window.tryAcquire(10, TimeUnit.SECONDS)) {
                    return; // the test fails on its own timeout
                }
                datagram.clear();
                datagram.putInt(0, i);
                channel.send(datagram, to);
            }
        } catch (IOException | InterruptedException e) {
            // Closed by the test.
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        channel.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
