package io.muxbench.bench;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.hpack.HpackDecoder;
import org.eclipse.jetty.http2.hpack.HpackEncoder;
import org.eclipse.jetty.http2.hpack.HpackException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * HPACK encode and decode of real browser header blocks ({@link HeaderSet}) with Jetty's
 * {@link HpackEncoder} and {@link HpackDecoder}, on a <b>cold</b> table (a new encoder or decoder per
 * operation: the first request or response on a connection, creation included) and a <b>warm</b>
 * table (the same headers again after one priming block: every later request on a connection).
 * The {@link EncodedSize} aux counters put the encoded block size next to the HTTP/1.1 text size
 * of the same headers, so the compression HTTP/2 buys is a number in the results.
 *
 * <p>Pitfalls avoided: <i>state carried between invocations</i> — a shared encoder would turn
 * the cold table into a warm one after the first call, so cold builds a fresh one each time, and warm
 * re-encodes a block that setup proved leaves the table unchanged (same bytes, same table size),
 * so every invocation does identical work; <i>dead code</i> — every result is returned to JMH;
 * <i>constant folding</i> — inputs live in {@code @State} fields, never in constants. Setup checks
 * decode(encode(h)) equals h for both tables.
 */
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HpackBenchmark extends BenchmarkBase {

    /** RFC 7541's default dynamic table size, what browsers and Jetty use. */
    static final int TABLE_CAPACITY_BYTES = 4096;
    private static final int MAX_HEADER_LIST_BYTES = 64 * 1024;

    /** One header set, its cold and warm encodings, and a primed encoder and decoder. */
    @State(Scope.Thread)
    public static class Workload {
        @Param
        HeaderSet headerSet;

        MetaData metaData;
        ByteBuffer encodeBuffer;
        HpackEncoder warmEncoder;
        HpackDecoder warmDecoder;
        ByteBuffer coldBlock;
        ByteBuffer warmBlock;
        int http1Bytes;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            metaData = headerSet.isRequest()
                    ? headerSet.request(HttpVersion.HTTP_2)
                    : headerSet.response(HttpVersion.HTTP_2);
            encodeBuffer = ByteBuffer.allocate(MAX_HEADER_LIST_BYTES);
            http1Bytes = headerSet.http1HeaderBytes();
            warmEncoder = newEncoder();
            coldBlock = encode(warmEncoder);
            warmBlock = encode(warmEncoder);
            int tableEntries = warmEncoder.getHpackContext().size();
            SelfCheck.require(encode(warmEncoder).equals(warmBlock)
                    && warmEncoder.getHpackContext().size() == tableEntries,
                    "warm HPACK encoding of " + headerSet + " changes between invocations");

            warmDecoder = newDecoder();
            checkRoundTrip(warmDecoder.decode(coldBlock.duplicate()), "cold table");
            checkRoundTrip(warmDecoder.decode(warmBlock.duplicate()), "warm table");
            int decoderEntries = warmDecoder.getHpackContext().size();
            checkRoundTrip(warmDecoder.decode(warmBlock.duplicate()), "warm table, again");
            SelfCheck.require(warmDecoder.getHpackContext().size() == decoderEntries,
                    "warm HPACK decoding of " + headerSet + " changes the table between invocations");
            SelfCheck.require(warmBlock.remaining() < coldBlock.remaining(),
                    "warm block of " + headerSet + " is not smaller than the cold one");
        }

        HpackEncoder newEncoder() {
            HpackEncoder encoder = new HpackEncoder();
            encoder.setMaxTableCapacity(TABLE_CAPACITY_BYTES);
            encoder.setTableCapacity(TABLE_CAPACITY_BYTES);
            return encoder;
        }

        HpackDecoder newDecoder() {
            HpackDecoder decoder = new HpackDecoder(MAX_HEADER_LIST_BYTES, System::nanoTime);
            decoder.setMaxTableCapacity(TABLE_CAPACITY_BYTES);
            return decoder;
        }

        private ByteBuffer encode(HpackEncoder encoder) throws HpackException {
            ByteBuffer block = ByteBuffer.allocate(MAX_HEADER_LIST_BYTES);
            encoder.encode(block, metaData);
            return block.flip().asReadOnlyBuffer();
        }

        private void checkRoundTrip(MetaData decoded, String table) {
            boolean same = HeaderSet.sameFields(metaData.getHttpFields(), decoded.getHttpFields());
            if (metaData instanceof MetaData.Request request) {
                same &= decoded instanceof MetaData.Request back
                        && back.getMethod().equals(request.getMethod())
                        && back.getHttpURI().toString().equals(request.getHttpURI().toString());
            } else {
                same &= decoded instanceof MetaData.Response back
                        && back.getStatus() == ((MetaData.Response) metaData).getStatus();
            }
            SelfCheck.require(same, "HPACK round trip (" + table + ") changed " + headerSet
                    + ": sent\n" + HeaderSet.describe(metaData) + "got\n" + HeaderSet.describe(decoded));
        }
    }

    /**
     * Sizes reported next to the time, as bytes per header block. JMH sums EVENTS counters over
     * every measured iteration, fork and thread, so each invocation stores (not adds) its size
     * divided by that count, and the sum reads as the size of one block.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class EncodedSize {
        /** Bytes of the HPACK header block just encoded. */
        public double hpackBytes;
        /** Bytes of the same headers as HTTP/1.1 text, for comparison. */
        public double http1Bytes;

        private double shareOfSum;

        @Setup(Level.Iteration)
        public void setUp(BenchmarkParams benchmark, IterationParams iteration) {
            shareOfSum = shareOfSum(benchmark, iteration);
        }

        void record(int hpackBlockBytes, int http1HeaderBytes) {
            hpackBytes = hpackBlockBytes * shareOfSum;
            http1Bytes = http1HeaderBytes * shareOfSum;
        }
    }

    @Benchmark
    public int encodeCold(Workload w, EncodedSize size) throws HpackException {
        return encode(w.newEncoder(), w, size);
    }

    @Benchmark
    public int encodeWarm(Workload w, EncodedSize size) throws HpackException {
        return encode(w.warmEncoder, w, size);
    }

    @Benchmark
    public MetaData decodeCold(Workload w) throws HpackException {
        return w.newDecoder().decode(w.coldBlock.duplicate());
    }

    @Benchmark
    public MetaData decodeWarm(Workload w) throws HpackException {
        return w.warmDecoder.decode(w.warmBlock.duplicate());
    }

    private static int encode(HpackEncoder encoder, Workload w, EncodedSize size) throws HpackException {
        ByteBuffer buffer = w.encodeBuffer.clear();
        encoder.encode(buffer, w.metaData);
        size.record(buffer.position(), w.http1Bytes);
        return buffer.position();
    }
}
