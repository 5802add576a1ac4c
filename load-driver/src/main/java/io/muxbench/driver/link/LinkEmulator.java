package io.muxbench.driver.link;

import io.muxbench.driver.link.internal.EventLoop;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A TCP and UDP proxy that puts an emulated network link between its clients and an upstream server, or
 * several: each {@link #route route} listens on a port of its own and forwards to its own upstream
 * through the same link, as a page's hosts all sit behind one browser's access link. Connections
 * are grouped into browsers by the client's source address: all connections from one address
 * share one bottleneck each way; different addresses get independent bottlenecks. So bind
 * each virtual browser's sockets to its own loopback address (127.0.0.2, 127.0.0.3, ...).
 *
 * <p>Per connection and direction it models: half the round-trip time of propagation, the shared
 * bottleneck (round-robin between the browser's connections; its rate counts IP packets, so each
 * segment also costs 40 bytes of IPv4 and TCP headers, each datagram 28 of IPv4 and UDP, and neither
 * TCP's ACKs nor its handshake take any of it), one round trip of TCP handshake before
 * the first byte (plus SYN timeouts for seeded lost SYNs and SYN-ACKs, with the profile's
 * {@code syn-rto}), slow start from the profile's initial window (10 segments of 1460 bytes by
 * default), in-order delivery, and seeded segment loss with retransmission after one round trip
 * (or a 200 ms timeout) that holds back every later byte and halves the window. One selector
 * thread and a timer heap do all the work.
 *
 * <p>UDP: every listening port relays datagrams on the same port number too. Each client address
 * and port gets a relay with its own upstream socket (the upstream sees one peer per client); its
 * datagrams take turns at the same bottleneck as the browser's TCP connections, wait in a drop-tail
 * queue of twice the bandwidth-delay product (at least 256 KiB, as a TCP flow's bytes in the emulator) per direction, are lost per datagram
 * by the same seeded loss, propagate for half the round trip and arrive whole and in order.
 *
 * <p>An unexpected failure while serving one connection (even an {@link Error}) resets that
 * connection only, and a failing accept pauses the listener briefly. Should the thread itself
 * fail, the emulator stops: it closes every socket, {@link #isRunning} turns false, {@link #failure}
 * says why and {@link #stopped} completes, so that whoever relies on it can fail loudly instead of
 * waiting for connections that nobody serves.
 *
 * <pre>{@code
 * try (LinkEmulator link = LinkEmulator.start(LinkProfile.parse("cable"), origin, 42)) {
 *     // connect clients to link.address(), each browser bound to its own 127.0.0.N
 *     InetSocketAddress cdn = link.route(cdnOrigin); // a second host, same bottlenecks
 *     LinkStats stats = link.stats();
 * }
 * }</pre>
 */
public final class LinkEmulator implements AutoCloseable {

    private static final int BACKLOG = 1024;
    private static final int UDP_BIND_ATTEMPTS = 20;

    private final LinkProfile profile;
    private final InetSocketAddress address;
    private final EventLoop loop;
    private boolean closed;

    private LinkEmulator(LinkProfile profile, InetSocketAddress address, EventLoop loop) {
        this.profile = profile;
        this.address = address;
        this.loop = loop;
    }

    /** Listens on 127.0.0.1, on an ephemeral port. */
    public static LinkEmulator start(LinkProfile profile, InetSocketAddress upstream, long seed) throws IOException {
        return start(profile, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), upstream, seed);
    }

    /**
     * Listens on {@code listen} and forwards every connection to {@code upstream} through the link.
     *
     * @param seed decides which segments are lost (same seed, same bytes: same losses)
     */
    public static LinkEmulator start(LinkProfile profile, InetSocketAddress listen, InetSocketAddress upstream, long seed)
            throws IOException {
        return start(profile, listen, upstream, seed, EventLoop.defaultDatagramQueueBytes(profile));
    }

    /** As above, with {@code datagramQueueBytes} as each UDP relay's queue per direction (for the tests). */
    static LinkEmulator start(LinkProfile profile, InetSocketAddress listen, InetSocketAddress upstream, long seed,
                              int datagramQueueBytes) throws IOException {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(upstream, "upstream");
        return serve(listen, (server, udp, bound) -> new LinkEmulator(profile, bound,
                EventLoop.start(profile, server, udp, upstream, seed, datagramQueueBytes)));
    }

    /**
     * Listens on one more port of the same address, forwarding to {@code upstream} through this same
     * link: a browser's bottlenecks are shared across routes (its connections to every route take
     * turns on one access link each way), and connection numbering for seeded loss spans routes (a
     * browser's connections are numbered in accept order, whichever route accepted them). Callable
     * from any thread while the emulator runs.
     *
     * @return the address clients connect to for this route
     * @throws IOException if the port cannot be bound, or the emulator has stopped
     */
    public InetSocketAddress route(InetSocketAddress upstream) throws IOException {
        Objects.requireNonNull(upstream, "upstream");
        return serve(new InetSocketAddress(address.getAddress(), 0), (server, udp, bound) -> {
            loop.listen(server, udp, upstream);
            return bound;
        });
    }

    /** What to do with a freshly bound pair of TCP and UDP channels; a failure closes both. */
    @FunctionalInterface
    private interface Serving<T> {
        T serve(ServerSocketChannel server, DatagramChannel udp, InetSocketAddress bound) throws IOException;
    }

    /**
     * Binds TCP on {@code listen}, then UDP on the same address and port number. An ephemeral port
     * whose UDP twin is taken is given back and another one tried.
     */
    private static <T> T serve(InetSocketAddress listen, Serving<T> serving) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServerSocketChannel server = ServerSocketChannel.open();
            DatagramChannel udp = null;
            try {
                server.bind(listen, BACKLOG);
                InetSocketAddress bound = (InetSocketAddress) server.getLocalAddress();
                udp = DatagramChannel.open(bound.getAddress() instanceof Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                try {
                    udp.bind(bound);
                } catch (BindException e) {
                    if (listen.getPort() == 0 && attempt < UDP_BIND_ATTEMPTS) {
                        udp.close();
                        server.close();
                        continue;
                    }
                    throw new BindException("UDP port " + bound.getPort() + " is taken (TCP was free): " + e.getMessage());
                }
                return serving.serve(server, udp, bound);
            } catch (IOException | RuntimeException e) {
                server.close();
                if (udp != null) {
                    udp.close();
                }
                throw e;
            }
        }
    }

    public LinkProfile profile() {
        return profile;
    }

    /** The address clients connect to for the first upstream (see {@link #route} for more), TCP and UDP alike. */
    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    /**
     * Numbers each browser's connections again, from the next one accepted, starting at round
     * {@code round}'s first number (round 0's is 0). Seeded loss is a function of the seed, the
     * browser, the connection's number and the bytes, so a runner that renumbers before each cell
     * round gives a cell the same losses in the same round of every run with the same seed, whatever
     * ran before it, and other losses in each of its other rounds: its page loads in different rounds
     * sample different loss patterns, not one pattern again. Rounds are
     * {@value #CONNECTIONS_PER_ROUND} connection numbers apart per browser.
     */
    public void renumberConnections(int round) {
        if (round < 0) {
            throw new IllegalArgumentException("round must be at least 0, got " + round);
        }
        // Past 2048 rounds the numbers wrap: still a fixed function of the round, no longer apart.
        loop.renumberConnections((int) ((long) round * CONNECTIONS_PER_ROUND));
    }

    /** How far apart the connection numbers of two rounds start ({@link #renumberConnections}). */
    public static final int CONNECTIONS_PER_ROUND = 1 << 20;

    /** Whether the emulator still accepts and forwards connections: false after {@link #close} or a failure. */
    public boolean isRunning() {
        return loop.isRunning();
    }

    /**
     * Why the emulator stopped by itself (its thread failed), in one line such as
     * {@code java.lang.OutOfMemoryError: Java heap space}; empty while it runs, and after a plain {@link #close}.
     */
    public Optional<String> failure() {
        return Optional.ofNullable(loop.failure()).map(EventLoop::describe);
    }

    /** Completes once the emulator has stopped, by {@link #close} or by a failure, and closed its sockets. */
    public CompletionStage<Void> stopped() {
        return loop.ended().thenApply(failure -> null);
    }

    /** The emulator's thread, for the tests' fault injection. */
    EventLoop loop() {
        return loop;
    }

    /** A snapshot of what the emulator has done since it started; callable from any thread, also after close. */
    public LinkStats stats() {
        return loop.stats();
    }

    /** Stops the emulator and closes every socket it holds, every route's listener too. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            loop.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
