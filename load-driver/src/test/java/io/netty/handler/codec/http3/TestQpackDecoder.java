package io.netty.handler.codec.http3;

import io.netty.buffer.ByteBuf;

/**
 * <b>Reaches into Netty's internals</b>, for tests only (as the benchmarks module's {@code BenchmarkQpack}):
 * Netty 4.2 keeps its QPACK decoder package-private. Decodes a field section that refers to no
 * dynamic table, validating it as {@code Http3FrameCodec} does.
 *
 * <pre>{@code
 * Http3Headers headers = TestQpackDecoder.decode(fieldSection);
 * }</pre>
 */
public final class TestQpackDecoder {

    private TestQpackDecoder() {
    }

    /** Decodes the whole of {@code block}; throws Netty's {@code QpackException} or {@code Http3Exception} on a malformed one. */
    public static Http3Headers decode(ByteBuf block) throws Exception {
        Http3Headers headers = new DefaultHttp3Headers();
        Http3HeadersSink sink = new Http3HeadersSink(headers, Http3CodecUtils.DEFAULT_MAX_FIELD_SECTION_SIZE, true, false);
        QpackAttributes attributes = new QpackAttributes(null, true);
        if (!new QpackDecoder(0, 0).decode(attributes, 0, block, block.readableBytes(), sink, () -> { })) {
            throw new IllegalStateException("the field section waits for dynamic table entries");
        }
        sink.finish();
        return headers;
    }
}
