package io.muxbench.driver.link.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.link.LinkProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The event loop under injected failures: what throws while serving one channel or one
 * timer costs that channel or timer only; a loop whose selector breaks stops, says why, and takes
 * no new listener.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EventLoopIT {

    private static final int WAIT_SECONDS = 10;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private ServerSocket echo;
    private ServerSocketChannel listener;
    private EventLoop loop;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::echoLoop);
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        loop = EventLoop.start(LinkProfile.parse("lan"), listener, (InetSocketAddress) echo.getLocalSocketAddress(), 1);
    }

    @AfterEach
    void stop() throws Exception {
        loop.stop();
        echo.close();
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aHandlerThatThrowsCostsItsOwnChannelAndTheLinkKeepsForwarding() throws Exception {
        CompletableFuture<Throwable> givenUp = new CompletableFuture<>();
        Pipe pipe = Pipe.open();
        register(pipe, new Thrower(new NoClassDefFoundError("Could not initialize class sun.nio.ch.FileDispatcherImpl"),
                failure -> {
                    closeQuietly(pipe.source()); // as ProxyConnection.abort does
                    givenUp.complete(failure);
                }));
        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));

        assertTrue(givenUp.get(WAIT_SECONDS, TimeUnit.SECONDS) instanceof NoClassDefFoundError);
        assertEchoes();
        assertTrue(loop.isRunning());
        assertEquals(1, loop.link.counters.internalErrors.get());
        pipe.sink().close();
    }

    @Test
    void aHandlerWhoseRecoveryThrowsTooLosesItsKeyAndChannelAndNothingElse() throws Exception {
        CompletableFuture<Throwable> givenUp = new CompletableFuture<>();
        Pipe pipe = Pipe.open();
        register(pipe, new Thrower(new IllegalStateException("broken"), failure -> {
            givenUp.complete(failure);
            throw new IllegalStateException("broken again");
        }));
        pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
        givenUp.get(WAIT_SECONDS, TimeUnit.SECONDS);

        // Tasks run on the loop's thread after the event that failed: by then its channel is closed.
        CompletableFuture<Boolean> sourceOpen = new CompletableFuture<>();
        loop.execute(() -> sourceOpen.complete(pipe.source().isOpen()));
        assertFalse(sourceOpen.get(WAIT_SECONDS, TimeUnit.SECONDS), "the failing channel is closed");
        assertEchoes();
        assertTrue(loop.isRunning());
        pipe.sink().close();
    }

    @Test
    void aTimerThatThrowsGivesUpItsTaskAndTheLinkKeepsForwarding() throws Exception {
        CompletableFuture<Throwable> givenUp = new CompletableFuture<>();
        Scheduled failing = new Scheduled(loop.link.timers) {
            @Override
            void onTimer(long nowNanos) {
                throw new OutOfMemoryError("injected");
            }

            @Override
            void onFailure(Throwable failure) {
                givenUp.complete(failure);
            }
        };
        loop.execute(() -> failing.armAt(System.nanoTime()));

        assertTrue(givenUp.get(WAIT_SECONDS, TimeUnit.SECONDS) instanceof OutOfMemoryError);
        assertEchoes();
        assertTrue(loop.isRunning());
    }

    @Test
    void aTaskThatThrowsCostsOnlyItself() throws Exception {
        loop.execute(() -> {
            throw new IllegalStateException("injected");
        });
        assertEchoes();
        assertTrue(loop.isRunning());
    }

    @Test
    void aLoopWhoseSelectorBreaksStopsSaysWhyAndTakesNoNewListener() throws Exception {
        int port = listener.socket().getLocalPort();
        LoopFaults.breakSelector(loop);

        Throwable failure = loop.ended().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(failure instanceof ClosedSelectorException, String.valueOf(failure));
        assertFalse(loop.isRunning());
        assertEquals(failure, loop.failure());
        assertFalse(listener.isOpen(), "the listener is closed, not left looking alive");
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        try (ServerSocketChannel another = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            IOException refused = assertThrows(IOException.class,
                    () -> loop.listen(another, (InetSocketAddress) echo.getLocalSocketAddress()));
            assertTrue(refused.getMessage().contains("ClosedSelectorException"), refused.getMessage());
        }
    }

    @Test
    void aStoppedLoopHasNoFailure() throws Exception {
        loop.stop();
        assertNull(loop.ended().get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertNull(loop.failure());
        assertFalse(loop.isRunning());
    }

    /** A handler that throws {@code failure} when ready, and passes it to {@code recovery}. */
    private record Thrower(Throwable failure, java.util.function.Consumer<Throwable> recovery) implements EventLoop.Handler {
        @Override
        public void onReady(SelectionKey key, long nowNanos) {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure;
        }

        @Override
        public void onFailure(SelectionKey key, Throwable thrown) {
            recovery.accept(thrown);
        }
    }

    private void register(Pipe pipe, EventLoop.Handler handler) throws Exception {
        CompletableFuture<Void> registered = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                pipe.source().configureBlocking(false);
                pipe.source().register(loop.selector, SelectionKey.OP_READ, handler);
                registered.complete(null);
            } catch (IOException e) {
                registered.completeExceptionally(e);
            }
        });
        registered.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** A well-formed exchange through the link gets its bytes back intact. */
    private void assertEchoes() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), listener.socket().getLocalPort())) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            byte[] hello = "hello through the link".getBytes(StandardCharsets.US_ASCII);
            socket.getOutputStream().write(hello);
            assertArrayEquals(hello, socket.getInputStream().readNBytes(hello.length));
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    private void echoLoop() {
        while (!echo.isClosed()) {
            try {
                Socket socket = echo.accept();
                threads.execute(() -> {
                    try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException ignored) {
                        // The client went away.
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }
}
