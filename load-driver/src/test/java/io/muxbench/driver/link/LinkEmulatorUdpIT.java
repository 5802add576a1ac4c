package io.muxbench.driver.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The link emulator's UDP relays against a tiny UDP upstream on loopback, on the same port number as
 * a TCP one. As in {@link LinkEmulatorIT}, the timing assertions are the emulator's accuracy targets
 * ({@link LinkAccuracy}; a transfer at the link's rate within 25%).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LinkEmulatorUdpIT {

    private static final int DATAGRAM_BYTES = 1200;

    private TestUpstream tcpUpstream;
    private TestUdpUpstream upstream;
    private final ExecutorService clients = Executors.newCachedThreadPool();
    private final AtomicInteger downloadIds = new AtomicInteger();

    @BeforeEach
    void startUpstreams() throws Exception {
        // The link relays UDP to its upstream's port: find a TCP port whose UDP twin is free too.
        for (int attempt = 0; upstream == null; attempt++) {
            tcpUpstream = new TestUpstream();
            try {
                upstream = new TestUdpUpstream(tcpUpstream.address());
            } catch (BindException e) {
                tcpUpstream.close();
                assertTrue(attempt < 20, "no TCP port with a free UDP twin: " + e);
            }
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        clients.shutdownNow();
        clients.awaitTermination(5, TimeUnit.SECONDS);
        upstream.close();
        tcpUpstream.close();
    }

    @Test
    void pingPongTakesOneRoundTrip() throws IOException {
        try (LinkEmulator link = start("rtt=100ms,down=100mbit,up=100mbit", 1);
             DatagramSocket socket = client("127.0.0.1")) {
            long[] rttNanos = new long[20];
            for (int i = 0; i < rttNanos.length; i++) {
                byte[] ping = {'E', (byte) i};
                long start = System.nanoTime();
                socket.send(new DatagramPacket(ping, ping.length, link.address()));
                assertArrayEquals(ping, receive(socket));
                rttNanos[i] = System.nanoTime() - start;
            }
            LinkAccuracy.assertMedianRoundTripOf100Millis("UDP ping-pong", rttNanos, link);
        }
    }

    @Test
    void oneMegabyteOfDatagramsAtEightMegabitTakesAboutOneSecond() throws Exception {
        try (LinkEmulator link = start("rtt=20ms,down=8mbit,up=8mbit", 1)) {
            int count = 834; // 1,000,800 bytes in datagrams of 1200
            double seconds = download("127.0.0.1", link, count);
            System.out.printf("1 MB in %d datagrams of %d bytes at 8 mbit: %.3f s, %s%n", count, DATAGRAM_BYTES,
                    seconds, link.stats().summary());
            assertEquals(0, link.stats().datagrams().dropped(), "nothing dropped");
            assertTrue(seconds >= 1.0 && seconds <= 1.25, "1 MB of datagrams at 8 mbit took " + seconds + " s");
        }
    }

    @Test
    void browsersGetTheFullBandwidthEachWhileOneBrowserSharesItAcrossTcpAndUdp() throws Exception {
        int count = 500; // 600 kB, 0.6 s alone at 8 mbit
        int size = count * DATAGRAM_BYTES;
        try (LinkEmulator link = start("rtt=10ms,down=8mbit,up=8mbit", 1)) {
            double[] twoBrowsers = concurrentSeconds(
                    () -> download("127.0.0.3", link, count), () -> download("127.0.0.4", link, count));
            double[] oneBrowserTwoPorts = concurrentSeconds(
                    () -> download("127.0.0.5", link, count), () -> download("127.0.0.5", link, count));
            double[] oneBrowserTcpAndUdp = concurrentSeconds(
                    () -> download("127.0.0.6", link, count), () -> tcpDownload("127.0.0.6", link, size));
            System.out.printf("600 kB each at 8 mbit: two browsers over UDP %s s, one browser over two UDP ports %s s,"
                            + " one browser over UDP and TCP %s s%n", Arrays.toString(twoBrowsers),
                    Arrays.toString(oneBrowserTwoPorts), Arrays.toString(oneBrowserTcpAndUdp));
            LinkAccuracy.assertSharesOfEightMegabit(size, concat(oneBrowserTwoPorts, oneBrowserTcpAndUdp), twoBrowsers);
        }
    }

    @Test
    void datagramsArriveWholeAndInOrder() throws Exception {
        Random random = new Random(3);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int size = i == 0 ? 0 : i % 50 == 0 ? 30_000 + random.nextInt(30_000) : random.nextInt(9_000);
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            if (size > 0) {
                payload[0] = 'U'; // not a command of the upstream
            }
            sent.add(payload);
        }
        try (LinkEmulator link = LinkEmulator.start(LinkProfile.parse("rtt=2ms,down=100mbit,up=100mbit"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tcpUpstream.address(), 1, 8 << 20);
             DatagramSocket socket = client("127.0.0.1")) {
            for (byte[] payload : sent) {
                socket.send(new DatagramPacket(payload, payload.length, link.address()));
            }
            for (int i = 0; i < sent.size(); i++) {
                TestUdpUpstream.Received received = upstream.received().poll(10, TimeUnit.SECONDS);
                assertNotNull(received, "datagram " + i + " arrived");
                assertArrayEquals(sent.get(i), received.payload(), "datagram " + i + " arrived whole, in its place");
            }
            assertEquals(0, link.stats().datagrams().dropped());
            assertEquals(sent.stream().mapToLong(p -> p.length).sum(), link.stats().datagrams().bytesUp());
        }
    }

    @Test
    void sameSeedDropsTheSameDatagramsAndAnotherSeedOthers() throws Exception {
        TreeSet<Integer> first = droppedDatagrams(1);
        TreeSet<Integer> again = droppedDatagrams(1);
        TreeSet<Integer> other = droppedDatagrams(2);
        System.out.printf("10%% loss over 300 datagrams: seed 1 dropped %d %s, again %d, seed 2 dropped %d%n",
                first.size(), first, again.size(), other.size());
        assertTrue(first.size() > 10 && first.size() < 60, "about 10% dropped: " + first.size());
        assertEquals(first, again, "the same seed drops the same datagrams");
        assertNotEquals(first, other, "another seed drops others");
    }

    /** Which of 300 numbered datagrams, sent at once up a link with 10% loss, the upstream did not get. */
    private TreeSet<Integer> droppedDatagrams(long seed) throws Exception {
        int count = 300;
        try (LinkEmulator link = start("rtt=2ms,down=100mbit,up=100mbit,loss=10%", seed);
             DatagramSocket socket = client("127.0.0.1")) {
            for (int i = 0; i < count; i++) {
                byte[] payload = ByteBuffer.allocate(100).put((byte) 'U').putInt(i).array();
                socket.send(new DatagramPacket(payload, payload.length, link.address()));
            }
            awaitUntil(() -> link.stats().datagrams().deliveredUp() + link.stats().datagrams().dropped() == count);
            LinkStats.Datagrams stats = link.stats().datagrams();
            assertEquals(0, stats.queueDropped() + stats.sendDropped(), "only the seeded loss drops");
            TreeSet<Integer> dropped = new TreeSet<>();
            int expected = 0;
            for (long i = 0; i < stats.deliveredUp(); i++) {
                TestUdpUpstream.Received received = upstream.received().poll(10, TimeUnit.SECONDS);
                assertNotNull(received);
                int number = ByteBuffer.wrap(received.payload()).getInt(1);
                assertTrue(number >= expected, "in order: " + number + " after " + (expected - 1));
                while (expected < number) {
                    dropped.add(expected++);
                }
                expected++;
            }
            while (expected < count) {
                dropped.add(expected++);
            }
            assertEquals(stats.lost(), dropped.size(), "the link counted what it dropped");
            return dropped;
        }
    }

    @Test
    void aFullQueueDropsTheTailAndCountsIt() throws Exception {
        int count = 50;
        int queueBytes = 10 * DATAGRAM_BYTES;
        try (LinkEmulator link = LinkEmulator.start(LinkProfile.parse("rtt=2ms,down=1mbit,up=1mbit"),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), tcpUpstream.address(), 1, queueBytes);
             DatagramSocket socket = client("127.0.0.1")) {
            // 9.6 ms per datagram at 1 mbit: a burst of 50 overflows a queue of 10.
            for (int i = 0; i < count; i++) {
                byte[] payload = ByteBuffer.allocate(DATAGRAM_BYTES).put((byte) 'U').putInt(i).array();
                socket.send(new DatagramPacket(payload, payload.length, link.address()));
            }
            awaitUntil(() -> link.stats().datagrams().deliveredUp() + link.stats().datagrams().dropped() == count);
            LinkStats.Datagrams stats = link.stats().datagrams();
            System.out.printf("a burst of %d into a queue of 10: %s%n", count, link.stats().summary());
            assertTrue(stats.queueDropped() > 0, "the full queue dropped some: " + stats);
            assertEquals(0, stats.lost() + stats.sendDropped(), stats.toString());
            assertTrue(stats.deliveredUp() >= 10, "a full queue's worth got through: " + stats);
            for (int i = 0; i < 10; i++) {
                TestUdpUpstream.Received received = upstream.received().poll(10, TimeUnit.SECONDS);
                assertNotNull(received);
                assertEquals(i, ByteBuffer.wrap(received.payload()).getInt(1), "drop-tail keeps the head of the burst");
            }
        }
    }

    private LinkEmulator start(String spec, long seed) throws IOException {
        return LinkEmulator.start(LinkProfile.parse(spec), tcpUpstream.address(), seed);
    }

    private static DatagramSocket client(String sourceAddress) throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        socket.setSoTimeout(20_000);
        socket.setReceiveBufferSize(4 << 20);
        return socket; // not connected: a connected socket sends nothing for an empty datagram (JDK 17)
    }

    private static byte[] receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
        socket.receive(packet);
        return Arrays.copyOf(packet.getData(), packet.getLength());
    }

    /**
     * Asks the upstream for {@code count} datagrams of 1200 bytes through the link and receives them;
     * returns the seconds from the request to the last datagram. At most 32 datagrams are in flight
     * (well above the bandwidth-delay product, well below the link's queue), so none is dropped.
     */
    private double download(String sourceAddress, LinkEmulator link, int count) throws IOException {
        int id = downloadIds.incrementAndGet();
        Semaphore window = upstream.window(id, 32);
        try (DatagramSocket socket = client(sourceAddress)) {
            byte[] request = ByteBuffer.allocate(13).put((byte) 'D').putInt(id).putInt(count).putInt(DATAGRAM_BYTES).array();
            long start = System.nanoTime();
            socket.send(new DatagramPacket(request, request.length, link.address()));
            for (int i = 0; i < count; i++) {
                byte[] datagram = receive(socket);
                assertEquals(DATAGRAM_BYTES, datagram.length, "whole");
                assertEquals(i, ByteBuffer.wrap(datagram).getInt(0), "in order");
                window.release();
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static double tcpDownload(String sourceAddress, LinkEmulator link, int size) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(20_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
            socket.connect(link.address(), 5_000);
            long start = System.nanoTime();
            socket.getOutputStream().write(ByteBuffer.allocate(5).put((byte) 'S').putInt(size).array());
            assertEquals(size, socket.getInputStream().readAllBytes().length);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    @SafeVarargs
    private double[] concurrentSeconds(Callable<Double>... downloads) throws Exception {
        List<Future<Double>> futures = new ArrayList<>();
        for (Callable<Double> download : downloads) {
            futures.add(clients.submit(download));
        }
        double[] seconds = new double[futures.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = futures.get(i).get(20, TimeUnit.SECONDS);
        }
        return seconds;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Polls {@code condition} until it holds, for at most ten seconds. */
    private static void awaitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() - deadline < 0, "condition not met within 10 s");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
