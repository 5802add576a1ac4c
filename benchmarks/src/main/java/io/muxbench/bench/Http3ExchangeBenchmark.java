package io.muxbench.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import io.netty.handler.codec.http3.DefaultHttp3Headers;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.quic.Quic;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One HTTP/3 exchange over a warm QUIC connection: a GET with a real stylesheet request's headers
 * on a new request stream, and the whole response (a real stylesheet response's headers, then the
 * body in DATA frames of 16 KB), between a Netty client and a Netty server in this JVM over
 * loopback UDP ({@link LoopbackHttp3}), both with muxbench's QUIC settings. The same bodies as
 * {@link Http2FrameBenchmark}: small, medium and large.
 *
 * <p><b>Why a real connection.</b> QUIC packet protection (AEAD and header protection) and QUIC's
 * own frames happen inside quiche, native code that Netty exposes only through a connection, and
 * Netty's HTTP/3 frame codec runs only on a QUIC stream channel: there is no in-memory path as
 * for HTTP/2 frames or TLS records. So one operation is what muxbench's h3 mode pays per request on
 * a warm connection: HTTP/3 frames and QPACK, QUIC frames, packet protection, acknowledgements, UDP
 * send and receive through the kernel's loopback, and the hand-offs between the benchmark thread
 * and the client's and server's event loops (one thread each). Those hand-offs and syscalls are the
 * harness's noise; compare the sizes within one run (the per-byte cost is the large body's), and
 * {@link QpackBenchmark} for the header coding alone. No link, no loss: congestion control never
 * holds a window back on loopback.
 *
 * <p>Pitfalls avoided: <i>state carried between invocations</i>: each exchange opens a new stream
 * on the same connection, as a browser's requests do, and the connection's flow-control windows
 * (32 MiB, 8 MiB per stream) never run out; <i>dead code</i>: the received byte count is returned;
 * <i>a no-op</i>: setup checks one exchange's status, header fields and every body byte against
 * what the server sent, and every invocation checks the status and the body's length;
 * <i>the interpreter</i>: the JIT has two Netty pipelines and quiche's JNI paths to settle (on 2
 * busy cores a medium exchange went 9.1, 2.7, 1.6, 1.7, 3.4, 2.9, 1.6, 1.2 ms over 1 s warm-up
 * iterations, then held 1.1 ms), hence 10 s of warm-up by default, and the short pass runs it
 * with {@link DriverBenchmark}, not at the microbenchmarks' 200 ms.
 */
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class Http3ExchangeBenchmark extends BenchmarkBase {

    /** The connection, and the request and response it carries. */
    @State(Scope.Thread)
    public static class Workload {
        @Param
        ResponseSize size;

        LoopbackHttp3 h3;
        Http3Headers request;
        int status;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            SelfCheck.require(Quic.isAvailable(), "QUIC is not available on this platform: " + Quic.unavailabilityCause());
            MetaData.Response head = HeaderSet.RESPONSE_STYLESHEET.response(HttpVersion.HTTP_2, size.bytes());
            status = head.getStatus();
            Http3Headers response = new DefaultHttp3Headers().status(Integer.toString(status));
            head.getHttpFields().forEach(field -> response.add(field.getLowerCaseName(), field.getValue()));
            request = QpackBenchmark.http3Headers(HeaderSet.REQUEST_STYLESHEET.fields());
            ByteBuffer body = size.newBody();
            h3 = LoopbackHttp3.start(response, body);

            LoopbackHttp3.Response first = h3.exchange(request, ByteBuffer.allocate(size.bytes()));
            SelfCheck.require(first.status() == status && first.bodyBytes() == size.bytes()
                    && first.body().flip().equals(body),
                    "HTTP/3 exchange of a " + size + " body: status " + first.status() + ", " + first.bodyBytes()
                    + " bytes, not the " + size.bytes() + " the server sent, byte for byte");
            SelfCheck.require(QpackBenchmark.describe(response).equals(QpackBenchmark.describe(first.headers())),
                    "HTTP/3 exchange changed the response headers: sent\n" + QpackBenchmark.describe(response)
                    + "got\n" + QpackBenchmark.describe(first.headers()));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (h3 != null) {
                h3.close();
            }
        }
    }

    @Benchmark
    public long exchange(Workload w) throws Exception {
        LoopbackHttp3.Response response = w.h3.exchange(w.request, null);
        if (response.status() != w.status || response.bodyBytes() != w.size.bytes()) {
            throw new IllegalStateException("HTTP/3 exchange: status " + response.status() + ", "
                    + response.bodyBytes() + " bytes of " + w.size.bytes());
        }
        return response.bodyBytes();
    }
}
