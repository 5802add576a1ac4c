package io.muxbench.driver.link.internal;

import io.muxbench.driver.link.LinkProfile;
import io.muxbench.driver.link.LinkStats;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
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
 * The emulator's one thread: a selector for the sockets (TCP listeners and connections, UDP ports and relays) and a timer heap for the scheduled
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
    interface Handler {
        void onReady(SelectionKey key, long nowNanos);

        /**
         * {@link #onReady} threw: give up what this key serves (a connection), never the loop, and
         * leave the key no longer ready (close its channel or clear its interest), or the loop would
         * call again at once. If this throws too, the loop cancels the key and closes its channel.
         */
        void onFailure(SelectionKey key, Throwable failure);
    }

    private static final long ONE_MILLI_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long LISTEN_TIMEOUT_SECONDS = 5;

    final LinkContext link;
    final Selector selector;
    private final List<ServerSocketChannel> servers = new ArrayList<>();
    private final List<DatagramPort> ports = new ArrayList<>();
    /** Work handed over by other threads, run by the loop's thread between two selects. */
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final Map<InetAddress, Browser> browsers = new HashMap<>();
    private final Set<ProxyConnection> connections = new HashSet<>();
    private final Thread thread;
    private volatile boolean stopping;
    /** Set once the selector is closed: tasks queued after that fail instead of waiting for a dead thread. */
    private volatile boolean stopped;
    /** Why the loop ended on its own, or null. */
    private volatile Throwable failure;
    /** Completed once the loop has ended and closed everything: with its failure, or null after {@link #stop}. */
    private final CompletableFuture<Throwable> ended = new CompletableFuture<>();

    private EventLoop(LinkProfile profile, ServerSocketChannel server, long seed, int datagramQueueBytes)
            throws IOException {
        warmCloseMachinery();
        this.link = new LinkContext(profile, seed, datagramQueueBytes);
        this.selector = Selector.open();
        this.thread = new Thread(this, "muxbench-link-" + server.socket().getLocalPort());
        this.thread.setDaemon(true);
    }

    /**
     * Makes the JDK set up what closing a socket needs while descriptors are still free. On Linux the
     * first socket close initialises {@code sun.nio.ch.FileDispatcherImpl}, which opens a socket pair
     * of its own; if that first close happens when the process is out of descriptors, the class
     * fails to initialise and every later close in the JVM throws {@code NoClassDefFoundError}
     * (seen with the process out of descriptors). Best effort: other JDKs may have no such class.
     */
    private static void warmCloseMachinery() {
        try {
            Class.forName("sun.nio.ch.FileDispatcherImpl", true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // Another JDK, or already broken: the per-event handling below still contains the damage.
        }
    }

    /** Starts serving {@code server} (bound already) on a new daemon thread, TCP only. */
    public static EventLoop start(LinkProfile profile, ServerSocketChannel server, InetSocketAddress upstream, long seed)
            throws IOException {
        return start(profile, server, null, upstream, seed, defaultDatagramQueueBytes(profile));
    }

    /**
     * Starts serving {@code server} and {@code udp} (both bound already; udp may be null) on a new
     * daemon thread, each UDP relay with a drop-tail queue of {@code datagramQueueBytes} per direction.
     */
    public static EventLoop start(LinkProfile profile, ServerSocketChannel server, DatagramChannel udp,
                                  InetSocketAddress upstream, long seed, int datagramQueueBytes) throws IOException {
        EventLoop loop = new EventLoop(profile, server, seed, datagramQueueBytes);
        try {
            loop.register(server, udp, upstream);
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
        listen(server, null, upstream);
    }

    /** As {@link #listen(ServerSocketChannel, InetSocketAddress)}, with UDP relayed from {@code udp} (bound already) too. */
    public void listen(ServerSocketChannel server, DatagramChannel udp, InetSocketAddress upstream) throws IOException {
        if (stopping || stopped) {
            throw stoppedException();
        }
        CompletableFuture<Void> registered = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                register(server, udp, upstream);
                registered.complete(null);
            } catch (Throwable e) {
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

    /** Twice the bandwidth-delay product, at least 256 KiB and at most 8 MiB (a TCP flow's bound): what a UDP relay queues per direction. */
    public static int defaultDatagramQueueBytes(LinkProfile profile) {
        return LinkContext.defaultDatagramQueueBytes(profile);
    }

    private void register(ServerSocketChannel server, DatagramChannel udp, InetSocketAddress upstream) throws IOException {
        if (!selector.isOpen()) {
            throw stoppedException();
        }
        if (udp != null) {
            ports.add(new DatagramPort(link, selector, udp, upstream, this::browser));
        }
        server.configureBlocking(false);
        Acceptor acceptor = new Acceptor(link.timers, server::accept, (client, now) -> adopt(client, upstream, now));
        acceptor.attach(server.register(selector, SelectionKey.OP_ACCEPT, acceptor));
        servers.add(server);
    }

    private IOException stoppedException() {
        Throwable cause = failure;
        return cause == null ? new IOException("the link has stopped")
                : new IOException("the link has stopped: " + describe(cause), cause);
    }

    /** A throwable as one line: its class and the first line of its message. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
        return failure.getClass().getName() + (firstLine.isEmpty() ? "" : ": " + firstLine);
    }

    /** Why the loop ended by itself (not by {@link #stop}), or null while it runs or after a stop. */
    public Throwable failure() {
        return failure;
    }

    /** Whether the loop still serves its listeners: false once stopped or dead. */
    public boolean isRunning() {
        return !stopping && !stopped && thread.isAlive();
    }

    /**
     * Completes once the loop has ended and closed every socket: with the failure that ended it, or
     * with null after {@link #stop}.
     */
    public CompletableFuture<Throwable> ended() {
        return ended.copy();
    }

    /** Connections accepted from now on are numbered from {@code first} again, per browser; callable from any thread. */
    public void renumberConnections(int first) {
        link.numberingStart = first;
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
        } catch (Throwable e) {
            // Every event contains its own failures, so this is the selector itself (or memory) gone:
            // the link cannot go on, and must not look as if it did.
            failure = e;
        } finally {
            try {
                shutDown();
            } finally {
                ended.complete(failure);
            }
        }
    }

    /** Runs {@code task} on the loop's thread, between two selects; a task that throws costs only itself. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
        LockSupport.unpark(thread);
    }

    private void runTasks() {
        for (Runnable task; (task = tasks.poll()) != null; ) {
            try {
                task.run();
            } catch (Throwable e) {
                link.counters.internalErrors.incrementAndGet();
            }
        }
    }

    private void runDueTimers() {
        TimerHeap timers = link.timers;
        long now = System.nanoTime();
        while (timers.size() > 0 && timers.peekDue() - now <= 0) {
            long due = timers.peekDue();
            Scheduled task = timers.poll();
            try {
                task.fire(due, now);
            } catch (Throwable e) {
                link.counters.internalErrors.incrementAndGet();
                try {
                    task.onFailure(e);
                } catch (Throwable again) {
                    // Nothing more this task can give up; the loop goes on.
                }
            }
        }
    }

    private void dispatch(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        Handler handler = (Handler) key.attachment();
        try {
            handler.onReady(key, System.nanoTime());
        } catch (Throwable e) {
            link.counters.internalErrors.incrementAndGet();
            try {
                handler.onFailure(key, e);
            } catch (Throwable again) {
                // A key left ready would fail again on every select: drop it and its channel.
                key.cancel();
                closeQuietly(key.channel());
            }
        }
    }

    /** Proxies a freshly accepted client; any failure closes that client and nothing else. */
    private void adopt(SocketChannel client, InetSocketAddress upstream, long nowNanos) {
        ProxyConnection connection;
        try {
            Browser browser = browser(((InetSocketAddress) client.getRemoteAddress()).getAddress());
            connection = new ProxyConnection(this, client, browser, nowNanos);
        } catch (Throwable e) {
            // Typically out of descriptors for the upstream socket: this client gets a reset.
            closeQuietly(client);
            return;
        }
        connections.add(connection);
        link.counters.connections.incrementAndGet();
        connection.open(upstream); // resets both sides itself if it fails
    }

    /** The browser of a client address, TCP and UDP alike: its bottlenecks are shared by both. */
    private Browser browser(InetAddress source) {
        return browsers.computeIfAbsent(source,
                a -> new Browser(a, link.timers, link.profile.upBitsPerSecond(), link.profile.downBitsPerSecond()));
    }

    void forget(ProxyConnection connection) {
        connections.remove(connection);
    }

    private void shutDown() {
        for (ProxyConnection connection : new ArrayList<>(connections)) {
            try {
                connection.close(false);
            } catch (Throwable e) {
                // Close the rest regardless.
            }
        }
        for (DatagramPort port : ports) {
            try {
                port.close();
            } catch (Throwable e) {
                // Close the rest regardless.
            }
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
        } catch (Throwable ignored) {
            // Closing anyway; nothing else to do with a channel that fails to close.
        }
    }
}
