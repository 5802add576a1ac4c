package io.muxbench.driver.transport.internal;

import io.muxbench.driver.transport.Alpn;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.Exchange;
import io.muxbench.driver.transport.FailureClassifier;
import io.muxbench.vocabulary.ErrorCause;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ClientConnectionHandler;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicClosedChannelException;
import io.netty.handler.codec.quic.QuicConnectionCloseEvent;
import io.netty.handler.codec.quic.QuicStreamLimitChangedEvent;
import io.netty.handler.codec.quic.QuicStreamType;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * One QUIC connection of a browser to one host, carrying HTTP/3: opened on the first request, ready
 * once the QUIC handshake (transport and TLS 1.3 in one) is done, then as many request streams at
 * once as the server's initial limit of bidirectional streams allows, and never more than the
 * credit it has given (its MAX_STREAMS); requests beyond that wait in order and begin as streams
 * close. A connection that closed or failed takes its waiting and open requests with it, and the
 * next request of the host gets a new one ({@link #isClosed()}).
 *
 * <p>Everything here runs on the event loop of the browser's UDP socket, so it takes no locks:
 * call every method on that loop.
 *
 * <pre>{@code
 * Http3Connection connection = new Http3Connection(datagramBound, originAddress, "cdn.example", 2, counter, 10_000);
 * connection.send(exchange, requestHeaders, listener);   // on the socket's event loop
 * }</pre>
 */
public final class Http3Connection {

    /** The TLS server name of a QUIC connection, read by the codec's engine provider to set SNI and check the certificate. */
    public static final AttributeKey<String> SERVER_NAME = AttributeKey.valueOf("muxbench.serverName");
    /** HTTP/3's H3_NO_ERROR, the code of a client's orderly close (RFC 9114 section 8.1). */
    private static final int H3_NO_ERROR = 0x100;
    /** The TLS alert no_application_protocol (RFC 7301). */
    private static final int NO_APPLICATION_PROTOCOL = 120;

    private enum State { CONNECTING, READY, CLOSED }

    private final InetSocketAddress address;
    private final String serverName;
    private final long id;
    private final DatagramCounter counter;
    private final int connectTimeoutMillis;
    private final ArrayDeque<Http3Request> waiting = new ArrayDeque<>();
    private final List<Http3Request> open = new ArrayList<>();
    private State state = State.CONNECTING;
    /** The QUIC channel from its registration on, before its handshake is done (closing it ends the attempt). */
    private QuicChannel pending;
    private QuicChannel channel;
    private long connectStartNanos;
    private long handshakeEndNanos;
    private boolean phasesGiven;
    private int maxStreams;
    private Failure closeFailure;

    /**
     * Starts the connection once the browser's UDP socket is bound.
     *
     * @param datagram   the browser's UDP socket, bound (or binding) to the browser's source address
     * @param address    where to send (the origin, or the link in front of it)
     * @param serverName the host: TLS server name and what the certificate must name
     * @param id         the connection's id, unique within the browser
     */
    public Http3Connection(ChannelFuture datagram, InetSocketAddress address, String serverName, long id,
                           DatagramCounter counter, int connectTimeoutMillis) {
        this.address = address;
        this.serverName = serverName;
        this.id = id;
        this.counter = counter;
        this.connectTimeoutMillis = connectTimeoutMillis;
        connectStartNanos = System.nanoTime();
        datagram.addListener((ChannelFuture bound) -> {
            if (bound.isSuccess()) {
                connect(bound.channel());
            } else {
                closed(new Failure(FailureClassifier.classify(bound.cause()),
                        "cannot bind the browser's UDP socket: " + bound.cause().getMessage()));
            }
        });
    }

    private void connect(Channel datagram) {
        if (state == State.CLOSED) {
            return;
        }
        QuicChannel.newBootstrap(datagram)
                .attr(SERVER_NAME, serverName)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<QuicChannel>() {
                    @Override
                    protected void initChannel(QuicChannel quic) {
                        pending = quic;
                        quic.pipeline().addLast(new Http3ClientConnectionHandler(), new ConnectionEvents());
                    }
                })
                .remoteAddress(address)
                .connect()
                .addListener(this::connected);
    }

    private void connected(Future<? super QuicChannel> future) {
        if (!future.isSuccess()) {
            closed(connectFailure(future.cause()));
            return;
        }
        QuicChannel quic = (QuicChannel) future.getNow();
        if (state == State.CLOSED) {
            quic.close(true, H3_NO_ERROR, Unpooled.EMPTY_BUFFER);
            return;
        }
        handshakeEndNanos = System.nanoTime();
        channel = quic;
        counter.connectionOpened();
        SSLEngine engine = quic.sslEngine();
        String alpn = engine == null ? null : engine.getApplicationProtocol();
        if (!Alpn.H3.equals(alpn)) {
            closed(new Failure(ErrorCause.ALPN, "the server negotiated " + alpn + " instead of " + Alpn.H3));
            quic.close(true, H3_NO_ERROR, Unpooled.EMPTY_BUFFER);
            return;
        }
        state = State.READY;
        drain();
    }

    /** The server's initial_max_streams_bidi; 0 while Netty does not yet give its transport parameters. */
    private static int serverLimit(QuicChannel quic) {
        long limit = quic.peerTransportParameters() == null ? 0 : quic.peerTransportParameters().initialMaxStreamsBidi();
        return (int) Math.min(limit, Integer.MAX_VALUE);
    }

    private Failure connectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException) {
                return new Failure(ErrorCause.TIMEOUT, "no QUIC handshake with " + address + " within "
                        + connectTimeoutMillis + " ms");
            }
            if (t instanceof QuicClosedChannelException closed && closed.event() != null) {
                return peerClosed(closed.event());
            }
            if (t instanceof SSLException) {
                String message = String.valueOf(t.getMessage());
                boolean alpn = message.toLowerCase(Locale.ROOT).contains("application_protocol");
                // BoringSSL's reason (CERTIFICATE_VERIFY_FAILED) and, when the JDK's trust check said why, why.
                Throwable why = t;
                while (why.getCause() != null && why.getCause() != why) {
                    why = why.getCause();
                }
                String reason = why == t || why.getMessage() == null ? "" : " (" + why.getMessage() + ")";
                return new Failure(alpn ? ErrorCause.ALPN : ErrorCause.TLS, "QUIC handshake: " + message + reason);
            }
        }
        return new Failure(FailureClassifier.classify(failure), "QUIC connect: " + failure);
    }

    /** Why the server closed the connection (its CONNECTION_CLOSE). */
    private Failure peerClosed(QuicConnectionCloseEvent event) {
        if (event.isTlsError()) {
            // A TLS alert in QUIC's crypto error range (RFC 9001 section 4.8): 120 is no_application_protocol.
            int alert = QuicConnectionCloseEvent.extractTlsError(event.error());
            return new Failure(alert == NO_APPLICATION_PROTOCOL ? ErrorCause.ALPN : ErrorCause.TLS,
                    "the server ended the QUIC handshake with TLS alert " + alert
                            + (alert == NO_APPLICATION_PROTOCOL ? " (no_application_protocol: it does not speak h3)" : ""));
        }
        return new Failure(ErrorCause.RESET, "the server closed the QUIC connection: "
                + (event.isApplicationClose() ? "application" : "transport") + " error 0x" + Integer.toHexString(event.error()));
    }

    /** Sends a request on a stream as soon as the connection has one free; completes through {@code listener}. */
    public void send(Exchange exchange, Http3Headers headers, BrowserClient.Listener listener) {
        Http3Request request = new Http3Request(exchange, headers, listener, this);
        if (state == State.CLOSED) {
            request.fail(closeFailure.cause(), closeFailure.detail());
            return;
        }
        waiting.add(request);
        drain();
    }

    /** Starts waiting requests while the server's limit and its stream credit leave room. */
    private void drain() {
        if (state == State.READY && maxStreams == 0) {
            // The connect can complete before Netty gives the peer's transport parameters: read them again.
            maxStreams = serverLimit(channel);
        }
        while (state == State.READY && !waiting.isEmpty() && open.size() < maxStreams
                && channel.peerAllowedStreams(QuicStreamType.BIDIRECTIONAL) > 0) {
            start(waiting.poll());
        }
    }

    private void start(Http3Request request) {
        Exchange exchange = request.exchange;
        exchange.beginNanos = System.nanoTime();
        exchange.connectionId = id;
        if (!phasesGiven) {
            // The request that opened the connection carries its phases: QUIC's handshake is connect and TLS at once.
            phasesGiven = true;
            exchange.connectStartNanos = Math.max(connectStartNanos, exchange.startNanos);
            exchange.connectEndNanos = Math.max(handshakeEndNanos, exchange.connectStartNanos);
            exchange.tlsEndNanos = exchange.connectEndNanos;
        }
        open.add(request);
        Http3.newRequestStream(channel, request).addListener(request::streamCreated);
    }

    /** A request's stream closed, or could not be made: its place is free for the next waiting request. */
    void released(Http3Request request) {
        if (open.remove(request)) {
            drain();
        }
    }

    /** The server's initial limit of bidirectional streams; 0 until the handshake is done. */
    public int serverMaxStreams() {
        return maxStreams;
    }

    /** The TLS engine of the handshake; null before it is done. */
    public SSLEngine engine() {
        return channel == null ? null : channel.sslEngine();
    }

    /** True once the connection failed or closed: the host needs a new connection. */
    public boolean isClosed() {
        return state == State.CLOSED;
    }

    private record Failure(ErrorCause cause, String detail) {
    }

    /** Ends the connection for new requests: waiting and open ones fail with {@code failure}. */
    private void closed(Failure failure) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        closeFailure = failure;
        List<Http3Request> failed = new ArrayList<>(waiting);
        failed.addAll(open);
        waiting.clear();
        for (Http3Request request : failed) {
            request.fail(failure.cause(), failure.detail());
        }
    }

    /** Closes the connection (CONNECTION_CLOSE with H3_NO_ERROR); the future completes once it is closed. */
    public Future<?> close() {
        closed(new Failure(ErrorCause.RESET, "the connection was closed by the client"));
        if (channel != null) {
            return channel.close(true, H3_NO_ERROR, Unpooled.EMPTY_BUFFER);
        }
        return pending == null ? null : pending.close();
    }

    /** The QUIC connection's own events: more stream credit, errors, its end. */
    private final class ConnectionEvents extends ChannelInboundHandlerAdapter {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof QuicStreamLimitChangedEvent) {
                drain();
            } else if (event instanceof QuicConnectionCloseEvent close) {
                // At once, not after the connection's draining period (three probe timeouts).
                closed(peerClosed(close));
                ctx.close();
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
            // Datagrams read may have brought the transport parameters or stream credit without a
            // QuicStreamLimitChangedEvent (one raised before this handler saw the connect is not seen again).
            drain();
            super.channelReadComplete(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            closed(new Failure(FailureClassifier.classify(cause), "QUIC connection: " + cause.getMessage()));
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            QuicChannel quic = (QuicChannel) ctx.channel();
            closed(quic.isTimedOut() ? new Failure(ErrorCause.TIMEOUT, "the QUIC connection timed out (idle)")
                    : new Failure(ErrorCause.RESET, "the QUIC connection was closed"));
            super.channelInactive(ctx);
        }
    }
}
