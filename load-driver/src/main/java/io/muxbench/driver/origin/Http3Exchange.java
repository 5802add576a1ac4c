package io.muxbench.driver.origin;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http3.DefaultHttp3DataFrame;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3ErrorCode;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicStreamChannel;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.HostPort;

/**
 * One HTTP/3 request stream: answers its request from the {@link Answers} on its headers (the
 * origin serves GETs; a request body is read and dropped), as {@link ScenarioHandler} does over
 * HTTP/1.1 and HTTP/2, writing the body a chunk at a time while the stream is writable. Everything
 * runs on the stream's event loop.
 */
final class Http3Exchange extends Http3RequestStreamInboundHandler {

    private static final int STREAM_ERROR = Http3ErrorCode.H3_INTERNAL_ERROR.code();

    private final QuicChannel connection;
    private final Answers answers;
    private final ConnectionCounters counters;
    private ConnectionCounters.PerConnection counted;
    private boolean ended;
    /** The answer whose body is being written, null before and after. */
    private Answers.Answer writing;
    private long offset;
    private long stopAt;

    Http3Exchange(QuicChannel connection, Answers answers, ConnectionCounters counters) {
        this.connection = connection;
        this.answers = answers;
        this.counters = counters;
    }

    @Override
    protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
        if (counted != null) {
            return; // trailers
        }
        counted = counters.begin(connection, Http3Server.PROTOCOL);
        Http3Headers headers = frame.headers();
        String pathQuery = headers.path() == null ? "/" : headers.path().toString();
        String host = hostOf(headers.authority());
        Answers.Answer answer = answers.find(host, pathQuery);
        if (answer == null) {
            respondText(ctx, 404, Answers.notFound(pathQuery, host));
            return;
        }
        long delayNanos = answers.delayNanos(answer);
        Fault fault = answers.faultFor(pathQuery);
        if (delayNanos > 0) {
            ctx.executor().schedule(() -> respond(ctx, answer, fault), delayNanos, TimeUnit.NANOSECONDS);
        } else {
            respond(ctx, answer, fault);
        }
    }

    private String hostOf(CharSequence authority) {
        if (authority == null) {
            return null;
        }
        try {
            HostPort hostPort = new HostPort(authority.toString());
            return answers.hostOf(hostPort.getHost(), hostPort.getPort(0), true);
        } catch (IllegalArgumentException e) {
            return null; // not a host: the origin under test's
        }
    }

    @Override
    protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
        frame.release();
    }

    @Override
    protected void channelInputClosed(ChannelHandlerContext ctx) {
        // Answered on its headers already.
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (ctx.channel().isWritable()) {
            writeBody(ctx);
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        end(); // reset by the client, or closed with its connection
        writing = null;
        super.channelInactive(ctx);
    }

    /** Ends the request's in-flight count exactly once: before its last write, or when the stream goes. */
    private void end() {
        if (counted != null && !ended) {
            ended = true;
            counted.end();
        }
    }

    private void respond(ChannelHandlerContext ctx, Answers.Answer answer, Fault fault) {
        QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
        if (!stream.isActive()) {
            end();
            return;
        }
        if (fault == Fault.CLOSE_WITHOUT_RESPONSE) {
            // The stream, not the connection: the others on it are other requests' (Jetty's h2 closes the
            // TCP connection, the one thing it can close).
            end();
            stream.shutdown(STREAM_ERROR);
            return;
        }
        if (fault == Fault.STATUS_500) {
            respondText(ctx, 500, Answers.injectedFailure());
            return;
        }
        Http3HeadersFrame head = new DefaultHttp3HeadersFrame();
        Http3Headers headers = head.headers();
        headers.status(Integer.toString(answer.resource().status()));
        String[] names = answer.http3Names();
        String[] values = answer.http3Values();
        for (int i = 0; i < names.length; i++) {
            headers.add(names[i], values[i]);
        }
        if (answer.resource().size() == 0) {
            end();
            ctx.writeAndFlush(head).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
            return;
        }
        ctx.write(head);
        writing = answer;
        offset = 0;
        stopAt = answer.stopAt(fault);
        writeBody(ctx);
    }

    /** Writes chunks while the stream takes them; the rest when it is writable again. */
    private void writeBody(ChannelHandlerContext ctx) {
        Answers.Answer answer = writing;
        if (answer == null) {
            return;
        }
        long size = answer.resource().size();
        while (ctx.channel().isWritable()) {
            if (offset >= stopAt) {
                // Injected reset: the response half written, then the stream reset.
                writing = null;
                end();
                ctx.flush();
                ((QuicStreamChannel) ctx.channel()).shutdownOutput(STREAM_ERROR);
                return;
            }
            ByteBuffer chunk = answer.chunk(offset, stopAt);
            offset += chunk.remaining();
            DefaultHttp3DataFrame data = new DefaultHttp3DataFrame(Unpooled.wrappedBuffer(chunk));
            if (offset >= size) {
                writing = null;
                end();
                ctx.writeAndFlush(data).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
                return;
            }
            ctx.write(data);
        }
        ctx.flush();
    }

    private void respondText(ChannelHandlerContext ctx, int status, ByteBuffer body) {
        Http3HeadersFrame head = new DefaultHttp3HeadersFrame();
        head.headers().status(Integer.toString(status))
                .add("content-type", Answers.TEXT_TYPE)
                .addInt("content-length", body.remaining());
        ctx.write(head);
        end();
        ChannelFuture last = ctx.writeAndFlush(new DefaultHttp3DataFrame(Unpooled.wrappedBuffer(body)));
        last.addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
    }
}
