package io.muxbench.driver.origin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.TestScenarios;
import io.muxbench.driver.transport.QuicTurnedOff;
import io.muxbench.driver.transport.QuicParameters;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.http3.DefaultHttp3HeadersFrame;
import io.netty.handler.codec.http3.Http3;
import io.netty.handler.codec.http3.Http3ClientConnectionHandler;
import io.netty.handler.codec.http3.Http3DataFrame;
import io.netty.handler.codec.http3.Http3HeadersFrame;
import io.netty.handler.codec.http3.Http3RequestStreamInboundHandler;
import io.netty.handler.codec.quic.QuicChannel;
import io.netty.handler.codec.quic.QuicSslContext;
import io.netty.handler.codec.quic.QuicSslContextBuilder;
import io.netty.handler.codec.quic.QuicStreamChannel;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The origin's HTTP/3 side, checked with Netty's HTTP/3 client: the same answers as its TLS port,
 * byte for byte, over one QUIC connection; counted as one connection with streams in flight; a leaf
 * per host by server name; faults as injected.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Http3OriginIT {

    private static Origin origin;
    private static EventLoopGroup group;

    @BeforeAll
    static void start() throws Exception {
        origin = Origin.start(Origin.Options.defaults());
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() throws Exception {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        origin.close();
    }

    @BeforeEach
    void resetStats() {
        origin.resetStats();
    }

    @Test
    void servesHttp3WhereQuicLoads() {
        assertTrue(origin.http3Available(), "Quic.isAvailable() holds on the machines this suite runs on");
    }

    @Test
    void servesTcpOnlyWhenQuicIsTurnedOffAsTheH3ModeIs() throws Exception {
        QuicTurnedOff.during(() -> {
            try (Origin tcpOnly = Origin.start(Origin.Options.defaults())) {
                assertFalse(tcpOnly.http3Available());
            }
        });
    }

    @Test
    void answersEveryPathWithTheStatusHeadersAndBytesOfTheTlsPortOverOneQuicConnection() throws Exception {
        Scenario scenario = ScenarioLoader.resolve("image-grid");
        origin.serve(scenario);
        java.net.http.HttpClient tls = java.net.http.HttpClient.newBuilder().sslContext(sslContext())
                .version(java.net.http.HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(10)).build();
        try (Client client = Client.connect(null)) {
            List<String> paths = scenario.resources().stream().map(Resource::path).toList();
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (String path : paths) {
                replies.add(client.get("127.0.0.1:" + origin.tlsUri().getPort(), path));
            }
            for (int i = 0; i < paths.size(); i++) {
                Reply h3 = replies.get(i).get(30, TimeUnit.SECONDS);
                var request = java.net.http.HttpRequest.newBuilder(origin.tlsUri().resolve(paths.get(i)))
                        .timeout(Duration.ofSeconds(20)).build();
                var h2 = tls.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                String where = paths.get(i);
                assertEquals(h2.statusCode(), h3.status, where);
                Map<String, List<String>> h2Fields = new TreeMap<>(h2.headers().map());
                h2Fields.remove("date"); // the one field Jetty adds per response
                h2Fields.remove(":status");
                assertEquals(h2Fields, h3.fields, where);
                assertArrayEquals(h2.body(), h3.body.toByteArray(), where);
            }
        }
        OriginStats stats = origin.stats();
        List<OriginStats.ConnectionStats> quic = stats.connections().stream()
                .filter(c -> c.protocol().equals("HTTP/3")).toList();
        assertEquals(1, quic.size(), stats.toString());
        assertEquals(scenario.resources().size(), quic.get(0).requests());
    }

    @Test
    void countsOneQuicConnectionWithItsStreamsInFlight() throws Exception {
        // Think time holds every response, so all ten requests are in flight before the first answer.
        origin.serve(TestScenarios.flat("h3-streams", 10, 1_000, 400));
        try (Client client = Client.connect(null)) {
            List<CompletableFuture<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                replies.add(client.get("127.0.0.1", "/r/" + i + ".bin"));
            }
            for (CompletableFuture<Reply> reply : replies) {
                assertEquals(1_000, reply.get(30, TimeUnit.SECONDS).body.size());
            }
        }
        OriginStats stats = origin.stats();
        assertEquals(1, stats.connectionsAccepted(), stats.toString());
        assertEquals(1, stats.connections().size(), stats.toString());
        OriginStats.ConnectionStats connection = stats.connections().get(0);
        assertEquals("HTTP/3", connection.protocol());
        assertEquals(10, connection.requests());
        assertTrue(connection.maxInFlight() > 1, stats.toString());
    }

    @Test
    void presentsAnotherHostItsOwnLeafByServerNameAndServesItsResources() throws Exception {
        Resource root = new Resource("/", 200, "text/html; charset=utf-8", 2_000, Map.of(), 0, List.of(
                new Resource("/same.png", 200, "image/png", 3_000, Map.of(), 0, List.of(), "cdn.example"),
                Resource.leaf("/same.png", "image/png", 1_000)), null);
        origin.serve(new Scenario(Scenario.SCHEMA_VERSION, "h3-hosts", "built in a test", null, root));
        try (Client cdn = Client.connect("cdn.example"); Client main = Client.connect(null)) {
            assertEquals(List.of("cdn.example"), alternativeNames(cdn.peer()));
            assertEquals(origin.certificate().certificate(), main.peer());
            assertEquals(3_000, cdn.get("cdn.example", "/same.png").get(30, TimeUnit.SECONDS).body.size());
            assertEquals(1_000, main.get("127.0.0.1", "/same.png").get(30, TimeUnit.SECONDS).body.size());
            assertEquals(404, main.get("cdn.example", "/").get(30, TimeUnit.SECONDS).status);
        }
    }

    @Test
    void answersFaultsAndUnknownPathsAsTheTlsPortDoes() throws Exception {
        origin.serve(TestScenarios.flat("h3-faults", 3, 100_000, 0));
        origin.fault("/r/0.bin", Fault.CLOSE_WITHOUT_RESPONSE);
        origin.fault("/r/1.bin", Fault.STATUS_500);
        origin.fault("/r/2.bin", Fault.RESET_MID_RESPONSE);
        try (Client client = Client.connect(null)) {
            CompletableFuture<Reply> closed = client.get("127.0.0.1", "/r/0.bin");
            ExecutionException noAnswer = assertThrows(ExecutionException.class, () -> closed.get(30, TimeUnit.SECONDS));
            assertNull(((StreamFailed) noAnswer.getCause()).reply.fields, "no response head");
            assertEquals(500, client.get("127.0.0.1", "/r/1.bin").get(30, TimeUnit.SECONDS).status);
            ExecutionException reset = assertThrows(ExecutionException.class,
                    () -> client.get("127.0.0.1", "/r/2.bin").get(30, TimeUnit.SECONDS));
            Reply half = ((StreamFailed) reset.getCause()).reply;
            assertEquals(200, half.status);
            assertTrue(half.body.size() <= 50_000, "at most half the body: " + half.body.size());
            Reply missing = client.get("127.0.0.1", "/nowhere").get(30, TimeUnit.SECONDS);
            assertEquals(404, missing.status);
            assertEquals("muxbench origin: no resource at /nowhere\n", missing.body.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            for (String path : List.of("/r/0.bin", "/r/1.bin", "/r/2.bin")) {
                origin.fault(path, null);
            }
        }
    }

    /** Larger than every flow-control window, so it is only whole if the server waits for credit and resumes. */
    @Test
    void servesABodyLargerThanTheFlowControlWindowsWhole() throws Exception {
        int size = (int) QuicParameters.INITIAL_MAX_DATA_BYTES + 3 * Bodies.CHUNK + 7;
        origin.serve(TestScenarios.flat("h3-large", 1, size, 0));
        try (Client client = Client.connect(null)) {
            byte[] body = client.get("127.0.0.1", "/r/0.bin").get(50, TimeUnit.SECONDS).body.toByteArray();
            assertEquals(size, body.length);
            for (int i = 0; i < size; i++) {
                if (body[i] != Bodies.byteAt(i)) {
                    throw new AssertionError("byte " + i + " differs");
                }
            }
        }
    }

    /** A bound, not a timing: the origin cannot answer before the stall it was told of has passed. */
    @Test
    void holdsHttp3ResponsesWhileStalled() throws Exception {
        origin.serve(TestScenarios.flat("h3-stall", 1, 1_000, 0));
        try (Client client = Client.connect(null)) {
            long stalledAt = System.nanoTime();
            origin.stall(Duration.ofMillis(500));
            Reply reply = client.get("127.0.0.1", "/r/0.bin").get(30, TimeUnit.SECONDS);
            long heldNanos = System.nanoTime() - stalledAt;
            assertEquals(1_000, reply.body.size());
            assertTrue(heldNanos >= TimeUnit.MILLISECONDS.toNanos(500), "answered " + heldNanos + " ns after the stall began");
        }
    }

    @Test
    void failsWithAClearMessageWhenItsTlsPortNumberIsTakenOverUdpAndFreesTheUdpPortOnClose() throws Exception {
        try (java.net.DatagramSocket taken = new java.net.DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            int port = taken.getLocalPort();
            java.io.IOException failure = assertThrows(java.io.IOException.class, () -> Origin.start(
                    new Origin.Options("127.0.0.1", 0, port, io.muxbench.driver.tls.KeyType.RSA, 128)).close());
            assertTrue(failure.getMessage().startsWith("cannot bind UDP 127.0.0.1:" + port + " for HTTP/3"), failure.getMessage());
        }
        Origin other = Origin.start(Origin.Options.defaults());
        int port = other.tlsUri().getPort();
        other.close();
        try (java.net.DatagramSocket free = new java.net.DatagramSocket(new InetSocketAddress("127.0.0.1", port))) {
            assertEquals(port, free.getLocalPort());
        }
    }

    private static List<String> alternativeNames(X509Certificate certificate) throws Exception {
        return certificate.getSubjectAlternativeNames().stream().map(name -> (String) name.get(1)).toList();
    }

    private static TrustManagerFactory trust() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(origin.certificate().trustStore());
        return trust;
    }

    private static SSLContext sslContext() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust().getTrustManagers(), new SecureRandom());
        return context;
    }

    /** A response as received: null fields until its head came. */
    static final class Reply {
        int status;
        Map<String, List<String>> fields;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
    }

    /** A stream that ended without a whole response, with what did come. */
    static final class StreamFailed extends Exception {
        final transient Reply reply;

        StreamFailed(Reply reply, String message) {
            super(message);
            this.reply = reply;
        }
    }

    /** One QUIC connection to the origin's UDP port, with the TLS server name given (null: none). */
    private record Client(Channel udp, QuicChannel quic) implements AutoCloseable {

        static Client connect(String serverName) throws Exception {
            int port = origin.tlsUri().getPort();
            QuicSslContext ssl = QuicSslContextBuilder.forClient().trustManager(trust())
                    .applicationProtocols(Http3.supportedApplicationProtocols()).build();
            var codec = QuicParameters.apply(Http3.newQuicClientCodecBuilder(), 128)
                    .sslEngineProvider(channel -> ssl.newEngine(channel.alloc(),
                            serverName == null ? "127.0.0.1" : serverName, port))
                    .build();
            Channel udp = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(codec)
                    .bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            QuicChannel quic = QuicChannel.newBootstrap(udp).handler(new Http3ClientConnectionHandler())
                    .remoteAddress(new InetSocketAddress("127.0.0.1", port)).connect().get(20, TimeUnit.SECONDS);
            return new Client(udp, quic);
        }

        X509Certificate peer() throws Exception {
            return (X509Certificate) quic.sslEngine().getSession().getPeerCertificates()[0];
        }

        CompletableFuture<Reply> get(String authority, String path) throws Exception {
            CompletableFuture<Reply> done = new CompletableFuture<>();
            Reply reply = new Reply();
            QuicStreamChannel stream = Http3.newRequestStream(quic, new Http3RequestStreamInboundHandler() {
                @Override
                protected void channelRead(ChannelHandlerContext ctx, Http3HeadersFrame frame) {
                    reply.status = Integer.parseInt(frame.headers().status().toString());
                    Map<String, List<String>> fields = new TreeMap<>();
                    frame.headers().forEach(f -> {
                        if (f.getKey().charAt(0) != ':') {
                            fields.computeIfAbsent(f.getKey().toString(), k -> new ArrayList<>()).add(f.getValue().toString());
                        }
                    });
                    reply.fields = fields;
                }

                @Override
                protected void channelRead(ChannelHandlerContext ctx, Http3DataFrame frame) {
                    ByteBuf content = frame.content();
                    byte[] bytes = new byte[content.readableBytes()];
                    content.readBytes(bytes);
                    reply.body.write(bytes, 0, bytes.length);
                    frame.release();
                }

                @Override
                protected void channelInputClosed(ChannelHandlerContext ctx) {
                    done.complete(reply);
                }

                @Override
                public void channelInactive(ChannelHandlerContext ctx) {
                    done.completeExceptionally(new StreamFailed(reply, "stream closed without a whole response"));
                }

                @Override
                protected void handleQuicException(ChannelHandlerContext ctx, io.netty.handler.codec.quic.QuicException e) {
                    done.completeExceptionally(new StreamFailed(reply, e.toString()));
                }
            }).get(20, TimeUnit.SECONDS);
            Http3HeadersFrame request = new DefaultHttp3HeadersFrame();
            request.headers().method("GET").path(path).authority(authority).scheme("https");
            stream.writeAndFlush(request).addListener(QuicStreamChannel.SHUTDOWN_OUTPUT);
            return done;
        }

        @Override
        public void close() throws Exception {
            quic.close().await(10, TimeUnit.SECONDS);
            udp.close().await(10, TimeUnit.SECONDS);
        }
    }
}
