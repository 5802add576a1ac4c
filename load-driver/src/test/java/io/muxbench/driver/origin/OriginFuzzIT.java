package io.muxbench.driver.origin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.muxbench.driver.TestScenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.client.transport.HttpClientTransportOverHTTP2;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Random bytes to the origin through its public ports only: on the cleartext port (alone, after a
 * request line, or after the h2c preface as random HTTP/2 frames), on the TLS port before any
 * handshake, and after a completed handshake that negotiated h2 or http/1.1 over ALPN. Each
 * connection ends with a half-close, a plain close or a reset. Afterwards a good request on a new
 * connection gets its 200 with the declared size. Jazzer builds the junk from its input; every socket
 * read has a timeout.
 */
class OriginFuzzIT {

    private static final int READ_TIMEOUT_MILLIS = 10_000;
    /** How long a fuzzing connection waits for the origin's last words after its own; then it just closes. */
    private static final int LINGER_READ_MILLIS = 300;
    private static final long BODY_BYTES = 50_000;
    private static final String GOOD_PATH = "/r/0.bin";
    private static final byte[] H2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static Origin origin;
    private static SSLContext trustAll;

    enum Ending { HALF_CLOSE, CLOSE, RESET }

    enum Prefix { NONE, REQUEST_LINE, HEADERS, H2_PREFACE, H2_PREFACE_AND_SETTINGS }

    /** One hostile connection: what opens it, random chunks and HTTP/2 frames after that, and how it ends. */
    record Junk(Prefix prefix, List<byte[]> chunks, Ending ending) {
        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (prefix) {
                case NONE -> { }
                case REQUEST_LINE -> out.writeBytes(("GET " + GOOD_PATH + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
                case HEADERS -> out.writeBytes(("GET " + GOOD_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                case H2_PREFACE -> out.writeBytes(H2_PREFACE);
                case H2_PREFACE_AND_SETTINGS -> {
                    out.writeBytes(H2_PREFACE);
                    out.writeBytes(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}); // an empty SETTINGS frame
                }
            }
            chunks.forEach(out::writeBytes);
            return out.toByteArray();
        }

        @Override
        public String toString() {
            return prefix + " + " + chunks.stream().mapToInt(c -> c.length).boxed().toList() + " bytes, " + ending
                    + ", first bytes " + hex(bytes());
        }
    }

    @BeforeAll
    static void start() throws Exception {
        origin = Origin.start(Origin.Options.defaults());
        origin.serve(TestScenarios.flat("fuzz", 1, BODY_BYTES, 0));
        trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[] {new TrustEverything()}, new SecureRandom());
    }

    @AfterAll
    static void stop() throws Exception {
        origin.close();
    }

    @FuzzTest(maxDuration = "6s")
    void randomBytesOnTheCleartextPortLeaveItAnswering(FuzzedDataProvider data) throws Exception {
        Junk junk = junk(data);
        try (Socket socket = new Socket(origin.cleartextUri().getHost(), origin.cleartextUri().getPort())) {
            send(socket, junk);
        }
        assertGoodHttp11(new Socket(origin.cleartextUri().getHost(), origin.cleartextUri().getPort()));
    }

    @FuzzTest(maxDuration = "6s")
    void randomBytesOnTheTlsPortBeforeAnyHandshakeLeaveItAnswering(FuzzedDataProvider data) throws Exception {
        Junk junk = junk(data);
        try (Socket socket = new Socket(origin.tlsUri().getHost(), origin.tlsUri().getPort())) {
            send(socket, junk);
        }
        assertGoodHttp11(tls("http/1.1"));
    }

    @FuzzTest(maxDuration = "6s")
    void randomBytesAfterAnH2HandshakeLeaveItAnswering(FuzzedDataProvider data) throws Exception {
        Junk junk = junk(data);
        try (SSLSocket socket = tls("h2")) {
            assertEquals("h2", socket.getApplicationProtocol());
            send(socket, junk);
        }
        assertGoodHttp2();
    }

    @FuzzTest(maxDuration = "6s")
    void randomBytesAfterAnHttp11HandshakeLeaveItAnswering(FuzzedDataProvider data) throws Exception {
        Junk junk = junk(data);
        try (SSLSocket socket = tls("http/1.1")) {
            assertEquals("http/1.1", socket.getApplicationProtocol());
            send(socket, junk);
        }
        assertGoodHttp11(tls("http/1.1"));
    }

    /** Writes the junk, ends the connection as told, and reads what the origin says meanwhile, within a timeout. */
    private static void send(Socket socket, Junk junk) throws IOException {
        socket.setSoTimeout(LINGER_READ_MILLIS);
        try {
            socket.getOutputStream().write(junk.bytes());
            socket.getOutputStream().flush();
            switch (junk.ending()) {
                case HALF_CLOSE -> {
                    if (!(socket instanceof SSLSocket)) {
                        socket.shutdownOutput();
                    }
                    drain(socket.getInputStream());
                }
                case CLOSE -> drain(socket.getInputStream());
                case RESET -> socket.setSoLinger(true, 0);
            }
        } catch (IOException e) {
            // The origin closed or reset first, as it may with junk: what matters is what follows.
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[16 << 10];
        try {
            while (in.read(buffer) >= 0) {
                // Keep reading until the origin closes or goes quiet.
            }
        } catch (SocketTimeoutException quiet) {
            // It waits for more of a request, or for an idle timeout: fine, the socket is closed next.
        }
    }

    private static SSLSocket tls(String alpn) throws IOException {
        URI uri = origin.tlsUri();
        SSLSocket socket = (SSLSocket) trustAll.getSocketFactory().createSocket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {alpn});
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** A GET over HTTP/1.1 on a fresh connection answers 200 with the declared size. */
    private static void assertGoodHttp11(Socket fresh) throws IOException {
        try (Socket socket = fresh) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + GOOD_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] response = socket.getInputStream().readAllBytes();
            String text = new String(response, StandardCharsets.ISO_8859_1);
            int headerEnd = text.indexOf("\r\n\r\n");
            assertTrue(headerEnd > 0, "no complete header: " + text.substring(0, Math.min(200, text.length())));
            String head = text.substring(0, headerEnd).toLowerCase(Locale.ROOT);
            assertTrue(head.startsWith("http/1.1 200"), head);
            assertTrue(head.contains("content-length: " + BODY_BYTES), head);
            assertEquals(BODY_BYTES, response.length - headerEnd - 4, head);
        }
    }

    /** A GET over h2 on a fresh connection (a new client) answers 200 with the declared size. */
    private static void assertGoodHttp2() throws Exception {
        SslContextFactory.Client ssl = new SslContextFactory.Client(true);
        ssl.setEndpointIdentificationAlgorithm(null);
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(ssl);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP2(new HTTP2Client(connector)));
        client.start();
        try {
            ContentResponse response = client.newRequest(origin.tlsUri().resolve(GOOD_PATH))
                    .timeout(READ_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).send();
            assertEquals(200, response.getStatus());
            assertEquals(BODY_BYTES, response.getContent().length);
            assertEquals(String.valueOf(BODY_BYTES), response.getHeaders().get("content-length"));
        } finally {
            client.stop();
        }
    }

    /** An opening, up to eight chunks (raw bytes, HTTP/2 frames, header lines, weighted 1:2:1) and an ending. */
    private static Junk junk(FuzzedDataProvider data) {
        Prefix prefix = data.pickValue(Prefix.values());
        List<byte[]> chunks = new ArrayList<>();
        int count = data.consumeInt(0, 8);
        for (int i = 0; i < count; i++) {
            int weight = data.consumeInt(0, 3);
            chunks.add(weight == 0 ? raw(data) : weight == 3 ? headerLine(data) : h2Frame(data));
        }
        return new Junk(prefix, chunks, data.pickValue(Ending.values()));
    }

    /** Random bytes: none, a few, up to 16 KiB, or up to 1 MiB, weighted 1:5:3:1. */
    private static byte[] raw(FuzzedDataProvider data) {
        int weight = data.consumeInt(0, 9);
        int length = weight == 0 ? 0
                : weight < 6 ? data.consumeInt(1, 64)
                : weight < 9 ? data.consumeInt(65, 16_384)
                : data.consumeInt(16_385, 1 << 20);
        return randomBytes(length, data.consumeLong());
    }

    /** An HTTP/2 frame: any type (known or not), flags and stream, a payload, and sometimes a length that lies. */
    private static byte[] h2Frame(FuzzedDataProvider data) {
        int type = data.consumeInt(0, 8) < 8 ? data.consumeInt(0, 9) : data.consumeInt(10, 255);
        int flags = data.consumeInt(0, 255);
        int streamWeight = data.consumeInt(0, 9);
        int stream = streamWeight < 3 ? 0 : streamWeight < 9 ? data.consumeInt(1, 9) : data.consumeInt(0, Integer.MAX_VALUE);
        byte[] body = data.consumeBytes(data.consumeInt(0, 600));
        int lie = data.consumeInt(0, 8) < 8 ? 0 : data.consumeInt(-600, 1 << 20);
        int length = Math.max(0, Math.min((1 << 24) - 1, body.length + lie));
        ByteBuffer frame = ByteBuffer.allocate(9 + body.length);
        frame.put((byte) (length >>> 16)).put((byte) (length >>> 8)).put((byte) length);
        frame.put((byte) type).put((byte) flags).putInt(stream).put(body);
        return frame.array();
    }

    /** A header line, sometimes huge or with bytes no header may hold. */
    private static byte[] headerLine(FuzzedDataProvider data) {
        String name = data.pickValue(List.of("Host", "Content-Length", "Transfer-Encoding", "X-A", "", ":authority",
                "Content-Length "));
        String value = data.pickValue(List.of("127.0.0.1", "chunked", "-1", "99999999999999999999", "", "a\u0000b",
                "x".repeat(70_000)));
        return (name + ": " + value + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(48, bytes.length); i++) {
            out.append(String.format(Locale.ROOT, "%02x", bytes[i]));
        }
        return out + (bytes.length > 48 ? "..." : "");
    }

    /** The fuzzer needs the TLS port's handshake, not the certificate's validity. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
