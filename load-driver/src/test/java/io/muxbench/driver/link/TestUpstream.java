package io.muxbench.driver.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny blocking upstream on loopback for the link tests, one thread per connection. Each
 * connection's first byte picks what it does: {@code 'E'} echoes until EOF, then closes;
 * {@code 'S'} followed by a 4-byte count sends that many bytes of {@link #content} and closes.
 * {@link #endings} says how each connection ended.
 */
final class TestUpstream implements AutoCloseable {

    static final long CONTENT_SEED = 7;

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<String> endings = new LinkedBlockingQueue<>();

    TestUpstream() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** The deterministic bytes the {@code 'S'} command sends. */
    static byte[] content(int length) {
        byte[] bytes = new byte[length];
        new Random(CONTENT_SEED).nextBytes(bytes);
        return bytes;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            int command = in.read();
            if (command == 'E') {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                }
            } else if (command == 'S') {
                int length = (in.read() << 24) | (in.read() << 16) | (in.read() << 8) | in.read();
                out.write(content(length));
            }
            endings.add("completed");
        } catch (IOException e) {
            endings.add("failed: " + e.getMessage());
        }
    }

    /** "completed" or "failed: ..." for each connection that ended, in the order they ended. */
    BlockingQueue<String> endings() {
        return endings;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }
}
