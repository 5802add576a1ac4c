package io.muxbench.driver.link.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.link.LinkProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One {@link Flow} between two loopback socket pairs, its timers run by the test on a simulated clock
 * instead of by an event loop: what it delivers by a given time of the model is then exact, whatever
 * the machine's speed, so the congestion window can be counted in bytes (no timing assertions).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FlowIT {

    private static final int BODY_BYTES = 60_000;
    private static final long MILLI = 1_000_000L;

    private EventLoop loop;
    private ServerSocketChannel server;

    @BeforeEach
    void start() throws IOException {
        // Only for a ProxyConnection to own the flow: the loop's thread never sees it or its timers.
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ServerSocketChannel unused = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        loop = EventLoop.start(LinkProfile.parse("lan"), unused, (InetSocketAddress) server.getLocalAddress(), 1);
    }

    @AfterEach
    void stop() throws Exception {
        loop.stop();
        server.close();
    }

    @Test
    void theFirstFlightHoldsTheInitialWindowAndSlowStartDoublesIt() throws Exception {
        // rtt 100 ms at 1 gbit: a flight's segments arrive within a millisecond, flights 100 ms apart.
        assertEquals(List.of(10L, 30L), segmentsDeliveredAfterOneAndTwoRoundTrips("rtt=100ms,down=1gbit"));
        assertEquals(List.of(4L, 12L), segmentsDeliveredAfterOneAndTwoRoundTrips("rtt=100ms,down=1gbit,iw=4"));
        assertEquals(List.of(1L, 3L), segmentsDeliveredAfterOneAndTwoRoundTrips("rtt=100ms,down=1gbit,iw=1"));
        assertEquals(List.of(20L, 42L), segmentsDeliveredAfterOneAndTwoRoundTrips("rtt=100ms,down=1gbit,iw=20"),
                "60,000 bytes are 42 segments (the last one short), all sent by the second flight");
    }

    /**
     * Lets a flow of {@code spec} carry {@link #BODY_BYTES}, all read before its handshake ends, and
     * says how many segments' worth of bytes it wrote to its sink three quarters into the first round
     * trip after the handshake and into the second (a segment arrives half a round trip after it
     * left, its ACK a round trip after: those are the first flight, then the first two).
     */
    private List<Long> segmentsDeliveredAfterOneAndTwoRoundTrips(String spec) throws Exception {
        LinkProfile profile = LinkProfile.parse(spec);
        LinkContext link = new LinkContext(profile, 1, 1 << 20);
        AtomicLong written = new AtomicLong();
        InetSocketAddress address = (InetSocketAddress) server.getLocalAddress();
        try (SocketChannel writer = SocketChannel.open(address); SocketChannel source = server.accept();
             SocketChannel sink = SocketChannel.open(address); SocketChannel reader = server.accept()) {
            source.configureBlocking(false);
            sink.configureBlocking(false);
            long acceptedNanos = System.nanoTime();
            long handshakeEndNanos = acceptedNanos + link.rttNanos;
            ProxyConnection owner = new ProxyConnection(loop, SocketChannel.open(), new Browser(
                    InetAddress.getLoopbackAddress(), link.timers, profile.upBitsPerSecond(), profile.downBitsPerSecond()),
                    acceptedNanos);
            Bottleneck bottleneck = new Bottleneck(link.timers, profile.downBitsPerSecond());
            Flow flow = new Flow(owner, link, bottleneck, 42, written, handshakeEndNanos);
            flow.source = source;
            flow.sink = sink;
            flow.sourceOpen = true;
            flow.sinkOpen = true;

            writer.write(ByteBuffer.allocate(BODY_BYTES)); // fits the socket buffers: returns at once
            writer.shutdownOutput();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (flow.wantsRead()) { // until the flow read all of it and its EOF, still within the handshake
                assertTrue(System.nanoTime() - deadline < 0, "the flow read its source within 10 s");
                flow.readFromSource(acceptedNanos);
            }
            assertEquals(0, written.get(), "nothing leaves before the handshake's round trip");

            runTimersUntil(link.timers, handshakeEndNanos + 75 * MILLI); // first flight delivered (50 ms), no ACK back yet (100 ms)
            long firstFlight = written.get();
            runTimersUntil(link.timers, handshakeEndNanos + 175 * MILLI); // second flight delivered (150 ms), not the third (250 ms)
            long twoFlights = written.get();
            runTimersUntil(link.timers, handshakeEndNanos + 60_000 * MILLI);
            assertEquals(BODY_BYTES, written.get(), "every byte arrives in the end");
            flow.close();
            owner.close(false);
            return List.of(segments(firstFlight), segments(twoFlights));
        }
    }

    /** Whole segments of 1460 bytes, or the last partial one. */
    private static long segments(long bytes) {
        return (bytes + Flow.MSS - 1) / Flow.MSS;
    }

    /** Fires every timer due by {@code endNanos} in the order of its due time, as if the clock read that time. */
    private static void runTimersUntil(TimerHeap timers, long endNanos) {
        while (timers.size() > 0 && timers.peekDue() - endNanos <= 0) {
            long due = timers.peekDue();
            timers.poll().fire(due, due);
        }
    }
}
