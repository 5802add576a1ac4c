package io.muxbench.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.TrustManagerFactory;

import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.tls.SelfSignedCertificate;
import io.muxbench.driver.transport.QuicParameters;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.DefaultHttp3DataFrame;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ClientConnectionHandler;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.http3.Http3ServerConnectionHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * A Netty HTTP/3 server and one client connection to it over loopback UDP, in this JVM, each on its
 * own one-thread event loop, both with muxbench's {@link QuicParameters}: the rig of
 * {@link Http3ExchangeBenchmark}. The server answers every request with the same headers and body,
 * in DATA frames of 16 KB written while the stream is writable, as the origin's HTTP/3 side does.
 *
 * <pre>{@code
 * try (LoopbackHttp3 h3 = LoopbackHttp3.start(responseHeaders, body)) {
 *     LoopbackHttp3.Response response = h3.exchange(requestHeaders, null);
 * }
 * }</pre>
 */
final class LoopbackHttp3 implements AutoCloseable {

    /** DATA frame payload, as the origin's chunks. */
    static final int CHUNK_BYTES = 16 * 1024;
    private static final int STREAMS = 128;
    private static final long TIMEOUT_SECONDS = 30;
    private static final String SERVER_NAME = "localhost";
    /** Socket buffers, as the origin's and the h3 client's: a burst of datagrams is not dropped before it is read. */
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final EventLoopGroup serverLoop;
    private final EventLoopGroup clientLoop;
    private final Channel serverSocket;
    private final Channel clientSocket;
    private final QuicChannel connection;

    private LoopbackHttp3(EventLoopGroup serverLoop, EventLoopGroup clientLoop, Channel serverSocket,
                          Channel clientSocket, QuicChannel connection) {
        this.serverLoop = serverLoop;
        this.clientLoop = clientLoop;
        this.serverSocket = serverSocket;
        this.clientSocket = clientSocket;
        this.connection = connection;
    }

    /** What one exchange received: the status, the header fields, the body's length, and its bytes when asked for. */
    record Response(int status, Http3Headers headers, long bodyBytes, ByteBuffer body) {
    }

    /**
     * Starts the server on 127.0.0.1 and connects the client (a full handshake, ECDSA P-256 leaf).
     *
     * @param responseHeaders the status and fields of every response
     * @param body every response's body
     */
    static LoopbackHttp3 start(Http3Headers responseHeaders, ByteBuffer body) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(KeyType.ECDSA);
        EventLoopGroup serverLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup clientLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = new Bootstrap().group(serverLoop).channel(NioDatagramChannel.class)
                    .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                    .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                    .handler(serverCodec(certificate, responseHeaders, body))
                    .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            Channel client = new Bootstrap().group(clientLoop).channel(NioDatagramChannel.class)
                    .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                    .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                    .handler(clientCodec(certificate, ((InetSocketAddress) server.localAddress()).getPort()))
                    .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            QuicChannel connection = QuicChannel.newBootstrap(client)
                    .handler(new Http3ClientConnectionHandler())
                    .remoteAddress(server.localAddress())
                    .connect().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new LoopbackHttp3(serverLoop, clientLoop, server, client, connection);
        } catch (Exception | Error e) {
            serverLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * One request on a new stream of the connection, waited for.
     *
     * @param requestHeaders the request's pseudo-headers and fields, sent with FIN
     * @param copyInto where the body's bytes go, or null to count them only
     */
    Response exchange(Http3Headers requestHeaders, ByteBuffer copyInto) throws Exception {
        ResponseReader reader = new ResponseReader(copyInto);
        QuicStreamChannel stream = Http3.newRequestStream(connection, reader).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        stream.writeAndFlush(new DefaultHttp3HeadersFrame(requestHeaders)).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
        return reader.response.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        connection.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        clientSocket.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        serverSocket.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        clientLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        serverLoop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private static ChannelHandler serverCodec(SelfSignedCertificate certificate, Http3Headers responseHeaders,
                                              ByteBuffer body) throws Exception {
        PrivateKey key = (PrivateKey) certificate.keyStore().getKey(SelfSignedCertificate.ORIGIN_ALIAS,
                SelfSignedCertificate.PASSWORD.toCharArray());
        Certificate[] chain = certificate.keyStore().getCertificateChain(SelfSignedCertificate.ORIGIN_ALIAS);
        QuicSslContext ssl = QuicSslContextBuilder
                .forServer(key, null, Arrays.copyOf(chain, chain.length, X509Certificate[].class))
                .applicationProtocols(Http3.supportedApplicationProtocols()).build();
        return QuicParameters.apply(Http3.newQuicServerCodecBuilder(), STREAMS)
                .sslContext(ssl)
                .handler(new ChannelInitializer<QuicChannel>() {
                    @Override
                    protected void initChannel(QuicChannel quic) {
                        quic.pipeline().addLast(new Http3ServerConnectionHandler(new ChannelInitializer<QuicStreamChannel>() {
                            @Override
                            protected void initChannel(QuicStreamChannel stream) {
                                stream.pipeline().addLast(new Responder(responseHeaders, body));
                            }
                        }));
                    }
                })
                .build();
    }

    private static ChannelHandler clientCodec(SelfSignedCertificate certificate, int port) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(certificate.trustStore());
        QuicSslContext ssl = QuicSslContextBuilder.forClient()
                .trustManager(trust)
                .applicationProtocols(Http3.supportedApplicationProtocols())
                .earlyData(false)
                .endpointIdentificationAlgorithm("HTTPS")
                .build();
        // The server's name, as a browser's client gives its engine: the leaf names "localhost".
        return QuicParameters.apply(Http3.newQuicClientCodecBuilder(), 0)
                .sslEngineProvider(quic -> ssl.newEngine(quic.alloc(), SERVER_NAME, port))
                .build();
    }

    /** The server's side of one request stream: the response on the request's headers. */
    private static final class Responder extends Http3RequestStreamInboundHandler {
        private final Http3Headers headers;
        private final ByteBuffer body;
        private int offset = -1;

        Responder(Http3Headers headers, ByteBuffer body) {
            this.headers = headers;
            this.body = body;
        }

        @Override
        protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
            if (offset < 0) {
                ctx.write(new DefaultHttp3HeadersFrame(headers));
                offset = 0;
                writeBody(ctx);
            }
        }

        @Override
        protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
            frame.release();
        }

        @Override
        protected void channelInputClosed(ChannelHandlerContext ctx) {
            // Answered on the headers.
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            if (ctx.channel().isWritable()) {
                writeBody(ctx);
            }
            super.channelWritabilityChanged(ctx);
        }

        private void writeBody(ChannelHandlerContext ctx) {
            while (offset >= 0 && offset < body.limit() && ctx.channel().isWritable()) {
                int length = Math.min(CHUNK_BYTES, body.limit() - offset);
                DefaultHttp3DataFrame data = new DefaultHttp3DataFrame(Unpooled.wrappedBuffer(body.slice(offset, length)));
                offset += length;
                if (offset == body.limit()) {
                    ctx.writeAndFlush(data).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
                    return;
                }
                ctx.write(data);
            }
            ctx.flush();
        }
    }

    /** The client's side of one request stream: counts (or copies) the body, completes at FIN. */
    private static final class ResponseReader extends Http3RequestStreamInboundHandler {
        final CompletableFuture<Response> response = new CompletableFuture<>();
        private final ByteBuffer copy;
        private int status = -1;
        private Http3Headers headers;
        private long bodyBytes;

        ResponseReader(ByteBuffer copy) {
            this.copy = copy;
        }

        @Override
        protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
            headers = frame.headers();
            CharSequence value = headers.status();
            status = value == null ? -1 : Integer.parseInt(value.toString());
            ReferenceCountUtil.release(frame);
        }

        @Override
        protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
            ByteBuf content = frame.content();
            bodyBytes += content.readableBytes();
            if (copy != null && copy.remaining() >= content.readableBytes()) {
                copy.put(content.nioBuffer());
            }
            frame.release();
        }

        @Override
        protected void channelInputClosed(ChannelHandlerContext ctx) {
            response.complete(new Response(status, headers, bodyBytes, copy));
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            response.completeExceptionally(cause);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            response.completeExceptionally(new IllegalStateException("the stream closed before the response ended"));
            super.channelInactive(ctx);
        }
    }
}
