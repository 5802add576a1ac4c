package io.muxbench.driver.origin;

import io.muxbench.driver.tls.SelfSignedCertificate;
import io.muxbench.driver.transport.QuicParameters;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ServerConnectionHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import io.netty.util.Mapping;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The origin's HTTP/3 side: Netty's QUIC (quiche) and HTTP/3 codecs on one UDP socket, serving the
 * same {@link Answers} as the Jetty connectors and counting into the same {@link ConnectionCounters}
 * (protocol {@value #PROTOCOL}). TLS 1.3 inside QUIC with ALPN {@code h3}; each of a scenario's
 * other hosts gets its own leaf by the TLS server name, as on the TLS port. No Retry (address
 * validation): a cold connection costs one round trip, as a browser meets on the web.
 */
final class Http3Server implements AutoCloseable {

    /** The protocol its connections are counted under. */
    static final String PROTOCOL = "HTTP/3";
    /**
     * Socket buffers asked of the kernel (it caps them at net.core.[rw]mem_max): a burst of a cell's
     * datagrams must not be dropped before the codec reads it.
     */
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final EventLoopGroup group;
    private final Channel channel;
    private final Leaves leaves;

    private Http3Server(EventLoopGroup group, Channel channel, Leaves leaves) {
        this.group = group;
        this.channel = channel;
        this.leaves = leaves;
    }

    /**
     * Binds UDP at {@code host:port} and serves from {@code answers}.
     *
     * @throws IOException when the port cannot be bound (taken by another UDP socket)
     */
    static Http3Server bind(String host, int port, SelfSignedCertificate certificate, Answers answers,
                            ConnectionCounters counters, int maxConcurrentStreams) throws IOException {
        Leaves leaves = new Leaves(certificate);
        // The origin's own leaf by default: a client of an IP literal sends no server name.
        QuicSslContext ssl = builder(certificate.keyStore(), SelfSignedCertificate.ORIGIN_ALIAS).sni(leaves).build();
        ChannelHandler codec = QuicParameters.apply(Http3.newQuicServerCodecBuilder(), maxConcurrentStreams)
                .sslContext(ssl)
                .handler(new ChannelInitializer<QuicChannel>() {
                    @Override
                    protected void initChannel(QuicChannel connection) {
                        counters.onAccepted();
                        connection.closeFuture().addListener(f -> counters.onClosed(connection));
                        connection.pipeline().addLast(new Http3ServerConnectionHandler(
                                new ChannelInitializer<QuicStreamChannel>() {
                                    @Override
                                    protected void initChannel(QuicStreamChannel stream) {
                                        stream.pipeline().addLast(new Http3Exchange(connection, answers, counters));
                                    }
                                }));
                    }
                })
                .build();
        // One thread: every QUIC connection is served on the one datagram channel's event loop anyway.
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            ChannelFuture bound = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                    .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                    .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                    .handler(codec)
                    .bind(new InetSocketAddress(host, port)).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw new IOException("cannot bind UDP " + host + ":" + port + " for HTTP/3: " + bound.cause().getMessage(),
                        bound.cause());
            }
            return new Http3Server(group, bound.channel(), leaves);
        } catch (IOException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Follows the origin's certificates: a leaf for every host that has one, as the TLS port presents. */
    void certificate(SelfSignedCertificate certificate) {
        leaves.update(certificate);
    }

    /** The leaf to present for a TLS server name: the host's own, else the origin under test's. */
    private static final class Leaves implements Mapping<String, QuicSslContext> {
        private final QuicSslContext origin;
        /** A context per other host's leaf, by host name; only grows, swapped in whole. */
        private volatile Map<String, QuicSslContext> hosts = Map.of();

        Leaves(SelfSignedCertificate certificate) {
            origin = leaf(certificate.keyStore(), SelfSignedCertificate.ORIGIN_ALIAS);
            update(certificate);
        }

        synchronized void update(SelfSignedCertificate certificate) {
            Map<String, QuicSslContext> leaves = new HashMap<>(hosts);
            KeyStore keys = null;
            for (String host : certificate.hosts()) {
                if (!leaves.containsKey(host)) {
                    keys = keys == null ? certificate.keyStore() : keys;
                    leaves.put(host, leaf(keys, host));
                }
            }
            hosts = Map.copyOf(leaves);
        }

        @Override
        public QuicSslContext map(String serverName) {
            QuicSslContext leaf = serverName == null ? null : hosts.get(serverName.toLowerCase(Locale.ROOT));
            return leaf == null ? origin : leaf;
        }
    }

    private static QuicSslContext leaf(KeyStore keys, String alias) {
        return builder(keys, alias).build();
    }

    private static QuicSslContextBuilder builder(KeyStore keys, String alias) {
        try {
            PrivateKey key = (PrivateKey) keys.getKey(alias, SelfSignedCertificate.PASSWORD.toCharArray());
            Certificate[] chain = keys.getCertificateChain(alias);
            return QuicSslContextBuilder.forServer(key, null, Arrays.copyOf(chain, chain.length, X509Certificate[].class))
                    .applicationProtocols(Http3.supportedApplicationProtocols());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the leaf " + alias + ": " + e.getMessage(), e);
        }
    }

    /** The UDP port it listens on. */
    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
