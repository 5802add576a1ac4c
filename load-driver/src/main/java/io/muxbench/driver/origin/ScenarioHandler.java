package io.muxbench.driver.origin;

import io.muxbench.scenario.Resource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Answers every path of the scenario being served ({@link Answers}) over HTTP/1.1 and HTTP/2 with
 * its status, exact size, content type, headers and think time. Think time is a scheduled task,
 * never a blocked thread.
 */
final class ScenarioHandler extends Handler.Abstract.NonBlocking {

    private final Answers answers;
    private final ConnectionCounters counters;

    ScenarioHandler(Answers answers, ConnectionCounters counters) {
        this.answers = answers;
        this.counters = counters;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Answered done = new Answered(track(request), callback);
        String pathQuery = request.getHttpURI().getPathQuery();
        String host = answers.hostOf(request.getHttpURI().getHost(), request.getHttpURI().getPort(), request.isSecure());
        Answers.Answer answer = answers.find(host, pathQuery);
        if (answer == null) {
            response.setStatus(404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Answers.TEXT_TYPE);
            done.beforeLastWrite();
            response.write(true, Answers.notFound(pathQuery, host), done);
            return true;
        }
        long delayNanos = answers.delayNanos(answer);
        Fault fault = answers.faultFor(pathQuery);
        if (delayNanos > 0) {
            request.getComponents().getScheduler()
                    .schedule(() -> respond(request, response, answer, fault, done), delayNanos, TimeUnit.NANOSECONDS);
        } else {
            respond(request, response, answer, fault, done);
        }
        return true;
    }

    private ConnectionCounters.PerConnection track(Request request) {
        Connection connection = request.getConnectionMetaData().getConnection();
        HttpVersion version = request.getConnectionMetaData().getHttpVersion();
        if (version == HttpVersion.HTTP_2) {
            return counters.begin(connection, version.asString());
        }
        // HTTP/1.x heads were counted as they were read (CountingEndPoint): only look the entry up.
        return counters.get(connection.getEndPoint(), version.asString());
    }

    /**
     * The request's callback, which also ends the request's in-flight count exactly once: just
     * before the last write is issued (a client cannot have the whole response, and send its next
     * request, before that) or on failure.
     */
    private static final class Answered extends Callback.Nested {
        private final ConnectionCounters.PerConnection connection;
        private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

        Answered(ConnectionCounters.PerConnection connection, Callback callback) {
            super(callback);
            this.connection = connection;
        }

        void beforeLastWrite() {
            if (ended.compareAndSet(false, true)) {
                connection.end();
            }
        }

        @Override
        public void succeeded() {
            beforeLastWrite();
            super.succeeded();
        }

        @Override
        public void failed(Throwable x) {
            beforeLastWrite();
            super.failed(x);
        }
    }

    private void respond(Request request, Response response, Answers.Answer answer, Fault fault, Answered done) {
        if (fault == Fault.CLOSE_WITHOUT_RESPONSE) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            done.failed(new IOException("injected close"));
            return;
        }
        if (fault == Fault.STATUS_500) {
            response.setStatus(500);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Answers.TEXT_TYPE);
            done.beforeLastWrite();
            response.write(true, Answers.injectedFailure(), done);
            return;
        }
        Resource resource = answer.resource();
        response.setStatus(resource.status());
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : answer.fields()) {
            headers.put(field);
        }
        new BodyWriter(response, answer, answer.stopAt(fault), done).iterate();
    }

    /** Writes a deterministic body in chunks, each write waiting for the previous one. */
    private static final class BodyWriter extends IteratingCallback {
        private final Response response;
        private final Answers.Answer answer;
        private final long size;
        private final long stopAt;
        private final Answered done;
        private long offset;
        private boolean wroteLast;

        BodyWriter(Response response, Answers.Answer answer, long stopAt, Answered done) {
            this.response = response;
            this.answer = answer;
            this.size = answer.resource().size();
            this.stopAt = stopAt;
            this.done = done;
        }

        @Override
        protected Action process() {
            if (wroteLast) {
                return Action.SUCCEEDED;
            }
            if (offset >= stopAt && stopAt < size) {
                // Injected reset: abort with the response half written.
                throw new IllegalStateException("injected reset mid-response");
            }
            ByteBuffer chunk = answer.chunk(offset, stopAt);
            offset += chunk.remaining();
            boolean last = offset >= size;
            wroteLast = last;
            if (last) {
                done.beforeLastWrite();
            }
            response.write(last, chunk, this);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            done.succeeded();
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            done.failed(cause);
        }
    }
}
