package io.muxbench.bench;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.frames.DataFrame;
import org.eclipse.jetty.http2.frames.Frame;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.generator.Generator;
import org.eclipse.jetty.http2.hpack.HpackException;
import org.eclipse.jetty.http2.parser.Parser;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Generating and parsing one whole HTTP/2 response (a HEADERS frame with a real stylesheet
 * response's headers, then the body in DATA frames of at most 16 KB) with Jetty 12.1's frame
 * {@link Generator} and {@link Parser}, for small, medium and large bodies.
 *
 * <p>The HPACK tables are warm in both directions, as on a connection that has already carried a
 * response: setup generates and parses one priming response, then proves that generating again
 * yields identical bytes, so no invocation changes the state the next one sees ({@link
 * HpackBenchmark} owns the cold-table cost). The parser ends each invocation between frames, the
 * state it starts in. Pitfalls avoided: <i>state carried between invocations</i> (above);
 * <i>dead code</i> — the frame bytes and the parsed byte counts are returned; <i>a no-op</i> —
 * setup checks parse(generate(response)) gives back the same status, headers and body bytes.
 * Generated frames go into a {@code RetainableByteBuffer.DynamicCapacity}, the accumulator Jetty's
 * own flusher hands to the generator, which decides whether body bytes are copied or referenced.
 */
public class Http2FrameBenchmark extends BenchmarkBase {

    private static final int STREAM_ID = 1;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    /** A generator and a parser sharing one response, and that response's warm-table bytes. */
    @State(Scope.Thread)
    public static class Workload {
        @Param
        ResponseSize size;

        MetaData.Response response;
        ByteBuffer body;
        Generator generator;
        RetainableByteBuffer.Mutable output;
        Parser parser;
        ResponseCollector collector;
        ByteBuffer frames;

        @Setup(Level.Trial)
        public void setUp() throws HpackException {
            response = HeaderSet.RESPONSE_STYLESHEET.response(HttpVersion.HTTP_2, size.bytes());
            body = size.newBody();
            ByteBufferPool pool = ByteBufferPool.NON_POOLING;
            generator = new Generator(pool);
            generator.getHpackEncoder().setMaxTableCapacity(HpackBenchmark.TABLE_CAPACITY_BYTES);
            generator.getHpackEncoder().setTableCapacity(HpackBenchmark.TABLE_CAPACITY_BYTES);
            output = new RetainableByteBuffer.DynamicCapacity(pool, false, -1);
            parser = new Parser(pool, MAX_HEADER_BYTES);
            parser.getHpackDecoder().setMaxTableCapacity(HpackBenchmark.TABLE_CAPACITY_BYTES);
            collector = new ResponseCollector();
            parser.init(collector);

            ByteBuffer priming = ByteBuffer.wrap(generate(this).takeByteArray());
            frames = ByteBuffer.wrap(generate(this).takeByteArray()).asReadOnlyBuffer();
            SelfCheck.require(ByteBuffer.wrap(generate(this).takeByteArray()).equals(frames),
                    "generating the " + size + " response twice gave different bytes");
            SelfCheck.require(frames.remaining() < priming.remaining(), "HPACK table did not warm up");
            for (ByteBuffer input : new ByteBuffer[] {priming, frames.duplicate(), frames.duplicate()}) {
                collector.startCopying();
                parser.parse(input);
                SelfCheck.require(!input.hasRemaining() && collector.isComplete(),
                        "parser left the " + size + " response unfinished");
                SelfCheck.require(collector.headers() instanceof MetaData.Response parsed
                        && parsed.getStatus() == response.getStatus()
                        && HeaderSet.sameFields(response.getHttpFields(), parsed.getHttpFields()),
                        "parsed headers differ: " + collector.headers());
                SelfCheck.require(collector.copiedBody().equals(body), "parsed " + size + " body differs");
            }
            collector.stopCopying();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            output.release();
        }
    }

    @Benchmark
    public long generateResponse(Workload w) throws HpackException {
        return generate(w).size();
    }

    @Benchmark
    public long parseResponse(Workload w) {
        w.parser.parse(w.frames.duplicate());
        return w.collector.dataBytes();
    }

    private static RetainableByteBuffer.Mutable generate(Workload w) throws HpackException {
        RetainableByteBuffer.Mutable output = w.output;
        output.clear();
        w.generator.control(output, new HeadersFrame(STREAM_ID, w.response, null, false));
        ByteBuffer body = w.body.duplicate();
        DataFrame data = new DataFrame(STREAM_ID, body, true);
        // Each call emits one DATA frame; it advances the body past the frames it sliced off, but the
        // last frame is added as-is, so count down from the return value instead of the position.
        for (int left = body.remaining(); left > 0; ) {
            left -= w.generator.data(output, data, left) - Frame.HEADER_LENGTH;
        }
        return output;
    }
}
