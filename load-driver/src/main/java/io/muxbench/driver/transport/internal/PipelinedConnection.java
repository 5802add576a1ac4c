package io.muxbench.driver.transport.internal;

import io.muxbench.driver.transport.FailureClassifier;
import io.muxbench.vocabulary.ErrorCause;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One HTTP/1.1 connection on a blocking socket, pipelined or not: responses are read in order by
 * the connection's own reader thread. A lone request on a connection with nothing else unanswered
 * (every request of {@code h1}) is written by the thread that assigned it, right after it lets go
 * of the lock: the socket's send buffer is empty then, so the write cannot block, and no thread is
 * woken for it. Anything more (a pipelined batch) is written back to back by a writer task on the
 * browser's executor. Its state is guarded by the owning client's lock ({@link Owner#lock()});
 * listeners are told outside it.
 *
 * <pre>{@code
 * boolean writeHere;
 * synchronized (owner.lock()) {
 *     connection.assign(request, System.nanoTime());
 *     writeHere = connection.flushLocked();
 * }
 * if (writeHere) {
 *     connection.writeNow();
 * }
 * }</pre>
 */
public final class PipelinedConnection {

    /** The client the connection belongs to. */
    public interface Owner {
        /** Guards every connection's queues and the client's. */
        Object lock();

        /** A TLS handshake finished with these results. */
        void negotiated(String tlsProtocol, String cipherSuite, String alpn);

        /** Requests completed or the connection closed: the client may hand out more work. Called without the lock. */
        void released(PipelinedConnection connection);

        /**
         * The connection closed before answering these (none had a byte of response); they go
         * first in the queue again, as a browser retries on a kept-alive connection the server
         * closed. Called without the lock.
         */
        void retry(List<PipelinedRequest> requests);
    }

    /** DRAINING: a write failed; the reader still takes the responses that arrived before the close. */
    private enum State { CONNECTING, OPEN, DRAINING, CLOSED }

    private final long id;
    private final ConnectionSettings settings;
    private final Owner owner;
    private final Object lock;
    /** Assigned and not yet answered, in request order. */
    private final ArrayDeque<PipelinedRequest> outstanding = new ArrayDeque<>();
    /** Assigned and not yet written. */
    private final ArrayDeque<PipelinedRequest> unwritten = new ArrayDeque<>();
    private final RequestEncoder encoder;
    private State state = State.CONNECTING;
    private boolean writing;
    private long nextStreamId = 1;
    private volatile boolean closedByClient;
    private volatile Socket rawSocket;
    private InputStream in;
    private OutputStream out;
    /** The writer's: one writes at a time ({@code writing}), so they are reused. */
    private final ArrayDeque<PipelinedRequest> batch = new ArrayDeque<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);

    public PipelinedConnection(long id, ConnectionSettings settings, Owner owner) {
        this.id = id;
        this.settings = settings;
        this.owner = owner;
        this.lock = owner.lock();
        this.encoder = new RequestEncoder(settings.authority(), settings.requestHeaders());
    }

    public long id() {
        return id;
    }

    /** Requests assigned and not answered yet; call with the lock held. */
    public int outstanding() {
        return outstanding.size();
    }

    /** Still takes requests; call with the lock held. */
    public boolean usable() {
        return state == State.CONNECTING || state == State.OPEN;
    }

    /** Gives it a request: it leaves the client's queue now. Call with the lock held, then {@link #flushLocked()}. */
    public void assign(PipelinedRequest request, long nowNanos) {
        request.connection = this;
        request.done = false;
        request.exchange.connectStartNanos = 0;
        request.exchange.connectEndNanos = 0;
        request.exchange.tlsEndNanos = 0;
        request.exchange.sentNanos = 0;
        request.exchange.beginNanos = nowNanos;
        request.exchange.connectionId = id;
        request.exchange.streamId = nextStreamId++;
        outstanding.add(request);
        unwritten.add(request);
    }

    /**
     * Starts connecting; the requests assigned meanwhile are written once connected. The reader
     * blocks for the connection's life, so it has its own thread rather than one of the shared
     * pool's (a thousand browsers would exhaust it); the thread ends when the socket closes.
     */
    public void start() {
        Thread reader = new Thread(this::run, settings.threadName() + "-c" + id);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts writing if there is something to write; call with the lock held. True when the caller
     * is to write it, by {@link #writeNow()} once it has let go of the lock.
     */
    public boolean flushLocked() {
        if (state != State.OPEN || writing || unwritten.isEmpty()) {
            return false;
        }
        writing = true;
        if (writableInline()) {
            return true;
        }
        settings.executor().execute(() -> writeLoop(false));
        return false;
    }

    /**
     * A lone request and nothing unanswered before it: every byte sent earlier has been read by the
     * server, so a head (at most 16 KiB) fits the socket's buffers and the write returns at once.
     */
    private boolean writableInline() {
        return unwritten.size() == 1 && outstanding.size() == 1;
    }

    /** Writes what {@link #flushLocked()} said to write here; call without the lock. */
    public void writeNow() {
        writeLoop(true);
    }

    private void run() {
        long connectStartNanos = System.nanoTime();
        long connectEndNanos;
        long tlsEndNanos = 0;
        try {
            CountingSocket raw = new CountingSocket(settings.bytesSent(), settings.bytesReceived());
            rawSocket = raw;
            if (closedByClient) {
                raw.close();
                return;
            }
            if (settings.bindAddress() != null) {
                raw.bind(settings.bindAddress());
            }
            raw.connect(new InetSocketAddress(settings.host(), settings.port()), settings.connectTimeoutMillis());
            connectEndNanos = Math.max(System.nanoTime(), connectStartNanos + settings.handshakeRttNanos());
            settings.connectionsOpened().incrementAndGet();
            raw.setTcpNoDelay(true);
            raw.setSoTimeout(settings.idleTimeoutMillis());
            Socket socket = raw;
            if (settings.sslContext() != null) {
                socket = Http11Handshake.handshake(raw, settings, owner);
                tlsEndNanos = Math.max(System.nanoTime(), connectEndNanos);
            }
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (Throwable failure) {
            if (!closedByClient) {
                die(classify(failure), describe("cannot connect to " + settings.host() + ":" + settings.port(), failure));
            }
            return;
        }
        boolean writeHere;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.OPEN;
            for (PipelinedRequest waited : unwritten) {
                waited.exchange.connectStartNanos = connectStartNanos;
                waited.exchange.connectEndNanos = connectEndNanos;
                waited.exchange.tlsEndNanos = tlsEndNanos;
            }
            writeHere = flushLocked();
        }
        if (writeHere) {
            writeNow();
        }
        readLoop();
    }

    /** Writes until nothing is left; {@code inline}: on the caller's thread, which hands anything beyond a lone request to the executor. */
    private void writeLoop(boolean inline) {
        while (true) {
            synchronized (lock) {
                if (state != State.OPEN || unwritten.isEmpty()) {
                    writing = false;
                    return;
                }
                if (inline && !writableInline()) {
                    settings.executor().execute(() -> writeLoop(false));
                    return;
                }
                PipelinedRequest next;
                while ((next = unwritten.poll()) != null) {
                    batch.add(next);
                }
            }
            bytes.reset();
            try {
                for (PipelinedRequest request : batch) {
                    encoder.encodeGet(request.exchange.resource.path(), request.exchange.resource.contentType(), bytes);
                }
                // Back to back in one write: the requests leave together, as pipelining means.
                bytes.writeTo(out);
                out.flush();
            } catch (Throwable failure) {
                batch.clear();
                boolean drain = failure instanceof java.net.SocketException;
                synchronized (lock) {
                    writing = false;
                    if (drain && state == State.OPEN) {
                        // The server closed (a reset, as requests it had not read were pipelined):
                        // answers it sent before may still wait unread, so the reader takes them,
                        // then meets the close and retries only what truly went unanswered.
                        state = State.DRAINING;
                    }
                }
                if (!closedByClient && !drain) {
                    die(classify(failure), describe("cannot write the requests", failure));
                }
                return;
            }
            long sentNanos = System.nanoTime();
            synchronized (lock) {
                for (PipelinedRequest request : batch) {
                    if (!request.done && request.connection == this) {
                        request.exchange.sentNanos = sentNanos;
                    }
                }
            }
            batch.clear();
        }
    }

    private void readLoop() {
        ResponseDecoder decoder = new ResponseDecoder();
        byte[] bytes = new byte[32 * 1024];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (true) {
                int n;
                try {
                    n = in.read(bytes);
                } catch (SocketTimeoutException idle) {
                    if (closeIfIdle()) {
                        return;
                    }
                    throw idle;
                }
                long readNanos = System.nanoTime();
                if (n < 0) {
                    if (decoder.parseEof(readNanos)) {
                        if (!completeHead(decoder)) {
                            return;
                        }
                        decoder.next();
                    }
                    endOfStream(decoder);
                    return;
                }
                buffer.limit(n).position(0);
                while (buffer.hasRemaining()) {
                    if (!decoder.parse(buffer, readNanos)) {
                        break;
                    }
                    if (!completeHead(decoder)) {
                        return;
                    }
                    decoder.next();
                }
            }
        } catch (ResponseDecoder.InvalidResponseException failure) {
            failHeadThenDie(decoder, ErrorCause.PROTOCOL, "invalid response: " + failure.getMessage());
        } catch (Throwable failure) {
            if (closedByClient) {
                return;
            }
            boolean betweenResponses = !decoder.midResponse() && failure instanceof java.net.SocketException;
            if (!(betweenResponses && retryUnanswered())) {
                failHeadThenDie(decoder, classify(failure), describe("connection failed", failure));
            }
        }
    }

    /** Completes the oldest request with the decoded response; false when the reader must stop. */
    /** Written by the reader thread; read by the writer too. */
    private volatile int responsesCompleted;

    private boolean completeHead(ResponseDecoder decoder) {
        PipelinedRequest head;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return false;
            }
            head = outstanding.poll();
            if (head != null) {
                head.done = true;
                long firstByte = decoder.firstByteNanos();
                if (head.exchange.sentNanos == 0 || head.exchange.sentNanos > firstByte) {
                    // The answer began before write() returned, or before the writer took its time
                    // stamp (a busy machine): the request was on the wire by then.
                    head.exchange.sentNanos = firstByte;
                }
            }
        }
        if (head == null) {
            die(ErrorCause.PROTOCOL, "a response arrived that no request asked for");
            return false;
        }
        responsesCompleted++;
        fill(head, decoder);
        head.notifyListener();
        owner.released(this);
        return true;
    }

    private static void fill(PipelinedRequest request, ResponseDecoder decoder) {
        request.exchange.status = decoder.status();
        request.exchange.firstByteNanos = decoder.firstByteNanos();
        request.exchange.lastByteNanos = decoder.lastByteNanos();
        request.exchange.bodyBytesReceived = decoder.bodyBytes();
    }

    private void endOfStream(ResponseDecoder decoder) {
        if (decoder.midResponse()) {
            failHeadThenDie(decoder, ErrorCause.RESET, "connection closed by the server mid-response after "
                    + decoder.bodyBytes() + " body bytes");
        } else if (!retryUnanswered()) {
            die(ErrorCause.RESET, "connection closed by the server before the response");
        }
    }

    /**
     * A kept-alive connection the server ended between responses (idle, Connection: close, or a close
     * with requests pipelined after its last answer still unread, which the kernel turns into a reset,
     * seen by the reader once it has read what arrived before): the requests it did not answer go to a new connection, as
     * browsers retry them. Each retry follows at least one answered request, so this cannot loop.
     *
     * @return false when nothing was answered on it yet: then the caller fails what it owes
     */
    private boolean retryUnanswered() {
        if (responsesCompleted == 0) {
            return false;
        }
        List<PipelinedRequest> unanswered = closeLocked();
        owner.retry(unanswered);
        owner.released(this);
        return true;
    }

    /** The response being read failed: it gets the cause, the later requests get RESET. */
    private void failHeadThenDie(ResponseDecoder decoder, ErrorCause cause, String detail) {
        List<PipelinedRequest> failed = closeLocked();
        if (!failed.isEmpty()) {
            PipelinedRequest head = failed.get(0);
            if (decoder.midResponse()) {
                fill(head, decoder);
            }
            head.exchange.fail(cause, detail);
        }
        notifyFailed(failed, ErrorCause.RESET, "an earlier response on the pipelined connection failed: " + detail);
        owner.released(this);
    }

    /** Closes it and fails everything it still owes with {@code cause}. */
    private void die(ErrorCause cause, String detail) {
        notifyFailed(closeLocked(), cause, detail);
        owner.released(this);
    }

    /** Idle with nothing outstanding: closes quietly and says so. */
    private boolean closeIfIdle() {
        synchronized (lock) {
            if (!outstanding.isEmpty()) {
                return false;
            }
            // Closed under the same lock hold, so no request can be assigned to it meanwhile.
            state = State.CLOSED;
        }
        die(ErrorCause.TIMEOUT, "idle");
        return true;
    }

    /**
     * Closed by the client ({@code closeConnections}): closes the socket and returns the requests it
     * still owed, already marked done, for the caller to fail and notify.
     */
    public List<PipelinedRequest> close() {
        closedByClient = true;
        return closeLocked();
    }

    private List<PipelinedRequest> closeLocked() {
        List<PipelinedRequest> owed;
        synchronized (lock) {
            state = State.CLOSED;
            owed = new ArrayList<>(outstanding);
            outstanding.clear();
            unwritten.clear();
            for (PipelinedRequest request : owed) {
                request.done = true;
            }
        }
        Socket socket = rawSocket;
        if (socket != null) {
            try {
                // The plain socket, not the TLS one: SSLSocket.close() may wait for a blocked writer.
                socket.close();
            } catch (IOException ignored) {
                // Closing is all we wanted.
            }
        }
        return owed;
    }

    /** Fails (keeping any earlier cause) and tells each listener, in request order; call without the lock. */
    public static void notifyFailed(List<PipelinedRequest> requests, ErrorCause cause, String detail) {
        for (PipelinedRequest request : requests) {
            request.exchange.fail(cause, detail);
            request.notifyListener();
        }
    }

    private static ErrorCause classify(Throwable failure) {
        return FailureClassifier.classify(failure);
    }

    private static String describe(String what, Throwable failure) {
        if (failure instanceof FailureClassifier.MuxbenchFailure) {
            return failure.getMessage();
        }
        return what + ": " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " " + failure.getMessage());
    }
}
