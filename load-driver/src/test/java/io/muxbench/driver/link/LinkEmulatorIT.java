package io.muxbench.driver.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The link emulator against a tiny upstream on loopback. The timing assertions are the emulator's
 * accuracy targets ({@link LinkAccuracy}; a transfer at the link's rate within 25%), the only
 * place in muxbench where tests check absolute times.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LinkEmulatorIT {

    private TestUpstream upstream;
    private final ExecutorService clients = Executors.newCachedThreadPool();

    @BeforeEach
    void startUpstream() throws IOException {
        upstream = new TestUpstream();
    }

    @AfterEach
    void stopAll() throws Exception {
        clients.shutdownNow();
        clients.awaitTermination(5, TimeUnit.SECONDS);
        upstream.close();
    }

    @Test
    void pingPongTakesOneRoundTrip() throws IOException {
        try (LinkEmulator link = start("rtt=100ms,down=100mbit,up=100mbit", 1);
             Socket socket = connect(link.address(), "127.0.0.1")) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write('E');
            exchange(out, in); // the first one also pays the handshake
            long[] rttNanos = new long[20];
            for (int i = 0; i < rttNanos.length; i++) {
                long start = System.nanoTime();
                exchange(out, in);
                rttNanos[i] = System.nanoTime() - start;
            }
            LinkAccuracy.assertMedianRoundTripOf100Millis("ping-pong", rttNanos, link);
        }
    }

    @Test
    void oneMegabyteAtEightMegabitTakesAboutOneSecond() throws Exception {
        try (LinkEmulator link = start("rtt=20ms,down=8mbit,up=8mbit", 1)) {
            long start = System.nanoTime();
            byte[] body = download(link.address(), "127.0.0.1", 1_000_000);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(1_000_000, body.length);
            System.out.printf("1 MB at 8 mbit: %.3f s%n", seconds);
            assertTrue(seconds >= 1.0 && seconds <= 1.25, "1 MB at 8 mbit took " + seconds + " s");
        }
    }

    @Test
    void connectionsOfOneBrowserShareItsBandwidthWhileBrowsersDoNot() throws Exception {
        int size = 600_000; // 0.6 s alone at 8 mbit: long enough for a slow start and a cold JIT not to matter
        try (LinkEmulator link = start("rtt=10ms,down=8mbit,up=8mbit", 1)) {
            InetSocketAddress target = link.address();
            double[] sameBrowser = concurrentDownloadSeconds(size, new From("127.0.0.2", target), new From("127.0.0.2", target));
            double[] twoBrowsers = concurrentDownloadSeconds(size, new From("127.0.0.3", target), new From("127.0.0.4", target));
            System.out.printf("600 kB each at 8 mbit: one browser %s s, two browsers %s s%n",
                    Arrays.toString(sameBrowser), Arrays.toString(twoBrowsers));
            LinkAccuracy.assertSharesOfEightMegabit(size, sameBrowser, twoBrowsers);
        }
    }

    @Test
    void routesForwardEachToItsOwnUpstream() throws Exception {
        try (TestUpstream second = new TestUpstream();
             LinkEmulator link = start("rtt=2ms,down=100mbit,up=100mbit", 1)) {
            InetSocketAddress route = link.route(second.address());
            assertEquals(link.address().getAddress(), route.getAddress(), "a route listens on the link's host");
            assertTrue(route.getPort() != link.port(), "a route listens on a port of its own: " + route);
            assertArrayEquals(TestUpstream.content(100_000), download(route, "127.0.0.1", 100_000));
            assertEquals("completed", second.endings().poll(5, TimeUnit.SECONDS), "the route's upstream served it");
            assertArrayEquals(TestUpstream.content(50_000), download(link.address(), "127.0.0.1", 50_000));
            assertEquals("completed", upstream.endings().poll(5, TimeUnit.SECONDS), "the first upstream served it");
            assertTrue(upstream.endings().isEmpty() && second.endings().isEmpty(), "one connection each");
            assertEquals(2, link.stats().connections());
        }
    }

    @Test
    void routesOfOneBrowserShareItsBandwidthWhileBrowsersDoNot() throws Exception {
        int size = 600_000;
        try (TestUpstream second = new TestUpstream();
             LinkEmulator link = start("rtt=10ms,down=8mbit,up=8mbit", 1)) {
            InetSocketAddress first = link.address();
            InetSocketAddress route = link.route(second.address());
            double[] sameBrowser = concurrentDownloadSeconds(size, new From("127.0.0.2", first), new From("127.0.0.2", route));
            double[] twoBrowsers = concurrentDownloadSeconds(size, new From("127.0.0.3", first), new From("127.0.0.4", route));
            System.out.printf("600 kB each at 8 mbit over two routes: one browser %s s, two browsers %s s%n",
                    Arrays.toString(sameBrowser), Arrays.toString(twoBrowsers));
            LinkAccuracy.assertSharesOfEightMegabit(size, sameBrowser, twoBrowsers);
        }
    }

    @Test
    void lossDeliversEveryByteInOrderButLater() throws Exception {
        int size = 1_000_000;
        CRC32 expected = new CRC32();
        expected.update(TestUpstream.content(size));
        double cleanSeconds;
        try (LinkEmulator link = start("rtt=20ms,down=50mbit,up=50mbit", 1)) {
            long start = System.nanoTime();
            download(link.address(), "127.0.0.1", size);
            cleanSeconds = (System.nanoTime() - start) / 1e9;
        }
        try (LinkEmulator link = start("rtt=20ms,down=50mbit,up=50mbit,loss=1%", 1)) {
            long start = System.nanoTime();
            byte[] body = download(link.address(), "127.0.0.1", size);
            double lossySeconds = (System.nanoTime() - start) / 1e9;
            CRC32 actual = new CRC32();
            actual.update(body);
            System.out.printf("1 MB at 50 mbit: %.3f s clean, %.3f s with 1%% loss (%s)%n",
                    cleanSeconds, lossySeconds, link.stats().summary());
            assertEquals(size, body.length);
            assertEquals(expected.getValue(), actual.getValue(), "checksum of the bytes received");
            assertTrue(link.stats().segmentsLost() > 0, "some segments lost: " + link.stats().summary());
            assertTrue(lossySeconds > cleanSeconds, "with loss " + lossySeconds + " s, without " + cleanSeconds + " s");
        }
    }

    @Test
    void sameSeedLosesTheSameSegments() throws Exception {
        long[] lost = new long[3];
        long[] seeds = {5, 5, 6};
        for (int i = 0; i < lost.length; i++) {
            try (LinkEmulator link = start("rtt=2ms,down=100mbit,up=100mbit,loss=5%", seeds[i])) {
                download(link.address(), "127.0.0.1", 300_000);
                lost[i] = link.stats().segmentsLost();
            }
        }
        System.out.println("segments lost with seeds 5, 5, 6: " + Arrays.toString(lost));
        assertTrue(lost[0] > 0, "segments lost with seed 5: " + lost[0]);
        assertEquals(lost[0], lost[1], "same seed, same losses");
    }

    @Test
    void renumberedConnectionsLoseWhatTheFirstOnesLost() throws Exception {
        try (LinkEmulator link = start("rtt=2ms,down=100mbit,up=100mbit,loss=5%", 5)) {
            List<Long> first = lossPerConnection(link, 3); // connections 0, 1, 2
            link.renumberConnections(0);
            List<Long> again = lossPerConnection(link, 3); // 0, 1, 2 again, not 3, 4, 5
            System.out.println("segments lost per connection: " + first + ", after renumbering " + again);
            assertTrue(first.stream().distinct().count() > 1, "connections differ in their losses: " + first);
            assertEquals(first, again, "renumbered, each connection number loses the same segments");
        }
    }

    @Test
    void anotherRoundLosesOtherSegmentsAndTheSameRoundTheSameOnes() throws Exception {
        try (LinkEmulator link = start("rtt=2ms,down=100mbit,up=100mbit,loss=5%", 5)) {
            link.renumberConnections(0);
            List<Long> round0 = lossPerConnection(link, 3);
            link.renumberConnections(1);
            List<Long> round1 = lossPerConnection(link, 3);
            link.renumberConnections(1);
            List<Long> round1Again = lossPerConnection(link, 3);
            System.out.println("segments lost per connection in round 0: " + round0 + ", round 1: " + round1
                    + ", round 1 again: " + round1Again);
            assertNotEquals(round0, round1, "a cell's next round meets other losses");
            assertEquals(round1, round1Again, "the same round, the same losses");
        }
    }

    private static List<Long> lossPerConnection(LinkEmulator link, int connections) throws IOException {
        List<Long> lost = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            long before = link.stats().segmentsLost();
            download(link.address(), "127.0.0.1", 300_000);
            lost.add(link.stats().segmentsLost() - before);
        }
        return lost;
    }

    @Test
    void lostHandshakesAreCountedAndTheSameSeedLosesTheSameOnes() throws Exception {
        // Half the SYNs and SYN-ACKs lost, so three tries in four fail; a 1 ms timeout keeps the test short.
        String spec = "rtt=2ms,down=100mbit,up=100mbit,loss=50%,syn-rto=1ms";
        long[] synLost = {handshakesLost(spec, 5), handshakesLost(spec, 5), handshakesLost(spec, 6)};
        System.out.println("SYNs or SYN-ACKs lost over 5 connections with seeds 5, 5, 6: " + Arrays.toString(synLost));
        assertTrue(synLost[0] > 0 && synLost[0] < 15, "some, and not all 3 a connection may lose: " + synLost[0]);
        assertEquals(synLost[0], synLost[1], "same seed, same lost handshakes");
        assertTrue(synLost[2] > 0, "seed 6 loses handshakes too: " + synLost[2]);
    }

    @Test
    void withoutSynTimeoutNoHandshakeIsLost() throws Exception {
        assertEquals(0, handshakesLost("rtt=2ms,down=100mbit,up=100mbit,loss=50%", 5));
    }

    /** Opens and closes five connections that carry nothing but their FINs (never lost); the link's synLost. */
    private long handshakesLost(String spec, long seed) throws Exception {
        LinkEmulator link = start(spec, seed);
        try {
            for (int i = 0; i < 5; i++) {
                try (Socket socket = connect(link.address(), "127.0.0.1")) {
                    socket.shutdownOutput(); // the upstream reads no command and closes
                    assertEquals(-1, socket.getInputStream().read(), "the upstream's EOF, through the link");
                }
            }
        } finally {
            link.close();
        }
        assertEquals(5, link.stats().connections());
        LinkStats stats = link.stats(); // final: every handshake was decided when its connection was accepted
        assertEquals(0, stats.segmentsLost(), "a FIN is never lost");
        assertEquals(stats.synLost() != 0, stats.summary().contains(", " + stats.synLost() + " SYNs or SYN-ACKs lost, "),
                stats.summary());
        return stats.synLost();
    }

    @Test
    void aWindowOfOneSegmentStillDeliversEveryByteInOrderUnderLoss() throws Exception {
        int size = 200_000;
        try (LinkEmulator link = start("rtt=2ms,down=100mbit,up=100mbit,loss=2%,iw=1", 1)) {
            byte[] body = download(link.address(), "127.0.0.1", size);
            assertArrayEquals(TestUpstream.content(size), body);
            assertTrue(link.stats().segmentsLost() > 0, link.stats().summary());
        }
    }

    @Test
    void halfCloseTravelsBothWays() throws IOException {
        try (LinkEmulator link = start("rtt=10ms,down=10mbit,up=10mbit", 1);
             Socket socket = connect(link.address(), "127.0.0.1")) {
            socket.getOutputStream().write(new byte[]{'E', 'h', 'i'});
            socket.shutdownOutput(); // the echo server answers EOF with its own
            byte[] echoed = socket.getInputStream().readAllBytes();
            assertArrayEquals(new byte[]{'h', 'i'}, echoed);
        }
    }

    @Test
    void clientResetResetsTheUpstream() throws Exception {
        try (LinkEmulator link = start("rtt=10ms,down=1mbit,up=1mbit", 1);
             Socket socket = connect(link.address(), "127.0.0.1")) {
            socket.getOutputStream().write(ByteBuffer.allocate(5).put((byte) 'S').putInt(50_000_000).array());
            socket.getInputStream().readNBytes(1000); // the upstream is now busy writing 50 MB
            socket.setSoLinger(true, 0);
            socket.close(); // RST
            String ending = upstream.endings().poll(10, TimeUnit.SECONDS);
            assertTrue(ending != null && ending.startsWith("failed"), "upstream connection ended: " + ending);
            assertEquals(1, link.stats().connections());
        }
    }

    @Test
    void unreachableUpstreamClosesTheClient() throws IOException {
        InetSocketAddress nobody;
        try (Socket probe = new Socket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            nobody = (InetSocketAddress) probe.getLocalSocketAddress(); // bound, never listening
        }
        try (LinkEmulator link = LinkEmulator.start(LinkProfile.parse("lan"), nobody, 1)) {
            assertEquals(-1, firstByteOrEnd(link), "the link closes the client whose upstream is unreachable");
        }
    }

    /**
     * The first byte the link sends, or -1 if it closes or resets the connection. The reset can
     * arrive before {@code connect} returns: the kernel finishes the handshake, the link accepts
     * and resets, and only then does the connecting thread run.
     */
    private static int firstByteOrEnd(LinkEmulator link) throws IOException {
        try (Socket socket = connect(link.address(), "127.0.0.1")) {
            return socket.getInputStream().read();
        } catch (SocketException reset) {
            return -1;
        }
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws IOException {
        LinkEmulator link = start("lan", 1);
        link.close();
        link.close();
        assertNothingListens(link.address());
    }

    @Test
    void closeFreesEveryRouteAndRefusesNewOnes() throws IOException {
        LinkEmulator link = start("lan", 1);
        InetSocketAddress route = link.route(upstream.address());
        link.close();
        assertNothingListens(link.address());
        assertNothingListens(route);
        assertThrows(IOException.class, () -> link.route(upstream.address()), "no route after close");
    }

    private static void assertNothingListens(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            boolean refused = false;
            try {
                socket.connect(address, 1000);
            } catch (IOException e) {
                refused = true;
            }
            assertTrue(refused, "nothing listens on " + address + " after close");
        }
    }

    private LinkEmulator start(String spec, long seed) throws IOException {
        return LinkEmulator.start(LinkProfile.parse(spec), upstream.address(), seed);
    }

    private static Socket connect(InetSocketAddress target, String sourceAddress) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(20_000);
        socket.bind(new InetSocketAddress(InetAddress.getByName(sourceAddress), 0));
        socket.connect(target, 5_000);
        return socket;
    }

    private static void exchange(OutputStream out, InputStream in) throws IOException {
        out.write(new byte[]{1, 2, 3, 4});
        out.flush();
        byte[] back = in.readNBytes(4);
        assertArrayEquals(new byte[]{1, 2, 3, 4}, back);
    }

    private static byte[] download(InetSocketAddress target, String sourceAddress, int size) throws IOException {
        try (Socket socket = connect(target, sourceAddress)) {
            socket.getOutputStream().write(ByteBuffer.allocate(5).put((byte) 'S').putInt(size).array());
            ByteArrayOutputStream body = new ByteArrayOutputStream(size);
            socket.getInputStream().transferTo(body);
            return body.toByteArray();
        }
    }

    /** One browser (its source address) downloading through one of the link's addresses. */
    private record From(String sourceAddress, InetSocketAddress target) {
    }

    /** How long each download took, all started at once. */
    private double[] concurrentDownloadSeconds(int size, From... downloads) throws Exception {
        List<Future<Double>> futures = new ArrayList<>();
        for (From from : downloads) {
            futures.add(clients.submit(() -> {
                long start = System.nanoTime();
                int received = download(from.target(), from.sourceAddress(), size).length;
                assertEquals(size, received);
                return (System.nanoTime() - start) / 1e9;
            }));
        }
        double[] seconds = new double[futures.size()];
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] = futures.get(i).get(20, TimeUnit.SECONDS);
        }
        return seconds;
    }
}
