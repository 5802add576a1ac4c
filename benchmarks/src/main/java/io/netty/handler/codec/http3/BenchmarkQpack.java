package io.netty.handler.codec.http3;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * <b>Reaches into Netty's internals</b> for muxbench's {@code QpackBenchmark}: Netty 4.2 keeps its
 * QPACK codec ({@link QpackEncoder}, {@link QpackDecoder}, {@link Http3HeadersSink}) package-private,
 * so this class sits in Netty's package, in the benchmarks module only (a plain classpath: no JPMS,
 * and Netty's jars are not sealed). It calls exactly what {@code Http3FrameCodec} calls for a
 * HEADERS frame's field section, with what muxbench's HTTP/3 connections negotiate: Netty's default
 * SETTINGS announce a QPACK table capacity of 0 at both ends, so every field section is static-table
 * references and literals. Here the dynamic table is disabled outright, which writes the same bytes
 * and skips only a lookup in an empty table per field.
 *
 * <p>If a Netty upgrade renames or changes any of these, this file no longer compiles (or the
 * benchmark's setup self-check fails): rewrite it against the new internals, or drop the benchmark.
 *
 * <pre>{@code
 * BenchmarkQpack qpack = new BenchmarkQpack();
 * qpack.encode(headers, out);
 * Http3Headers back = qpack.decode(out, new DefaultHttp3Headers());
 * }</pre>
 */
public final class BenchmarkQpack {
    /** Any stream id: with no dynamic table, it is never written or looked up. */
    private static final long STREAM_ID = 0;

    private final QpackAttributes attributes = new QpackAttributes(null, true);
    private final QpackEncoder encoder = new QpackEncoder(null);
    private final QpackDecoder decoder = new QpackDecoder(0, 0);
    private final long maxFieldSectionBytes = Http3CodecUtils.DEFAULT_MAX_FIELD_SECTION_SIZE;

    /**
     * Encodes one field section, as {@code Http3FrameCodec} does for a HEADERS frame's payload.
     *
     * @param headers the fields, pseudo-headers first
     * @param out where the encoded field section goes
     */
    public void encode(Http3Headers headers, ByteBuf out) {
        encoder.encodeHeaders(attributes, out, ByteBufAllocator.DEFAULT, STREAM_ID, headers);
    }

    /**
     * Decodes one whole field section into {@code into}, validating it as {@code Http3FrameCodec}
     * does (pseudo-headers, connection-specific fields, the 8 KiB field section limit).
     *
     * @param block the encoded field section; read to its end
     * @param into an empty header map to fill
     * @return {@code into}
     * @throws Exception Netty's {@code QpackException} or {@code Http3Exception} on a malformed section
     */
    public Http3Headers decode(ByteBuf block, Http3Headers into) throws Exception {
        Http3HeadersSink sink = new Http3HeadersSink(into, maxFieldSectionBytes, true, false);
        boolean decoded = decoder.decode(attributes, STREAM_ID, block, block.readableBytes(), sink, () -> { });
        if (!decoded) {
            throw new IllegalStateException("QPACK field section waits for dynamic table entries, with no table");
        }
        sink.finish();
        return into;
    }
}
