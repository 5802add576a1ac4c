package io.muxbench.driver.link.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The accept back-off, driven by hand: a real listener's selection key, a scripted accept, and the
 * timer heap fired at the times it asks for (no loop thread, no clock).
 */
class AcceptorTest {

    private static final long NOW = 1_000_000_000L;

    private final TimerHeap timers = new TimerHeap();
    /** What each accept() does: return a channel, or throw; once empty, nothing is waiting (null). */
    private final Queue<Object> script = new ArrayDeque<>();
    private final List<SocketChannel> adopted = new ArrayList<>();
    private Selector selector;
    private ServerSocketChannel server;
    private SelectionKey key;
    private Acceptor acceptor;

    @BeforeEach
    void listen() throws IOException {
        selector = Selector.open();
        server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        server.configureBlocking(false);
        acceptor = new Acceptor(timers, this::scriptedAccept, (client, now) -> adopted.add(client));
        key = server.register(selector, SelectionKey.OP_ACCEPT, acceptor);
        acceptor.attach(key);
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        selector.close();
    }

    private SocketChannel scriptedAccept() throws IOException {
        Object next = script.poll();
        if (next instanceof IOException e) {
            throw e;
        }
        if (next instanceof Error e) {
            throw e;
        }
        return (SocketChannel) next;
    }

    @Test
    void stopsListeningAfterAFailedAcceptAndListensAgainWhenThePauseIsOver() {
        script.add(new IOException("Too many open files"));
        acceptor.onReady(key, NOW);
        assertTrue(acceptor.isPaused());
        assertEquals(0, key.interestOps(), "a ready listener left registered would spin the loop");
        assertEquals(NOW + Acceptor.FIRST_PAUSE_NANOS, timers.peekDue());

        fireNext();
        assertFalse(acceptor.isPaused());
        assertEquals(SelectionKey.OP_ACCEPT, key.interestOps());
    }

    @Test
    void anErrorFromAcceptPausesLikeAnIOException() {
        // What was seen out of descriptors: the JDK's class initialisation failing inside accept/close.
        script.add(new NoClassDefFoundError("Could not initialize class sun.nio.ch.FileDispatcherImpl"));
        acceptor.onReady(key, NOW);
        assertTrue(acceptor.isPaused());
        assertEquals(0, key.interestOps());
    }

    @Test
    void thePauseDoublesWhileAcceptKeepsFailingUpToASecondAndStartsOverAfterASuccess() {
        long now = NOW;
        long expected = Acceptor.FIRST_PAUSE_NANOS;
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            script.add(new IOException("Too many open files"));
            acceptor.onReady(key, now);
            long due = timers.peekDue();
            pauses.add(due - now);
            assertEquals(expected, due - now, "pause " + i + " of " + pauses);
            now = fireNext();
            expected = Math.min(2 * expected, Acceptor.MAX_PAUSE_NANOS);
        }
        assertEquals(Acceptor.MAX_PAUSE_NANOS, pauses.get(pauses.size() - 1));

        acceptor.onReady(key, now); // nothing waiting: no success, no failure, no pause
        assertFalse(acceptor.isPaused());

        script.add(placeholderChannel());
        script.add(new IOException("Too many open files"));
        acceptor.onReady(key, now);
        assertEquals(1, adopted.size());
        assertEquals(now + Acceptor.FIRST_PAUSE_NANOS, timers.peekDue(), "a success starts the pauses over");
    }

    @Test
    void acceptsEveryWaitingConnectionUntilNoneIsLeft() {
        script.add(placeholderChannel());
        script.add(placeholderChannel());
        acceptor.onReady(key, NOW);
        assertEquals(2, adopted.size());
        assertFalse(acceptor.isPaused());
        assertEquals(TimerHeap.NONE, timers.peekDue());
    }

    /** Fires the earliest timer at its due time and returns that time. */
    private long fireNext() {
        long due = timers.peekDue();
        timers.poll().fire(due, due);
        return due;
    }

    private SocketChannel placeholderChannel() {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.close(); // the acceptor only hands it over
            return channel;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
