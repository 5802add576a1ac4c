package io.muxbench.driver.transport.internal;

import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.Exchange;
import io.muxbench.driver.transport.FailureClassifier;
import io.muxbench.driver.transport.internal.MeasuringClientConnector.ConnectionTimes;
import io.muxbench.vocabulary.ErrorCause;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.HTTP2Session;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.GoAwayFrame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.SettingsFrame;
import org.eclipse.jetty.io.ClientConnectionFactory;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.io.ssl.SslClientConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * One HTTP/2 session of a browser to one host, straight on Jetty's {@link HTTP2Client}: opened on
 * the first request, whose streams begin as soon as the handshake is done and the preface written,
 * as a browser's do, up to {@link #ASSUMED_MAX_STREAMS} at once until the server's SETTINGS give
 * its limit, then as many as that allows; requests beyond it wait in order and begin as streams
 * close, on the thread that saw the close. A stream the server refused (REFUSED_STREAM: it came
 * beyond the limit before the client knew it) goes back to the head of the queue once. A session
 * that closed or failed takes its waiting requests with it, and the next request of the host gets
 * a new one ({@link #isClosed()}).
 *
 * <pre>{@code
 * Http2Connection connection = new Http2Connection(http2Client, ssl, originAddress, connector, rttNanos);
 * connection.send(exchange, metaDataRequest, listener);
 * }</pre>
 */
public final class Http2Connection implements Session.Listener {

    private enum State { IDLE, CONNECTING, READY, CLOSED }

    /**
     * Streams opened at once before the server's SETTINGS say how many it takes, and when they say
     * nothing: Chromium's {@code kInitialMaxConcurrentStreams} (net/spdy/spdy_session.h), with which
     * it sends its first requests right after the TLS handshake instead of waiting a round trip.
     */
    static final int ASSUMED_MAX_STREAMS = 100;

    /**
     * TLS records encrypted and decrypted in heap buffers: the JDK's AES-GCM copies every block of a
     * direct buffer into a new array first, which cost more than the copy heap buffers make in the socket.
     */
    private static final ClientConnectionFactory.Decorator HEAP_TLS_BUFFERS = factory -> {
        if (factory instanceof SslClientConnectionFactory tls) {
            tls.setDirectBuffersForEncryption(false);
            tls.setDirectBuffersForDecryption(false);
        }
        return factory;
    };

    private final HTTP2Client client;
    private final SslContextFactory.Client ssl;
    private final InetSocketAddress address;
    private final MeasuringClientConnector connector;
    private final long handshakeRttNanos;
    /** Guarded by this, as everything below. */
    private State state = State.IDLE;
    private Session session;
    private int maxStreams = ASSUMED_MAX_STREAMS;
    /** The limit the server's SETTINGS gave; 0 until they give one. */
    private int serverLimit;
    private int active;
    private final ArrayDeque<Http2Request> waiting = new ArrayDeque<>();
    private ConnectionTimes times;
    private boolean phasesGiven;

    /**
     * @param ssl               TLS for the session, with ALPN offering h2 alone; null for h2c with prior knowledge
     * @param address           where to connect (the origin or the link in front of it)
     * @param handshakeRttNanos the emulated link's handshake round trip, inside the connect phase
     */
    public Http2Connection(HTTP2Client client, SslContextFactory.Client ssl, InetSocketAddress address,
                           MeasuringClientConnector connector, long handshakeRttNanos) {
        this.client = client;
        this.ssl = ssl;
        this.address = address;
        this.connector = connector;
        this.handshakeRttNanos = handshakeRttNanos;
    }

    /** Sends a request on a stream as soon as the session has one free; completes through {@code listener}. */
    public void send(Exchange exchange, MetaData.Request request, BrowserClient.Listener listener) {
        Http2Request http2 = new Http2Request(exchange, request, listener, this);
        boolean connect = false;
        boolean start = false;
        boolean closed = false;
        synchronized (this) {
            if (state == State.CLOSED) {
                closed = true;
            } else if (state == State.READY && active < maxStreams && waiting.isEmpty()) {
                active++;
                http2.started = true;
                start = true;
            } else {
                waiting.add(http2);
                connect = state == State.IDLE;
                if (connect) {
                    state = State.CONNECTING;
                }
            }
        }
        if (start) {
            open(http2);
        } else if (connect) {
            connect();
        } else if (closed) {
            http2.fail(ErrorCause.RESET, "the HTTP/2 session was closed");
        }
    }

    private void connect() {
        Map<String, Object> context = new ConcurrentHashMap<>();
        // Jetty's TLS layer takes its handshake listeners from the beans of the "client" in the context:
        // the measuring connector holds the one that times the handshake and checks ALPN.
        context.put(ClientConnector.HTTP_CLIENT_CONTEXT_KEY, connector);
        context.put(ClientConnectionFactory.Decorator.CONTEXT_KEY, HEAP_TLS_BUFFERS);
        client.connect(Transport.TCP_IP, ssl, address, this, new Promise<>() {
            @Override
            public void succeeded(Session session) {
                connected(session);
            }

            @Override
            public void failed(Throwable failure) {
                closed(connectFailure(failure), true);
            }
        }, context);
    }

    private Failure connectFailure(Throwable failure) {
        String alpn = connector.alpnFailure();
        if (alpn != null) {
            return new Failure(ErrorCause.ALPN, alpn);
        }
        ErrorCause cause = FailureClassifier.classify(failure);
        if (cause == ErrorCause.RESET && ssl != null && !handshakeDone()) {
            return new Failure(ErrorCause.TLS, "the server closed the connection during the TLS handshake: " + failure.getMessage());
        }
        return new Failure(cause, String.valueOf(failure.getMessage()));
    }

    private synchronized boolean handshakeDone() {
        return times != null && times.tlsEndNanos != 0;
    }

    private void connected(Session session) {
        synchronized (this) {
            if (state == State.CLOSED) {
                session.close(ErrorCode.NO_ERROR.code, "closed", Callback.NOOP);
                return;
            }
            this.session = session;
            times = connector.times(session.getLocalSocketAddress());
            state = State.READY;
        }
        drain();
    }

    /**
     * The server's SETTINGS: their stream limit replaces the assumed one. Below it, no stream begins
     * until enough of those open have ended; above it, more begin at once.
     */
    @Override
    public void onSettings(Session session, SettingsFrame frame) {
        Integer limit = frame.getSettings().get(SettingsFrame.MAX_CONCURRENT_STREAMS);
        if (limit == null) {
            return;
        }
        synchronized (this) {
            maxStreams = limit;
            serverLimit = limit;
        }
        drain();
    }

    /** Starts waiting requests while the session has free streams. */
    private void drain() {
        while (true) {
            Http2Request next;
            synchronized (this) {
                if (state != State.READY || active >= maxStreams) {
                    return;
                }
                next = waiting.poll();
                if (next == null) {
                    return;
                }
                active++;
                next.started = true;
            }
            open(next);
        }
    }

    private void open(Http2Request request) {
        Exchange exchange = request.exchange;
        Session session;
        synchronized (this) {
            session = this.session;
            exchange.beginNanos = System.nanoTime();
            if (times != null) {
                exchange.connectionId = times.id;
                if (!phasesGiven) {
                    // The request that opened the connection carries its connect and TLS phases.
                    phasesGiven = true;
                    exchange.connectStartNanos = Math.max(times.connectStartNanos, exchange.startNanos);
                    exchange.connectEndNanos = Math.max(times.connectEndNanos, times.connectStartNanos + handshakeRttNanos);
                    exchange.tlsEndNanos = times.tlsEndNanos == 0 ? exchange.connectEndNanos
                            : Math.max(times.tlsEndNanos, exchange.connectEndNanos);
                }
            }
        }
        session.newStream(new HeadersFrame(request.request, null, true), request, request);
    }

    /** A request's stream closed, or could not be made: its place is free for the next waiting request. */
    void released(Http2Request request) {
        boolean free;
        synchronized (this) {
            free = request.started;
            if (free) {
                request.started = false;
                active--;
            } else {
                waiting.remove(request);
            }
        }
        if (free) {
            drain();
        }
    }

    /**
     * A request whose stream was refused goes back to the head of the queue, its place freed, and
     * begins again when a place is free; false when the session is closed (then it is not queued).
     * Refused by the server (REFUSED_STREAM, once the stream closed), its place is given to the queue
     * at once. Refused by Jetty, which learnt the server's lower limit from SETTINGS just before this
     * connection did, the limit is taken from Jetty's session (so that the queue waits for a stream
     * to end instead of asking Jetty again) and the queue is left for the next stream's end.
     */
    boolean putBack(Http2Request request, boolean refusedByServer) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return false;
            }
            if (request.started) {
                request.started = false;
                active--;
            }
            waiting.addFirst(request);
            if (!refusedByServer && session instanceof HTTP2Session http2 && http2.getMaxLocalStreams() >= 0) {
                maxStreams = http2.getMaxLocalStreams();
            }
        }
        if (refusedByServer) {
            drain();
        }
        return true;
    }

    /** The server's stream limit as its SETTINGS gave it; 0 until known (or when they gave none). */
    public synchronized int serverMaxStreams() {
        return serverLimit;
    }

    /** True once the session failed or closed: the host needs a new connection. */
    public synchronized boolean isClosed() {
        return state == State.CLOSED;
    }

    @Override
    public void onGoAway(Session session, GoAwayFrame frame) {
        // The server takes no new streams: waiting requests fail with the session; the next ones get a new session.
        closed(new Failure(ErrorCause.GOAWAY, "GOAWAY from the server: " + frame.tryConvertPayload()), false);
    }

    @Override
    public void onClose(Session session, GoAwayFrame frame, Callback callback) {
        closed(new Failure(ErrorCause.RESET, "the HTTP/2 session closed" + (frame == null ? "" : ": " + frame.tryConvertPayload())), true);
        callback.succeeded();
    }

    @Override
    public void onFailure(Session session, Throwable failure, Callback callback) {
        closed(new Failure(FailureClassifier.classify(failure), String.valueOf(failure.getMessage())), true);
        callback.succeeded();
    }

    private record Failure(ErrorCause cause, String detail) {
    }

    /**
     * Ends the session for new requests: waiting ones fail with {@code failure}, and so do open
     * streams when {@code streamsToo} (a GOAWAY lets the streams the server took finish).
     */
    private void closed(Failure failure, boolean streamsToo) {
        List<Http2Request> failed;
        Session session;
        synchronized (this) {
            state = State.CLOSED;
            failed = new ArrayList<>(waiting);
            waiting.clear();
            session = this.session;
        }
        for (Http2Request request : failed) {
            request.fail(failure.cause(), failure.detail());
        }
        if (session != null && streamsToo) {
            for (Stream stream : session.getStreams()) {
                if (stream.getListener() instanceof Http2Request request) {
                    request.fail(failure.cause(), failure.detail());
                }
            }
        }
    }

    /** Closes the session (GOAWAY, then the socket) and waits for it, at most {@code timeoutMillis}. */
    public void close(long timeoutMillis) {
        Session session;
        synchronized (this) {
            session = this.session;
        }
        closed(new Failure(ErrorCause.RESET, "the connection was closed by the client"), true);
        if (session == null) {
            return;
        }
        Callback.Completable done = new Callback.Completable();
        session.close(ErrorCode.NO_ERROR.code, "closing", done);
        try {
            done.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Closed below whatever the GOAWAY did.
        }
        if (session instanceof HTTP2Session http2) {
            http2.getEndPoint().close();
        }
    }
}
