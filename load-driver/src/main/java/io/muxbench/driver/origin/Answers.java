package io.muxbench.driver.origin;

import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * The one table of what the origin answers, shared by its Jetty handler and its HTTP/3 server so
 * both serve the same status, header fields and body bytes for a host and path; with the faults
 * injected and the stall. Thread-safe: a scenario is swapped in whole.
 */
final class Answers {

    /** Content type of the origin's own short answers (404, injected 500). */
    static final String TEXT_TYPE = "text/plain; charset=utf-8";
    /** With {@link PageBodies#DEFAULT_BUDGET_BYTES} each, the bodies held stay under 4 such budgets. */
    static final int CACHED_SCENARIOS = 4;

    /** What to answer, by {@link #route}: the path on the origin under test, "host path" on another host. */
    private volatile Map<String, Answer> routes = Map.of();
    /** The scenario's other hosts, as written in it: {@code host} or {@code host:port}. */
    private volatile Set<String> hosts = Set.of();
    /** The bodies of the last few scenarios served: runs serve the same few again and again. */
    private final Map<Scenario, PageBodies> generatedBodies = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Scenario, PageBodies> eldest) {
            return size() > CACHED_SCENARIOS;
        }
    };
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private volatile long stallUntilNanos;

    void serve(Scenario scenario) {
        PageBodies generated;
        synchronized (generatedBodies) {
            generated = generatedBodies.computeIfAbsent(scenario, PageBodies::of);
        }
        Map<String, Answer> map = new HashMap<>();
        scenario.root().forEach(r -> map.put(route(r.host(), r.path()), Answer.of(r, generated)));
        hosts = Set.copyOf(scenario.hosts());
        routes = Map.copyOf(map);
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

    /** The answer for a path on a host ({@link #hostOf}), or null: 404. */
    Answer find(String host, String pathQuery) {
        return routes.get(route(host, pathQuery));
    }

    /**
     * The scenario's host a request is for, by the name and port of its {@code Host} or
     * {@code :authority} (port 0 or less: none given); null for the origin under test (127.0.0.1:port,
     * localhost, any name the scenario does not have).
     */
    String hostOf(String name, int port, boolean secure) {
        Set<String> hosts = this.hosts;
        if (hosts.isEmpty() || name == null) {
            return null;
        }
        name = name.toLowerCase(Locale.ROOT);
        if (port > 0 && hosts.contains(name + ":" + port)) {
            return name + ":" + port;
        }
        int defaultPort = secure ? 443 : 80;
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

    /** The fault injected for this path, or null. */
    Fault faultFor(String pathQuery) {
        return faults.isEmpty() ? null : faults.get(pathQuery);
    }

    void stallUntil(long nanos) {
        stallUntilNanos = nanos;
    }

    /** How long to hold this answer from now: its think time, plus what is left of a stall. */
    long delayNanos(Answer answer) {
        long delayNanos = TimeUnit.MILLISECONDS.toNanos(answer.resource().thinkTimeMillis());
        long stall = stallUntilNanos - System.nanoTime();
        return stall > 0 ? delayNanos + stall : delayNanos;
    }

    /** The body of a 404; the path and host are the client's, echoed as text: nothing a browser runs. */
    static ByteBuffer notFound(String pathQuery, String host) {
        return Bodies.text("muxbench origin: no resource at " + pathQuery + (host == null ? "" : " on host " + host) + "\n");
    }

    /** The body of an injected 500. */
    static ByteBuffer injectedFailure() {
        return Bodies.text("injected failure\n");
    }

    /**
     * A resource with its response fields built once, pre-encoded for HTTP/1.1 and HPACK, and again
     * with lower-case names for HTTP/3, and its generated body: a response copies references, it
     * formats and looks up nothing.
     *
     * @param fields      for Jetty, in order, Content-Length last
     * @param http3Names  the same fields' names in lower case (HTTP/3 requires it), in the same order
     * @param http3Values the same fields' values
     * @param body        the generated body, or null for the plain pattern
     */
    record Answer(Resource resource, List<HttpField> fields, String[] http3Names, String[] http3Values,
                  PageBodies.Body body) {

        static Answer of(Resource resource, PageBodies bodies) {
            HttpFields.Mutable fields = HttpFields.build();
            resource.headers().forEach(fields::put);
            fields.put(HttpHeader.CONTENT_TYPE, resource.contentType());
            if (resource.host() != null && !resource.headers().containsKey("Timing-Allow-Origin")) {
                // Else a browser hides the protocol and status of another host's resources from the page's
                // Resource Timing, which is where browser cells read them.
                fields.put("Timing-Allow-Origin", "*");
            }
            List<HttpField> encoded = new ArrayList<>();
            for (HttpField field : fields) {
                encoded.add(field.getHeader() == null
                        ? new PreEncodedHttpField(field.getName(), field.getValue())
                        : new PreEncodedHttpField(field.getHeader(), field.getName(), field.getValue()));
            }
            encoded.add(new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, resource.size()));
            String[] names = new String[encoded.size()];
            String[] values = new String[encoded.size()];
            for (int i = 0; i < names.length; i++) {
                names[i] = encoded.get(i).getLowerCaseName();
                values[i] = encoded.get(i).getValue();
            }
            return new Answer(resource, List.copyOf(encoded), names, values,
                    bodies.generated(resource.host(), resource.path()));
        }

        /** Where the body ends for this fault: half way for a reset mid-response, else its size. */
        long stopAt(Fault fault) {
            return fault == Fault.RESET_MID_RESPONSE ? resource.size() / 2 : resource.size();
        }

        /** The body's bytes from {@code offset}, at most {@link Bodies#CHUNK} and not past {@code stopAt}, as a view. */
        ByteBuffer chunk(long offset, long stopAt) {
            if (resource.size() == 0) {
                return ByteBuffer.allocate(0);
            }
            return body != null ? body.slice(offset, Math.min(Bodies.CHUNK, stopAt - offset))
                    : Bodies.slice(offset, stopAt - offset);
        }
    }
}
