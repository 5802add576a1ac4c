package io.muxbench.driver.link.internal;

import io.muxbench.driver.link.LinkProfile;
import io.muxbench.driver.link.LinkStats;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The emulator's one thread: a selector for the sockets and a timer heap for the scheduled
 * deliveries, ACKs and bottleneck turns. It waits in {@code select(timeout)} until the next timer;
 * waits under a millisecond (select's resolution) are parked instead, so deliveries stay within
 * tens of microseconds of their schedule.
 *
 * <pre>{@code
 * EventLoop loop = EventLoop.start(profile, serverChannel, upstream, seed);
 * LinkStats stats = loop.stats();
 * loop.stop();
 * }</pre>
 */
public final class EventLoop implements Runnable {

    /** What a selection key's attachment does when its channel is ready. */
    @FunctionalInterface
    interface Handler {
        void onReady(SelectionKey key, long nowNanos);
    }

    private static final long ONE_MILLI_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    final LinkContext link;
    final Selector selector;
    private final ServerSocketChannel server;
    private final InetSocketAddress upstream;
    private final Map<InetAddress, Browser> browsers = new HashMap<>();
    private final Set<ProxyConnection> connections = new HashSet<>();
    private final Thread thread;
    private volatile boolean stopping;

    private EventLoop(LinkProfile profile, ServerSocketChannel server, InetSocketAddress upstream, long seed) throws IOException {
        this.link = new LinkContext(profile, seed);
        this.selector = Selector.open();
        this.server = server;
        this.upstream = upstream;
        this.thread = new Thread(this, "muxbench-link-" + server.socket().getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Starts serving {@code server} (bound already) on a new daemon thread. */
    public static EventLoop start(LinkProfile profile, ServerSocketChannel server, InetSocketAddress upstream, long seed)
            throws IOException {
        EventLoop loop = new EventLoop(profile, server, upstream, seed);
        server.configureBlocking(false);
        server.register(loop.selector, SelectionKey.OP_ACCEPT, (Handler) (key, now) -> loop.accept(now));
        loop.thread.start();
        return loop;
    }

    /** Connections accepted from now on are numbered from 0 again, per browser; callable from any thread. */
    public void renumberConnections() {
        link.numberingEpoch.incrementAndGet();
    }

    /** What the emulator has done so far; callable from any thread. */
    public LinkStats stats() {
        return link.counters.snapshot();
    }

    /** Stops the thread and closes every socket; waits up to five seconds for the thread to end. */
    public void stop() throws InterruptedException {
        stopping = true;
        selector.wakeup();
        LockSupport.unpark(thread);
        if (Thread.currentThread() != thread) {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                runDueTimers();
                long due = link.timers.peekDue();
                long waitNanos = due - System.nanoTime();
                if (due == TimerHeap.NONE) {
                    selector.select(this::dispatch);
                } else if (waitNanos <= 0) {
                    selector.selectNow(this::dispatch);
                } else if (waitNanos < ONE_MILLI_NANOS) {
                    if (selector.selectNow(this::dispatch) == 0) {
                        LockSupport.parkNanos(waitNanos);
                    }
                } else {
                    selector.select(this::dispatch, waitNanos / ONE_MILLI_NANOS);
                }
            }
        } catch (IOException e) {
            System.err.println("muxbench link: selector failed: " + e);
        } finally {
            shutDown();
        }
    }

    private void runDueTimers() {
        TimerHeap timers = link.timers;
        long now = System.nanoTime();
        while (timers.size() > 0 && timers.peekDue() - now <= 0) {
            long due = timers.peekDue();
            timers.poll().fire(due, now);
        }
    }

    private void dispatch(SelectionKey key) {
        if (key.isValid()) {
            ((Handler) key.attachment()).onReady(key, System.nanoTime());
        }
    }

    private void accept(long nowNanos) {
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // e.g. out of file descriptors: try again on the next readiness
            }
            if (client == null) {
                return;
            }
            try {
                InetAddress source = ((InetSocketAddress) client.getRemoteAddress()).getAddress();
                Browser browser = browsers.computeIfAbsent(source,
                        a -> new Browser(a, link.timers, link.profile.upBitsPerSecond(), link.profile.downBitsPerSecond()));
                ProxyConnection connection = new ProxyConnection(this, client, browser, nowNanos);
                connections.add(connection);
                link.counters.connections.incrementAndGet();
                connection.open(upstream);
            } catch (IOException e) {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // Already gone.
                }
            }
        }
    }

    void forget(ProxyConnection connection) {
        connections.remove(connection);
    }

    private void shutDown() {
        for (ProxyConnection connection : new ArrayList<>(connections)) {
            connection.close(false);
        }
        link.timers.clear();
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
