package io.muxbench.driver.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Random bytes through the link, in front of the echo upstream: chunks of any size (empty to
 * several megabytes), on several connections at once, ended by a half-close, a plain close or a
 * reset (SO_LINGER 0). Whatever came before, the link stays up, has no internal error, echoes
 * intact whatever a half-closed connection sent, and a well-formed exchange afterwards gets through.
 * Jazzer builds the sessions from its input. Every socket read has a timeout, and every session is
 * awaited with one.
 */
class LinkFuzzIT {

    private static final int READ_TIMEOUT_MILLIS = 20_000;
    private static final int SESSION_TIMEOUT_SECONDS = 60;

    private static TestUpstream upstream;
    private static LinkEmulator link;
    private static ExecutorService threads;

    /** How a session ends. */
    enum Ending {
        /** Shut the output, read the whole echo to EOF, and compare. */
        HALF_CLOSE_AND_READ,
        /** Close without reading what came back. */
        CLOSE,
        /** Close with SO_LINGER 0: an RST, possibly with data still in flight. */
        RESET
    }

    /** A chunk of {@code length} bytes drawn from {@code seed} (generated lazily, so huge ones cost little to keep). */
    record Chunk(int length, long seed) {
        byte[] bytes() {
            byte[] bytes = new byte[length];
            new Random(seed).nextBytes(bytes);
            return bytes;
        }
    }

    record Session(List<Chunk> chunks, Ending ending) {
    }

    @BeforeAll
    static void start() throws IOException {
        upstream = new TestUpstream();
        // A little loss, so that retransmission and reordering paths see the random traffic too.
        link = LinkEmulator.start(LinkProfile.parse("rtt=2ms,down=200mbit,up=200mbit,loss=0.5%"), upstream.address(), 3);
        threads = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() throws Exception {
        link.close();
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        upstream.close();
    }

    @FuzzTest(maxDuration = "10s")
    void randomTrafficLeavesTheLinkUpAndEchoingIntact(FuzzedDataProvider data) throws Exception {
        List<Session> sessions = sessions(data);
        List<Future<?>> running = new ArrayList<>();
        for (Session session : sessions) {
            running.add(threads.submit(() -> {
                run(session);
                return null;
            }));
        }
        for (Future<?> future : running) {
            try {
                future.get(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("a session hung: " + sessions, e);
            }
        }
        assertTrue(link.isRunning());
        assertEquals(0, link.stats().internalErrors(), link.stats().summary());
        Session wellFormed = new Session(List.of(new Chunk(100_000, 1)), Ending.HALF_CLOSE_AND_READ);
        run(wellFormed);
    }

    private static void run(Session session) throws Exception {
        try (Socket socket = new Socket(link.address().getAddress(), link.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // Drain what comes back meanwhile: an echo nobody reads would stop the sender, not the link.
            Future<byte[]> echoed = threads.submit(() -> readToEnd(in));
            CRC32 sent = new CRC32();
            long sentBytes = 0;
            try {
                out.write('E');
                for (Chunk chunk : session.chunks()) {
                    byte[] bytes = chunk.bytes();
                    out.write(bytes);
                    sent.update(bytes);
                    sentBytes += bytes.length;
                }
            } catch (IOException e) {
                if (session.ending() == Ending.HALF_CLOSE_AND_READ) {
                    throw e; // nothing here resets an echo that is read
                }
            }
            switch (session.ending()) {
                case HALF_CLOSE_AND_READ -> {
                    socket.shutdownOutput();
                    byte[] back = echoed.get(SESSION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    CRC32 received = new CRC32();
                    received.update(back);
                    assertEquals(sentBytes, back.length, "bytes echoed");
                    assertEquals(sent.getValue(), received.getValue(), "echo intact");
                }
                case CLOSE -> socket.close();
                case RESET -> {
                    socket.setSoLinger(true, 0);
                    socket.close();
                }
            }
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no EOF within " + READ_TIMEOUT_MILLIS + " ms", e);
        } catch (IOException e) {
            return new byte[0]; // closed or reset by this side: what came back does not matter
        }
    }

    /** One to four sessions of up to six chunks each. */
    private static List<Session> sessions(FuzzedDataProvider data) {
        List<Session> sessions = new ArrayList<>();
        int count = data.consumeInt(1, 4);
        for (int s = 0; s < count; s++) {
            List<Chunk> chunks = new ArrayList<>();
            int chunkCount = data.consumeInt(0, 6);
            for (int c = 0; c < chunkCount; c++) {
                chunks.add(new Chunk(chunkLength(data), data.consumeLong()));
            }
            sessions.add(new Session(chunks, data.pickValue(Ending.values())));
        }
        return sessions;
    }

    /** Empty, small, up to 64 KiB, or several MiB, weighted 2:4:4:1. */
    private static int chunkLength(FuzzedDataProvider data) {
        int weight = data.consumeInt(0, 10);
        if (weight < 2) {
            return 0;
        }
        if (weight < 6) {
            return data.consumeInt(1, 100);
        }
        return weight < 10 ? data.consumeInt(101, 65_536) : data.consumeInt(1 << 20, 4 << 20);
    }
}
