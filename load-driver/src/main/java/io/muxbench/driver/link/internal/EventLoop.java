package io.muxbench.driver.link.internal;

import io.muxbench.driver.link.LinkProfile;
import io.muxbench.driver.link.LinkStats;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The emulator's one thread: a selector for the sockets and a timer heap for the scheduled
 * deliveries, ACKs and bottleneck turns, for every listening socket (route) of the link. It waits
 * in {@code select(timeout)} until the next timer; waits under a millisecond (select's resolution)
 * are parked instead, so deliveries stay within tens of microseconds of their schedule.
 *
 * <pre>{@code
 * EventLoop loop = EventLoop.start(profile, serverChannel, upstream, seed);
 * loop.listen(anotherServerChannel, anotherUpstream); // from any thread
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
    private static final long LISTEN_TIMEOUT_SECONDS = 5;

    final LinkContext link;
    final Selector selector;
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    /** Work handed over by other threads, run by the loop's thread between two selects. */
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Map<InetAddress, Browser> browsers = new HashMap<>();
    private final Set<ProxyConnection> connections = new HashSet<>();
    private final Thread thread;
    private volatile boolean stopping;
    /** Set once the selector is closed: tasks queued after that fail instead of waiting for a dead thread. */
    private volatile boolean stopped;

    private EventLoop(LinkProfile profile, ServerSocketChannel server, long seed) throws IOException {
        this.link = new LinkContext(profile, seed);
        this.selector = Selector.open();
        this.thread = new Thread(this, "muxbench-link-" + server.socket().getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Starts serving {@code server} (bound already) on a new daemon thread. */
    public static EventLoop start(LinkProfile profile, ServerSocketChannel server, InetSocketAddress upstream, long seed)
            throws IOException {
        EventLoop loop = new EventLoop(profile, server, seed);
        try {
            loop.register(server, upstream);
        } catch (IOException | RuntimeException e) {
            loop.selector.close();
            throw e;
        }
        loop.thread.start();
        return loop;
    }

    /**
     * Serves {@code server} (bound already) too, forwarding its connections to {@code upstream}
     * through the same link; returns once the loop's thread has registered it. Callable from any
     * thread but the loop's own.
     *
     * @throws IOException if the loop has stopped, cannot register the channel, or does not take
     *     it within five seconds
     */
    public void listen(ServerSocketChannel server, InetSocketAddress upstream) throws IOException {
        if (stopping) {
            throw new IOException("the link has stopped");
        }
        CompletableFuture<Void> registered = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                register(server, upstream);
                registered.complete(null);
            } catch (IOException | RuntimeException e) {
                registered.completeExceptionally(e);
            }
        });
        if (stopped) {
            runTasks(); // the loop's last drain may have missed ours; the closed selector fails it
        }
        selector.wakeup();
        LockSupport.unpark(thread);
        awaitRegistration(registered);
    }

    private static void awaitRegistration(CompletableFuture<Void> registered) throws IOException {
        try {
            registered.get(LISTEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException("cannot listen: " + cause, cause);
        } catch (TimeoutException e) {
            throw new IOException("the link's thread did not take the new listener within "
                    + LISTEN_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the link registered a listener");
        }
    }

    private void register(ServerSocketChannel server, InetSocketAddress upstream) throws IOException {
        if (!selector.isOpen()) {
            throw new IOException("the link has stopped");
        }
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT, (Handler) (key, now) -> accept(server, upstream, now));
        servers.add(server);
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
                runTasks();
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

    private void runTasks() {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
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

    private void accept(ServerSocketChannel server, InetSocketAddress upstream, long nowNanos) {
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
        for (ServerSocketChannel server : servers) {
            closeQuietly(server);
        }
        closeQuietly(selector);
        stopped = true;
        runTasks(); // listeners queued meanwhile fail on the closed selector
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }
}
