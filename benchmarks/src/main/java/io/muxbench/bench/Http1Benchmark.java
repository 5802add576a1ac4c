package io.muxbench.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HTTP/1.1 parsing and generation with Jetty's {@link HttpParser} and {@code HttpGenerator}: a
 * real browser request (no body, as for every page resource) and responses with a real
 * stylesheet's headers and a body framed by content-length or chunked (written in 16 KB pieces),
 * small, medium and large.
 *
 * <p>Pitfalls avoided: <i>state carried between invocations</i> — each invocation resets the
 * parser or generator first (part of the measured work, as on a kept-alive connection), and the
 * parser's header-field cache is primed in setup so every invocation sees the same warm cache;
 * <i>dead code</i> — byte counts are returned; <i>constant folding</i> — messages live in state
 * fields; <i>a no-op</i> — setup checks parse(generate(message)) gives back the same start line,
 * headers and body. Generation counts bytes instead of copying them, as a gathering write would.
 */
public class Http1Benchmark extends BenchmarkBase {

    /** How an application writes a response body: {@value} bytes per write. */
    static final int WRITE_BYTES = 16 * 1024;

    /** How the response body is delimited on the wire. */
    public enum Framing {
        /** A Content-Length header, then the body bytes. */
        CONTENT_LENGTH,
        /** Transfer-Encoding: chunked, one chunk per application write. */
        CHUNKED
    }

    /** A browser request, its wire bytes and a primed parser. */
    @State(Scope.Thread)
    public static class RequestWorkload {
        MetaData.Request request;
        Http1Codec codec;
        Http1MessageCollector collector;
        HttpParser parser;
        ByteBuffer wire;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            request = HeaderSet.REQUEST_DOCUMENT.request(HttpVersion.HTTP_1_1);
            codec = new Http1Codec();
            wire = generate(sink -> codec.generateRequest(request, sink));
            collector = new Http1MessageCollector();
            parser = new HttpParser((HttpParser.RequestHandler) collector);
            for (int round = 0; round < 2; round++) {
                Http1Codec.parse(parser, wire.duplicate());
                SelfCheck.require(request.getMethod().equals(collector.method())
                        && request.getHttpURI().getPathQuery().equals(collector.uri())
                        && HeaderSet.sameFields(request.getHttpFields(), collector.fields()),
                        "HTTP/1.1 request changed in a round trip: " + collector.method() + " " + collector.uri()
                                + "\n" + HeaderSet.describe(collector.fields()));
            }
        }
    }

    /** A response of one size and framing, its wire bytes and a primed parser. */
    @State(Scope.Thread)
    public static class ResponseWorkload {
        @Param
        Framing framing;
        @Param
        ResponseSize size;

        MetaData.Response response;
        ByteBuffer body;
        Http1Codec codec;
        Http1MessageCollector collector;
        HttpParser parser;
        ByteBuffer wire;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            long contentLength = framing == Framing.CHUNKED ? -1 : size.bytes();
            response = HeaderSet.RESPONSE_STYLESHEET.response(HttpVersion.HTTP_1_1, contentLength);
            body = size.newBody();
            codec = new Http1Codec();
            wire = generate(sink -> codec.generateResponse(response, body, WRITE_BYTES, sink));
            collector = new Http1MessageCollector();
            collector.startCopying(size.bytes());
            parser = new HttpParser((HttpParser.ResponseHandler) collector);
            for (int round = 0; round < 2; round++) {
                Http1Codec.parse(parser, wire.duplicate());
                SelfCheck.require(collector.status() == response.getStatus()
                        && HeaderSet.sameFields(expectedFields(), collector.fields())
                        && collector.copiedBody().equals(body),
                        "HTTP/1.1 " + framing + " " + size + " response changed in a round trip: "
                                + collector.status() + "\n" + HeaderSet.describe(collector.fields()));
            }
            collector.stopCopying();
        }

        private HttpFields expectedFields() {
            if (framing == Framing.CONTENT_LENGTH) {
                return response.getHttpFields();
            }
            HttpFields.Mutable fields = HttpFields.build(response.getHttpFields());
            fields.add(new HttpField("transfer-encoding", "chunked"));
            return fields;
        }
    }

    @Benchmark
    public long generateRequest(RequestWorkload w) throws IOException {
        return w.codec.generateRequest(w.request, null);
    }

    @Benchmark
    public long parseRequest(RequestWorkload w) {
        return Http1Codec.parse(w.parser, w.wire.duplicate()) + w.collector.fields().size();
    }

    @Benchmark
    public long generateResponse(ResponseWorkload w) throws IOException {
        return w.codec.generateResponse(w.response, w.body, WRITE_BYTES, null);
    }

    @Benchmark
    public long parseResponse(ResponseWorkload w) {
        return Http1Codec.parse(w.parser, w.wire.duplicate()) + w.collector.bodyBytes();
    }

    private interface Generation {
        long into(ByteBuffer sink) throws IOException;
    }

    private static ByteBuffer generate(Generation generation) throws IOException {
        ByteBuffer sink = ByteBuffer.allocate(2 * 1024 * 1024);
        long counted = generation.into(sink);
        SelfCheck.require(counted == sink.position(), "generator counted " + counted + " bytes, wrote " + sink.position());
        return sink.flip().asReadOnlyBuffer();
    }
}
