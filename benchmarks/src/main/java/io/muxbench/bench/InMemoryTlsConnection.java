package io.muxbench.bench;

import java.nio.ByteBuffer;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * A client and a server {@link SSLEngine} wired to each other through two in-memory buffers: a
 * TLS connection without sockets, so the benchmarks measure the JDK's TLS code and nothing of the
 * network stack.
 *
 * <pre>{@code
 * InMemoryTlsConnection connection = new InMemoryTlsConnection(tls, "TLSv1.3", null, false);
 * connection.handshake();
 * int received = connection.sendToServer(plaintext);
 * }</pre>
 */
final class InMemoryTlsConnection {
    /** A peer identity for the client's session cache: the JDK only resumes when it has one. */
    static final String RESUMPTION_HOST = "bench.muxbench.io";
    private static final int RESUMPTION_PORT = 443;
    private static final int NET_BUFFER_BYTES = 128 * 1024;
    private static final int MAX_STEPS = 200;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    final SSLEngine client;
    final SSLEngine server;
    // Both kept in fill mode: position = bytes waiting for the other side.
    private final ByteBuffer clientToServer = ByteBuffer.allocate(NET_BUFFER_BYTES);
    private final ByteBuffer serverToClient = ByteBuffer.allocate(NET_BUFFER_BYTES);
    private final ByteBuffer clientApp;
    private final ByteBuffer serverApp;

    /**
     * @param tls the contexts to create the engines from
     * @param protocol "TLSv1.3" or "TLSv1.2", the only protocol both engines enable
     * @param cipherSuite the only suite the client offers, or null for the JDK's defaults
     * @param resumable whether the client engine names its peer, so the client can cache and
     *        offer a session (or a TLS 1.3 ticket) from an earlier connection to the same peer
     */
    InMemoryTlsConnection(TlsContexts tls, String protocol, String cipherSuite, boolean resumable) {
        client = resumable ? tls.client.createSSLEngine(RESUMPTION_HOST, RESUMPTION_PORT) : tls.client.createSSLEngine();
        client.setUseClientMode(true);
        client.setEnabledProtocols(new String[] {protocol});
        if (cipherSuite != null) {
            client.setEnabledCipherSuites(new String[] {cipherSuite});
        }
        server = tls.server.createSSLEngine();
        server.setUseClientMode(false);
        server.setEnabledProtocols(new String[] {protocol});
        clientApp = ByteBuffer.allocate(NET_BUFFER_BYTES);
        serverApp = ByteBuffer.allocate(NET_BUFFER_BYTES);
    }

    /**
     * Runs the handshake to its end, including what follows it (a TLS 1.3 server's
     * NewSessionTicket), so that no handshake message is left for the next operation.
     *
     * @throws SSLException when either side fails the handshake
     * @throws IllegalStateException when the engines stop making progress
     */
    void handshake() throws SSLException {
        client.beginHandshake();
        server.beginHandshake();
        for (int step = 0; step < MAX_STEPS; step++) {
            boolean moved = advance(client, serverToClient, clientToServer, clientApp);
            moved |= advance(server, clientToServer, serverToClient, serverApp);
            if (!moved) {
                SelfCheck.require(isIdle(client) && isIdle(server)
                        && clientToServer.position() == 0 && serverToClient.position() == 0,
                        "TLS handshake stuck: client " + client.getHandshakeStatus() + ", server "
                                + server.getHandshakeStatus());
                return;
            }
        }
        throw new IllegalStateException("TLS handshake did not finish in " + MAX_STEPS + " steps");
    }

    /**
     * Encrypts {@code plaintext} on the client and decrypts it on the server.
     *
     * @param plaintext what to send; its position is not changed
     * @return the server's application buffer, in read mode, holding what it decrypted
     */
    ByteBuffer sendToServer(ByteBuffer plaintext) throws SSLException {
        ByteBuffer source = plaintext.duplicate();
        clientToServer.clear();
        while (source.hasRemaining()) {
            requireOk(client.wrap(source, clientToServer), client);
        }
        clientToServer.flip();
        serverApp.clear();
        while (clientToServer.hasRemaining()) {
            requireOk(server.unwrap(clientToServer, serverApp), server);
        }
        clientToServer.clear();
        return serverApp.flip();
    }

    private static boolean isIdle(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    /** Lets one engine do everything it can right now; returns whether it did anything. */
    private static boolean advance(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer app)
            throws SSLException {
        boolean moved = false;
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
                moved = true;
            } else if (status == HandshakeStatus.NEED_WRAP) {
                SSLEngineResult result = engine.wrap(NOTHING, out);
                requireOk(result, engine);
                if (result.bytesProduced() == 0 && result.getHandshakeStatus() == status) {
                    return moved;
                }
                moved = true;
            } else if (in.position() > 0) {
                // NEED_UNWRAP during the handshake, or a post-handshake message after it.
                in.flip();
                SSLEngineResult result = engine.unwrap(in, app);
                in.compact();
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    return moved;
                }
                requireOk(result, engine);
                app.clear();
                if (result.bytesConsumed() == 0 && result.getHandshakeStatus() == status) {
                    return moved;
                }
                moved = true;
            } else {
                return moved;
            }
        }
    }

    private static void requireOk(SSLEngineResult result, SSLEngine engine) {
        SelfCheck.require(result.getStatus() == SSLEngineResult.Status.OK,
                (engine.getUseClientMode() ? "client" : "server") + " engine: " + result);
    }
}
