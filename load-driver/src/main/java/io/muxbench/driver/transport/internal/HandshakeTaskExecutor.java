package io.muxbench.driver.transport.internal;

import java.util.concurrent.Executor;

/**
 * The executor of a QUIC client codec's TLS tasks (its {@code sslTaskExecutor}): runs each task at
 * once, on the event loop that hands it over, and exists to save the cold QUIC handshake a round
 * trip.
 *
 * <p>Why: Netty 4.2's QUIC client runs certificate verification as a task. With Netty's default,
 * immediate executor it runs the task inside the receive of the server's last handshake datagram and
 * checks at once whether the connection is established, which it is not yet: quiche finishes the
 * handshake (and sends the client's Finished) only in the send that follows the receive. Netty
 * looks again only when the next datagram arrives, the server's HANDSHAKE_DONE one round trip later,
 * and only then completes the connect future; the first request waits that round trip. With any
 * other executor Netty runs the task through it and then queues "look again, then send" on the
 * event loop; queued, the look comes after the receive's own send, so it finds the handshake done
 * and completes the connect future with no datagram more. Browsers send their first request right
 * after their Finished. ({@code BrowserClientOverHttp3IT} proves it against a server that says
 * nothing after the handshake until the client speaks.)
 *
 * <pre>{@code
 * Http3.newQuicClientCodecBuilder().sslTaskExecutor(HandshakeTaskExecutor.INSTANCE)
 * }</pre>
 */
public final class HandshakeTaskExecutor implements Executor {

    /** The one instance; it holds no state. */
    public static final HandshakeTaskExecutor INSTANCE = new HandshakeTaskExecutor();

    private HandshakeTaskExecutor() {
    }

    @Override
    public void execute(Runnable task) {
        task.run();
    }
}
