package io.muxbench.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http3.BenchmarkQpack;
import io.netty.handler.codec.http3.DefaultHttp3Headers;
import io.netty.handler.codec.http3.Http3Headers;
import io.netty.handler.codec.http3.Http3Settings;
import org.eclipse.jetty.http.HttpField;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * QPACK encode and decode of the same real browser header blocks as {@link HpackBenchmark}
 * ({@link HeaderSet}), with the codec muxbench's HTTP/3 runs on: Netty's {@code QpackEncoder} and
 * {@code QpackDecoder}, the decode validating fields into {@link DefaultHttp3Headers} as Netty's
 * HTTP/3 frame codec does. One operation is one field section, the payload of one HEADERS frame.
 *
 * <p><b>Why Netty's internals.</b> Netty keeps its QPACK codec package-private, and its HTTP/3 frame
 * codec only runs on a QUIC stream channel. Going through the public API would mean a QUIC connection,
 * whose packet protection, event loops and UDP sockets would bury a microsecond of QPACK work; so
 * {@link BenchmarkQpack}, in Netty's package, calls exactly what the frame codec calls and nothing
 * else (see its Javadoc for what to do when a Netty upgrade breaks it).
 *
 * <p><b>No dynamic table.</b> Both ends of muxbench's HTTP/3 keep Netty's default SETTINGS, a QPACK
 * table capacity of 0, as Netty does: every field section is static-table references and literals,
 * the first request on a connection costs what every later one does, and there is no cold and warm
 * pair as for HPACK (setup fails if a Netty upgrade changes that default). The aux counter {@code qpackBytes}, next to {@code HpackBenchmark}'s cold and
 * warm {@code hpackBytes}, shows what that leaves on the wire.
 *
 * <p>Pitfalls avoided: <i>state carried between invocations</i>: with no table, the codec keeps no
 * state, and setup proves it (a second encode writes the same bytes, a second decode gives the same
 * fields); <i>dead code</i>: every result is returned to JMH; <i>constant folding</i>: inputs live in
 * {@code @State} fields. Setup checks decode(encode(h)) equals h, field by field and in order.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QpackBenchmark extends BenchmarkBase {

    /** Room for any of the header sets: Netty's limit for a field section is 8 KiB. */
    private static final int BLOCK_CAPACITY_BYTES = 16 * 1024;

    /** One header set as Netty headers, its encoded field section, and the codec. */
    @State(Scope.Thread)
    public static class Workload {
        @Param
        HeaderSet headerSet;

        BenchmarkQpack qpack;
        Http3Headers headers;
        ByteBuf encodeBuffer;
        ByteBuf block;
        int http1Bytes;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Long tableCapacity = Http3Settings.defaultSettings().qpackMaxTableCapacity();
            SelfCheck.require(tableCapacity == null || tableCapacity == 0,
                    "Netty's default HTTP/3 SETTINGS now announce a QPACK table of " + tableCapacity
                    + " bytes: muxbench's connections use a dynamic table, which this benchmark leaves out");
            qpack = new BenchmarkQpack();
            headers = http3Headers(headerSet.fields());
            http1Bytes = headerSet.http1HeaderBytes();
            encodeBuffer = Unpooled.buffer(BLOCK_CAPACITY_BYTES);
            block = Unpooled.buffer(BLOCK_CAPACITY_BYTES);
            qpack.encode(headers, block);
            ByteBuf again = Unpooled.buffer(BLOCK_CAPACITY_BYTES);
            qpack.encode(headers, again);
            SelfCheck.require(ByteBufUtil.equals(block, again),
                    "QPACK encoding of " + headerSet + " changes between invocations");
            SelfCheck.require(block.readableBytes() > 2 && block.readableBytes() < http1Bytes,
                    "QPACK block of " + headerSet + " is " + block.readableBytes() + " bytes, HTTP/1.1 text " + http1Bytes);
            checkRoundTrip("first decode");
            checkRoundTrip("second decode");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            encodeBuffer.release();
            block.release();
        }

        ByteBuf rewoundBlock() {
            return block.readerIndex(0);
        }

        private void checkRoundTrip(String which) throws Exception {
            Http3Headers decoded = qpack.decode(rewoundBlock(), new DefaultHttp3Headers());
            SelfCheck.require(describe(headers).equals(describe(decoded)), "QPACK round trip (" + which
                    + ") changed " + headerSet + ": sent\n" + describe(headers) + "got\n" + describe(decoded));
        }

    }

    /**
     * @param headers Netty HTTP/3 headers
     * @return one "name: value" line per field, in iteration order (pseudo-headers first); for checks
     */
    static String describe(Http3Headers headers) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<CharSequence, CharSequence> field : headers) {
            text.append(field.getKey()).append(": ").append(field.getValue()).append('\n');
        }
        return text.toString();
    }

    /**
     * @param fields pseudo-headers first, names lower case
     * @return the same fields as Netty HTTP/3 headers, in order
     */
    static Http3Headers http3Headers(Iterable<HttpField> fields) {
        Http3Headers headers = new DefaultHttp3Headers();
        for (HttpField field : fields) {
            headers.add(field.getLowerCaseName(), field.getValue());
        }
        return headers;
    }

    /**
     * Sizes reported next to the time, as bytes per field section (see {@link HpackBenchmark.EncodedSize}
     * for how a stored EVENTS counter reads as one block's size).
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class EncodedSize {
        /** Bytes of the QPACK field section just encoded. */
        public double qpackBytes;
        /** Bytes of the same headers as HTTP/1.1 text, for comparison. */
        public double http1Bytes;

        private double shareOfSum;

        @Setup(Level.Iteration)
        public void setUp(BenchmarkParams benchmark, IterationParams iteration) {
            shareOfSum = shareOfSum(benchmark, iteration);
        }
    }

    @Benchmark
    public int encode(Workload w, EncodedSize size) {
        ByteBuf buffer = w.encodeBuffer.clear();
        w.qpack.encode(w.headers, buffer);
        size.qpackBytes = buffer.writerIndex() * size.shareOfSum;
        size.http1Bytes = w.http1Bytes * size.shareOfSum;
        return buffer.writerIndex();
    }

    @Benchmark
    public Http3Headers decode(Workload w) throws Exception {
        return w.qpack.decode(w.rewoundBlock(), new DefaultHttp3Headers());
    }
}
