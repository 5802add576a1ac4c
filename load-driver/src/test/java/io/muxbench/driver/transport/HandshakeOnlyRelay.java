package io.muxbench.driver.transport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A UDP relay in front of a QUIC server that makes it a server which answers the handshake and then
 * says nothing until the client speaks: the server's datagrams that start with a long header
 * (Initial, Handshake) pass at once, its 1-RTT datagrams (short header, after the handshake: the
 * HANDSHAKE_DONE above all) are held until the client has sent a 1-RTT datagram of its own. A client
 * that waits for the server's HANDSHAKE_DONE before it sends a request never gets it.
 */
final class HandshakeOnlyRelay implements AutoCloseable {

    private final DatagramSocket clientSide;
    private final DatagramSocket serverSide;
    private final List<DatagramPacket> held = new ArrayList<>();
    private SocketAddress client;
    private boolean clientSpokeAfterHandshake;

    HandshakeOnlyRelay(InetSocketAddress server) throws SocketException {
        clientSide = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        serverSide = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        serverSide.connect(server);
        start("relay-up", this::relayUp);
        start("relay-down", this::relayDown);
    }

    private static void start(String name, Loop loop) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (IOException closed) {
                // the relay was closed
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private interface Loop {
        void run() throws IOException;
    }

    /** The relay's address, for the client. */
    URI uri() {
        return URI.create("https://127.0.0.1:" + clientSide.getLocalPort() + "/");
    }

    private static boolean shortHeader(DatagramPacket packet) {
        return packet.getLength() > 0 && (packet.getData()[packet.getOffset()] & 0x80) == 0;
    }

    private void relayUp() throws IOException {
        while (true) {
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            clientSide.receive(packet);
            List<DatagramPacket> release = List.of();
            synchronized (this) {
                client = packet.getSocketAddress();
                if (!clientSpokeAfterHandshake && shortHeader(packet)) {
                    clientSpokeAfterHandshake = true;
                    release = new ArrayList<>(held);
                    held.clear();
                }
            }
            serverSide.send(new DatagramPacket(packet.getData(), packet.getOffset(), packet.getLength()));
            for (DatagramPacket down : release) {
                clientSide.send(down);
            }
        }
    }

    private void relayDown() throws IOException {
        while (true) {
            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            serverSide.receive(packet);
            DatagramPacket down;
            synchronized (this) {
                down = new DatagramPacket(packet.getData(), packet.getOffset(), packet.getLength(), client);
                if (shortHeader(packet) && !clientSpokeAfterHandshake) {
                    held.add(down);
                    continue;
                }
            }
            clientSide.send(down);
        }
    }

    @Override
    public void close() {
        clientSide.close();
        serverSide.close();
    }
}
