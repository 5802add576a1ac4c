package io.muxbench.driver.transport.internal;

import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.Exchange;
import io.muxbench.driver.transport.FailureClassifier;
import io.muxbench.vocabulary.ErrorCause;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3Exception;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.quic.QuicException;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.util.concurrent.Future;

/**
 * One exchange on an HTTP/3 request stream: the stream's handler and the listener of its writes, in
 * one object, so a request costs this, a headers frame and Netty's stream channel. Response bodies
 * are released as they arrive; only their length is kept. Runs on the connection's event loop.
 */
final class Http3Request extends Http3RequestStreamInboundHandler implements ChannelFutureListener {

    final Exchange exchange;
    private final Http3Headers headers;
    private final BrowserClient.Listener listener;
    private final Http3Connection connection;
    private boolean done;
    private boolean finQueued;

    Http3Request(Exchange exchange, Http3Headers headers, BrowserClient.Listener listener, Http3Connection connection) {
        this.exchange = exchange;
        this.headers = headers;
        this.listener = listener;
        this.connection = connection;
    }

    /** The stream was made (or not): write the request's HEADERS, then its FIN. */
    void streamCreated(Future<? super QuicStreamChannel> future) {
        if (!future.isSuccess()) {
            fail(FailureClassifier.classify(future.cause()), "cannot open a QUIC stream: " + future.cause().getMessage());
            connection.released(this);
            return;
        }
        QuicStreamChannel stream = (QuicStreamChannel) future.getNow();
        exchange.streamId = stream.streamId();
        stream.closeFuture().addListener(this);
        stream.writeAndFlush(new DefaultHttp3HeadersFrame(headers)).addListener(this);
    }

    /** The HEADERS written: send the FIN; the FIN sent: the request (a GET without body) is on the wire. The stream closed: free its place. */
    @Override
    public void operationComplete(ChannelFuture future) {
        QuicStreamChannel stream = (QuicStreamChannel) future.channel();
        if (future == stream.closeFuture()) {
            fail(ErrorCause.RESET, "the stream closed before the response ended");
            connection.released(this);
        } else if (!future.isSuccess()) {
            fail(FailureClassifier.classify(future.cause()), "cannot send the request: " + future.cause().getMessage());
            stream.close();
        } else if (!finQueued) {
            finQueued = true;
            stream.shutdownOutput().addListener(this);
        } else if (exchange.sentNanos == 0) {
            exchange.sentNanos = System.nanoTime();
        }
    }

    @Override
    protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
        if (exchange.status == 0) {
            int status = statusOf(frame.headers().status());
            if (status >= 200) { // an interim response (103 Early Hints) waits for the real one
                exchange.firstByteNanos = System.nanoTime();
                exchange.status = status;
            }
        }
    }

    @Override
    protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
        exchange.bodyBytesReceived += frame.content().readableBytes();
        frame.release();
    }

    /** The server's FIN: the response is complete. */
    @Override
    protected void channelInputClosed(ChannelHandlerContext ctx) {
        if (exchange.status == 0) {
            fail(ErrorCause.PROTOCOL, "the stream ended without a response");
        } else if (finish()) {
            if (exchange.sentNanos == 0 || exchange.sentNanos > exchange.firstByteNanos) {
                // The FIN's callback may run after the response began: it was on the wire by then.
                exchange.sentNanos = exchange.firstByteNanos;
            }
            listener.onComplete(exchange);
        }
        ctx.close();
    }

    @Override
    protected void handleQuicException(ChannelHandlerContext ctx, QuicException exception) {
        String message = String.valueOf(exception.getMessage());
        fail(message.contains("STREAM_RESET") ? ErrorCause.RESET : FailureClassifier.classify(exception),
                "QUIC stream: " + message);
        ctx.close();
    }

    @Override
    protected void handleHttp3Exception(ChannelHandlerContext ctx, Http3Exception exception) {
        fail(ErrorCause.PROTOCOL, "HTTP/3: " + exception.getMessage());
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof QuicException || cause instanceof Http3Exception) {
            super.exceptionCaught(ctx, cause);
        } else {
            fail(FailureClassifier.classify(cause), String.valueOf(cause.getMessage()));
            ctx.close();
        }
    }

    /** Fails it with a cause (once; a completed exchange stays as it was). */
    void fail(ErrorCause cause, String detail) {
        if (finish()) {
            exchange.fail(cause, detail);
            listener.onComplete(exchange);
        }
    }

    private boolean finish() {
        if (done) {
            return false;
        }
        done = true;
        exchange.lastByteNanos = System.nanoTime();
        return true;
    }

    /** A three-digit :status, without making a String; 0 when it is not one. */
    private static int statusOf(CharSequence status) {
        if (status == null || status.length() != 3) {
            return 0;
        }
        int value = 0;
        for (int i = 0; i < 3; i++) {
            char c = status.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
