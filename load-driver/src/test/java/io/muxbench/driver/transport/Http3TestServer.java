package io.muxbench.driver.transport;

import io.muxbench.driver.tls.SelfSignedCertificate;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.DefaultHttp3DataFrame;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.http3.Http3ServerConnectionHandler;
import io.netty.handler.codec.quic.InsecureQuicTokenHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/3 server for the h3 client's tests, after Netty's {@code Http3ServerExample}: it
 * answers known paths with fixed bodies after a think time (so that streams overlap), resets the
 * streams of paths marked so, counts QUIC connections, their source addresses and the streams in
 * flight, and answers 404 to anything else.
 */
final class Http3TestServer implements AutoCloseable {

    /** H3_REQUEST_CANCELLED, the code a reset stream carries. */
    static final int RESET_CODE = 0x10c;

    private record Answer(int status, byte[] body, boolean reset) {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final long thinkMillis;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<SocketAddress> sources = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Channel channel;

    /**
     * @param maxStreams  the initial limit of bidirectional streams it gives each connection
     * @param thinkMillis how long each answer waits before it is written
     */
    Http3TestServer(SelfSignedCertificate certificate, int maxStreams, long thinkMillis) throws Exception {
        this(certificate, maxStreams, thinkMillis, Alpn.H3);
    }

    /** A server that accepts only {@code alpn} in its TLS handshake. */
    Http3TestServer(SelfSignedCertificate certificate, int maxStreams, long thinkMillis, String alpn) throws Exception {
        this.thinkMillis = thinkMillis;
        KeyStore keys = certificate.keyStore();
        PrivateKey key = (PrivateKey) keys.getKey(SelfSignedCertificate.ORIGIN_ALIAS, SelfSignedCertificate.PASSWORD.toCharArray());
        Certificate[] chain = keys.getCertificateChain(SelfSignedCertificate.ORIGIN_ALIAS);
        QuicSslContext ssl = QuicSslContextBuilder.forServer(key, null,
                        Arrays.copyOf(chain, chain.length, X509Certificate[].class))
                .applicationProtocols(alpn).build();
        channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(Http3.newQuicServerCodecBuilder()
                        .sslContext(ssl)
                        .maxIdleTimeout(30, TimeUnit.SECONDS)
                        .initialMaxData(1L << 30)
                        .initialMaxStreamDataBidirectionalRemote(1L << 26)
                        .initialMaxStreamsBidirectional(maxStreams)
                        .tokenHandler(InsecureQuicTokenHandler.INSTANCE)
                        .handler(new ChannelInitializer<QuicChannel>() {
                            @Override
                            protected void initChannel(QuicChannel quic) {
                                connections.incrementAndGet();
                                sources.add(quic.remoteSocketAddress());
                                quic.pipeline().addLast(new Http3ServerConnectionHandler(new ChannelInitializer<QuicStreamChannel>() {
                                    @Override
                                    protected void initChannel(QuicStreamChannel stream) {
                                        stream.pipeline().addLast(new RequestHandler());
                                    }
                                }), new ChannelInboundHandlerAdapter() {
                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        // A failed handshake (the tests' own doing), which quiche closes with its TLS alert: no warning.
                                    }
                                });
                            }
                        }).build())
                .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    /** Answers {@code path} with {@code status} and a body of {@code size} bytes. */
    void answer(String path, int status, int size) {
        answers.put(path, new Answer(status, new byte[size], false));
    }

    /** Resets the stream of every request for {@code path}. */
    void reset(String path) {
        answers.put(path, new Answer(0, null, true));
    }

    URI uri() {
        return URI.create("https://127.0.0.1:" + port() + "/");
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    int connections() {
        return connections.get();
    }

    List<SocketAddress> sources() {
        return List.copyOf(sources);
    }

    int maxStreamsInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }

    /** One request stream: counted in flight from its HEADERS until its answer is written. */
    private final class RequestHandler extends Http3RequestStreamInboundHandler {
        private String path;

        @Override
        protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
            path = String.valueOf(frame.headers().path());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }

        @Override
        protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
            frame.release();
        }

        @Override
        protected void channelInputClosed(ChannelHandlerContext ctx) {
            ctx.executor().schedule(() -> respond(ctx), thinkMillis, TimeUnit.MILLISECONDS);
        }

        private void respond(ChannelHandlerContext ctx) {
            inFlight.decrementAndGet();
            QuicStreamChannel stream = (QuicStreamChannel) ctx.channel();
            Answer answer = answers.getOrDefault(path, new Answer(404, new byte[0], false));
            if (answer.reset()) {
                stream.shutdownOutput(RESET_CODE);
                return;
            }
            Http3HeadersFrame headers = new DefaultHttp3HeadersFrame();
            headers.headers().status(Integer.toString(answer.status()));
            headers.headers().addInt("content-length", answer.body().length);
            ctx.write(headers);
            ctx.writeAndFlush(new DefaultHttp3DataFrame(Unpooled.wrappedBuffer(answer.body())))
                    .addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
        }
    }
}
