package io.muxbench.driver.origin;

import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Answers every path of the scenario being served with its status, exact size, content type,
 * headers and think time. Think time is a scheduled task, never a blocked thread.
 */
final class ScenarioHandler extends Handler.Abstract.NonBlocking {

    /** What to answer, by {@link #route}: the path on the origin under test, "host path" on another host. */
    private volatile Map<String, Answer> routes = Map.of();
    /** The scenario's other hosts, as written in it: {@code host} or {@code host:port}. */
    private volatile java.util.Set<String> hosts = java.util.Set.of();
    /** The bodies of the last few scenarios served: runs serve the same few again and again. */
    private final Map<Scenario, PageBodies> generatedBodies = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Scenario, PageBodies> eldest) {
            return size() > CACHED_SCENARIOS;
        }
    };
    /** With {@link PageBodies#DEFAULT_BUDGET_BYTES} each, the bodies the handler holds stay under 4 such budgets. */
    static final int CACHED_SCENARIOS = 4;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final ConnectionCounters counters;
    private volatile long stallUntilNanos;

    ScenarioHandler(ConnectionCounters counters) {
        this.counters = counters;
    }

    void serve(Scenario scenario) {
        PageBodies generated;
        synchronized (generatedBodies) {
            generated = generatedBodies.computeIfAbsent(scenario, PageBodies::of);
        }
        Map<String, Answer> map = new java.util.HashMap<>();
        scenario.root().forEach(r -> map.put(route(r.host(), r.path()), Answer.of(r, generated)));
        hosts = java.util.Set.copyOf(scenario.hosts());
        routes = Map.copyOf(map);
    }

    /**
     * A resource with its response fields built once, pre-encoded for HTTP/1.1 and HPACK, and its
     * generated body: a response copies references, it formats and looks up nothing.
     *
     * @param body the generated body, or null for the plain pattern
     */
    private record Answer(Resource resource, List<HttpField> fields, PageBodies.Body body) {

        static Answer of(Resource resource, PageBodies bodies) {
            HttpFields.Mutable fields = HttpFields.build();
            resource.headers().forEach(fields::put);
            fields.put(HttpHeader.CONTENT_TYPE, resource.contentType());
            if (resource.host() != null && !resource.headers().containsKey("Timing-Allow-Origin")) {
                // Else a browser hides the protocol and status of another host's resources from the page's
                // Resource Timing, which is where browser cells read them.
                fields.put("Timing-Allow-Origin", "*");
            }
            List<HttpField> encoded = new java.util.ArrayList<>();
            for (HttpField field : fields) {
                encoded.add(field.getHeader() == null
                        ? new PreEncodedHttpField(field.getName(), field.getValue())
                        : new PreEncodedHttpField(field.getHeader(), field.getName(), field.getValue()));
            }
            encoded.add(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, resource.size()));
            return new Answer(resource, List.copyOf(encoded), bodies.generated(resource.host(), resource.path()));
        }
    }

    /** The bytes the bodies of the scenarios served lately hold, together. */
    long retainedBodyBytes() {
        synchronized (generatedBodies) {
            return generatedBodies.values().stream().mapToLong(PageBodies::retainedBytes).sum();
        }
    }

    static String route(String host, String pathQuery) {
        return host == null ? pathQuery : host + " " + pathQuery;
    }

    /**
     * The scenario's host a request is for, by its {@code Host} or {@code :authority}; null for the
     * origin under test (127.0.0.1:port, localhost, any name the scenario does not have).
     */
    private String hostOf(Request request) {
        java.util.Set<String> hosts = this.hosts;
        String name = request.getHttpURI().getHost();
        if (hosts.isEmpty() || name == null) {
            return null;
        }
        name = name.toLowerCase(java.util.Locale.ROOT);
        int port = request.getHttpURI().getPort();
        if (port > 0 && hosts.contains(name + ":" + port)) {
            return name + ":" + port;
        }
        int defaultPort = request.isSecure() ? 443 : 80;
        if (port <= 0 || port == defaultPort) {
            if (hosts.contains(name)) {
                return name;
            }
            if (hosts.contains(name + ":" + defaultPort)) {
                return name + ":" + defaultPort;
            }
        }
        return null;
    }

    void fault(String path, Fault fault) {
        if (fault == null) {
            faults.remove(path);
        } else {
            faults.put(path, fault);
        }
    }

    void stallUntil(long nanos) {
        stallUntilNanos = nanos;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Answered done = new Answered(track(request), callback);
        String pathQuery = request.getHttpURI().getPathQuery();
        String host = hostOf(request);
        Answer answer = routes.get(route(host, pathQuery));
        if (answer == null) {
            response.setStatus(404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            done.beforeLastWrite();
            // The path and host are the client's, echoed in a text body: nothing a browser runs.
            response.write(true, Bodies.text("muxbench origin: no resource at " + pathQuery
                    + (host == null ? "" : " on host " + host) + "\n"), done);
            return true;
        }
        long delayNanos = TimeUnit.MILLISECONDS.toNanos(answer.resource().thinkTimeMillis());
        long stall = stallUntilNanos - System.nanoTime();
        if (stall > 0) {
            delayNanos += stall;
        }
        Fault fault = faults.isEmpty() ? null : faults.get(pathQuery);
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

    private void respond(Request request, Response response, Answer answer, Fault fault, Answered done) {
        if (fault == Fault.CLOSE_WITHOUT_RESPONSE) {
            request.getConnectionMetaData().getConnection().getEndPoint().close();
            done.failed(new IOException("injected close"));
            return;
        }
        if (fault == Fault.STATUS_500) {
            response.setStatus(500);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
            done.beforeLastWrite();
            response.write(true, Bodies.text("injected failure\n"), done);
            return;
        }
        Resource resource = answer.resource();
        response.setStatus(resource.status());
        HttpFields.Mutable headers = response.getHeaders();
        for (HttpField field : answer.fields()) {
            headers.put(field);
        }
        long stopAt = fault == Fault.RESET_MID_RESPONSE ? resource.size() / 2 : resource.size();
        new BodyWriter(response, answer.body(), resource.size(), stopAt, done).iterate();
    }

    /** Writes a deterministic body in chunks, each write waiting for the previous one. */
    private static final class BodyWriter extends IteratingCallback {
        private final Response response;
        private final PageBodies.Body body;
        private final long size;
        private final long stopAt;
        private final Answered done;
        private long offset;
        private boolean wroteLast;

        /** @param body the generated body, or null for the plain pattern */
        BodyWriter(Response response, PageBodies.Body body, long size, long stopAt, Answered done) {
            this.response = response;
            this.body = body;
            this.size = size;
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
            ByteBuffer chunk = size == 0 ? ByteBuffer.allocate(0)
                    : body != null ? body.slice(offset, Math.min(Bodies.CHUNK, stopAt - offset))
                    : Bodies.slice(offset, stopAt - offset);
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
