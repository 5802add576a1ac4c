package io.muxbench.driver.transport;

import io.muxbench.driver.tls.SelfSignedCertificate;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A scripted HTTP/2 server over TLS for the h2 client's tests, on plain sockets so that it can hold
 * back what Jetty's server sends at once: it sends nothing of HTTP/2, not even its SETTINGS, until
 * the client's first {@code heldFor} HEADERS arrived. Then it announces {@code limit} concurrent
 * streams, refuses the streams beyond it (RST_STREAM REFUSED_STREAM) and answers each stream it
 * took, 200 without a body, after a think time that keeps it open. A HEADERS that comes later while
 * {@code limit} streams are open (the client ignored the limit it knew) is counted and refused.
 * One connection at a time.
 */
final class HeldSettingsHttp2Server implements AutoCloseable {

    private static final int HEADERS = 0x1, RST_STREAM = 0x3, SETTINGS = 0x4, GOAWAY = 0x7;
    private static final int ACK = 0x1, END_STREAM = 0x1, END_HEADERS = 0x4;
    private static final int SETTINGS_MAX_CONCURRENT_STREAMS = 0x3;
    private static final int REFUSED_STREAM = 0x7;
    /** HPACK: {@code :status 200}, entry 8 of the static table. */
    private static final byte STATUS_200 = (byte) 0x88;
    private static final long THINK_MILLIS = 30;

    private final int heldFor;
    private final int limit;
    private final SSLServerSocket server;
    private final Thread acceptor;
    private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger headersBeforeSettings = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger overLimit = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private volatile Throwable failure;
    private volatile SSLSocket connection;

    HeldSettingsHttp2Server(SelfSignedCertificate certificate, int heldFor, int limit) throws Exception {
        this.heldFor = heldFor;
        this.limit = limit;
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(certificate.keyStore(), SelfSignedCertificate.PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLSv1.3");
        tls.init(keys.getKeyManagers(), null, null);
        server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 8, InetAddress.getLoopbackAddress());
        SSLParameters parameters = server.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2"});
        server.setSSLParameters(parameters);
        acceptor = new Thread(this::accept, "held-settings-h2");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + server.getLocalPort() + "/");
    }

    /** HEADERS the server had received when it sent its SETTINGS. */
    int headersBeforeSettings() {
        return headersBeforeSettings.get();
    }

    /** Streams refused with REFUSED_STREAM. */
    int refused() {
        return refused.get();
    }

    /** HEADERS that came after the SETTINGS, with the client's first ones answered, beyond the limit. */
    int overLimit() {
        return overLimit.get();
    }

    /** What went wrong in the server's thread, if anything (null otherwise). */
    Throwable failure() {
        return failure;
    }

    private void accept() {
        while (!server.isClosed()) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                connection = socket;
                serve(socket);
            } catch (EOFException end) {
                // The client closed the connection.
            } catch (IOException e) {
                if (!server.isClosed()) {
                    failure = e;
                }
            }
        }
    }

    private void serve(SSLSocket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream();
        in.readFully(new byte[24]); // the client's preface
        List<Integer> held = new ArrayList<>();
        boolean settingsSent = false;
        boolean ackOwed = false;
        while (true) {
            int length = in.readUnsignedShort() << 8 | in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int streamId = in.readInt() & 0x7fff_ffff;
            byte[] payload = new byte[length];
            in.readFully(payload);
            if (type == GOAWAY) {
                return;
            }
            if (type == SETTINGS && (flags & ACK) == 0) {
                if (settingsSent) {
                    write(out, SETTINGS, ACK, 0, new byte[0]);
                } else {
                    ackOwed = true; // not even the acknowledgement goes before the SETTINGS
                }
            }
            if (type != HEADERS) {
                continue; // DATA never comes (GET), WINDOW_UPDATE and PRIORITY change nothing here
            }
            if (!settingsSent) {
                held.add(streamId);
                if (held.size() < heldFor) {
                    continue;
                }
                headersBeforeSettings.set(held.size());
                write(out, SETTINGS, 0, 0, ByteBuffer.allocate(6).putShort((short) SETTINGS_MAX_CONCURRENT_STREAMS).putInt(limit).array());
                settingsSent = true;
                if (ackOwed) {
                    write(out, SETTINGS, ACK, 0, new byte[0]);
                }
                for (int i = limit; i < held.size(); i++) {
                    refuse(out, held.get(i));
                }
                for (int i = 0; i < Math.min(limit, held.size()); i++) {
                    take(out, held.get(i));
                }
            } else if (open.get() >= limit) {
                overLimit.incrementAndGet();
                refuse(out, streamId);
            } else {
                take(out, streamId);
            }
        }
    }

    private void refuse(OutputStream out, int streamId) throws IOException {
        refused.incrementAndGet();
        write(out, RST_STREAM, 0, streamId, ByteBuffer.allocate(4).putInt(REFUSED_STREAM).array());
    }

    private void take(OutputStream out, int streamId) {
        open.incrementAndGet();
        answers.schedule(() -> {
            try {
                // Counted closed before the answer leaves, so the client cannot begin the next stream first.
                open.decrementAndGet();
                write(out, HEADERS, END_STREAM | END_HEADERS, streamId, new byte[] {STATUS_200});
            } catch (IOException e) {
                failure = e;
            }
        }, THINK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void write(OutputStream out, int type, int flags, int streamId, byte[] payload) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(9 + payload.length);
        frame.put((byte) (payload.length >>> 16)).putShort((short) payload.length);
        frame.put((byte) type).put((byte) flags).putInt(streamId).put(payload);
        synchronized (out) {
            out.write(frame.array());
            out.flush();
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        SSLSocket socket = connection;
        if (socket != null) {
            socket.close();
        }
        answers.shutdownNow();
        acceptor.join(5_000);
    }
}
