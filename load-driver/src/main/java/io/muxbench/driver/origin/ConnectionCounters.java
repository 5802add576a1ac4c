package io.muxbench.driver.origin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The origin's per-connection counts: requests received, and the most requests (HTTP/1.1, counted
 * as their heads are read, so pipelined ones count before earlier responses are written) or streams
 * (HTTP/2 and HTTP/3, whose connection is a QUIC one) in flight at once. Thread-safe; one increment and one decrement per request.
 */
public final class ConnectionCounters {

    private final Map<Object, PerConnection> connections = new ConcurrentHashMap<>();
    private final AtomicLong connectionsAccepted = new AtomicLong();
    private final AtomicLong nextId = new AtomicLong();

    /** One connection's counters. */
    static final class PerConnection {
        final long id;
        final String protocol;
        final AtomicLong requests = new AtomicLong();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        volatile boolean closed;

        PerConnection(long id, String protocol) {
            this.id = id;
            this.protocol = protocol;
        }

        void begin() {
            requests.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }

        void end() {
            inFlight.decrementAndGet();
        }
    }

    void onAccepted() {
        connectionsAccepted.incrementAndGet();
    }

    /** A request began on the connection known by {@code key}. */
    PerConnection begin(Object key, String protocol) {
        PerConnection c = connections.computeIfAbsent(key, k -> new PerConnection(nextId.incrementAndGet(), protocol));
        c.begin();
        return c;
    }

    /** The connection known by {@code key}, creating its entry if needed. */
    PerConnection get(Object key, String protocol) {
        return connections.computeIfAbsent(key, k -> new PerConnection(nextId.incrementAndGet(), protocol));
    }

    void onClosed(Object key) {
        PerConnection c = connections.get(key);
        if (c != null) {
            c.closed = true;
        }
    }

    /** Zeroes the counts; closed connections are forgotten, open ones keep only what is in flight now. */
    public void reset() {
        connectionsAccepted.set(0);
        connections.values().removeIf(c -> c.closed);
        for (PerConnection c : connections.values()) {
            c.requests.set(0);
            c.maxInFlight.set(Math.max(0, c.inFlight.get()));
        }
    }

    /** What the origin saw since the last reset. */
    public OriginStats snapshot() {
        List<OriginStats.ConnectionStats> list = new ArrayList<>();
        long requests = 0;
        int max = 0;
        for (PerConnection c : connections.values()) {
            long n = c.requests.get();
            if (n == 0) {
                continue;
            }
            requests += n;
            max = Math.max(max, c.maxInFlight.get());
            list.add(new OriginStats.ConnectionStats(c.id, c.protocol, n, c.maxInFlight.get()));
        }
        list.sort(Comparator.comparingLong(OriginStats.ConnectionStats::id));
        return new OriginStats(connectionsAccepted.get(), requests, max, list);
    }
}
