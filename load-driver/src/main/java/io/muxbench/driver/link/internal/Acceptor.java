package io.muxbench.driver.link.internal;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * Accepts the connections of one listening socket (route). When accepting fails (typically out of
 * file descriptors) it stops listening for a pause, then tries again: the selector is
 * level-triggered, so a listener that stays ready with a connection it cannot accept would
 * otherwise spin the loop's thread until a descriptor frees. The pause doubles, from 10 ms up to
 * one second, while accepting keeps failing. Loop thread only.
 */
final class Acceptor extends Scheduled implements EventLoop.Handler {

    static final long FIRST_PAUSE_NANOS = 10_000_000L;
    static final long MAX_PAUSE_NANOS = 1_000_000_000L;

    /** Takes the next pending connection, or null if none is waiting. */
    @FunctionalInterface
    interface Accepting {
        SocketChannel accept() throws IOException;
    }

    /** Takes over an accepted connection; must not throw (closes it on failure). */
    @FunctionalInterface
    interface Adopting {
        void adopt(SocketChannel client, long nowNanos);
    }

    private final Accepting accepting;
    private final Adopting adopting;
    private SelectionKey key;
    private long nextPauseNanos = FIRST_PAUSE_NANOS;
    private boolean paused;

    Acceptor(TimerHeap timers, Accepting accepting, Adopting adopting) {
        super(timers);
        this.accepting = accepting;
        this.adopting = adopting;
    }

    /** The listener's key, registered for {@link SelectionKey#OP_ACCEPT} with this as its attachment. */
    void attach(SelectionKey key) {
        this.key = key;
    }

    boolean isPaused() {
        return paused;
    }

    @Override
    public void onReady(SelectionKey readyKey, long nowNanos) {
        while (!paused) {
            SocketChannel client;
            try {
                client = accepting.accept();
            } catch (Throwable e) {
                // An IOException (EMFILE, ENFILE, ENOBUFS) or, as seen out of descriptors, an Error
                // from the JDK's own class initialisation: either way, not now.
                pause(nowNanos);
                return;
            }
            if (client == null) {
                return;
            }
            nextPauseNanos = FIRST_PAUSE_NANOS;
            adopting.adopt(client, nowNanos);
        }
    }

    @Override
    public void onFailure(SelectionKey failedKey, Throwable failure) {
        pause(System.nanoTime());
    }

    private void pause(long nowNanos) {
        paused = true;
        if (key.isValid()) {
            key.interestOps(0);
        }
        armAt(nowNanos + nextPauseNanos);
        nextPauseNanos = Math.min(2 * nextPauseNanos, MAX_PAUSE_NANOS);
    }

    @Override
    void onTimer(long nowNanos) {
        paused = false;
        if (key.isValid()) {
            key.interestOps(SelectionKey.OP_ACCEPT);
        }
    }

    @Override
    void onFailure(Throwable failure) {
        onTimer(System.nanoTime());
    }
}
