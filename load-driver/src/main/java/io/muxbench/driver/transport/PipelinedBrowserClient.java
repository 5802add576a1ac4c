package io.muxbench.driver.transport;

import io.muxbench.driver.transport.internal.ConnectionSettings;
import io.muxbench.driver.transport.internal.PipelinedConnection;
import io.muxbench.driver.transport.internal.PipelinedRequest;
import io.muxbench.scenario.BrowserHeaders;
import io.muxbench.scenario.Resource;
import io.muxbench.vocabulary.ErrorCause;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 on our own lean connections (Jetty's generator and parser, blocking sockets), for
 * {@code h1} and {@code h1-pipelined}: each batch goes to up to {@code connections} connections
 * (fewest outstanding first; another is opened only while every open one has something
 * outstanding), at most {@code depth} in flight on each, and the responses come back in request
 * order. Requests beyond the depth wait in a queue until earlier responses complete. With depth 1
 * this is a browser's HTTP/1.1 pool ({@code h1}); with more, pipelining as a browser that dared
 * would do it. Over TLS, ALPN must negotiate {@code http/1.1}; anything else fails the requests
 * with {@link ErrorCause#ALPN}. Each open connection has one reader thread of its own (blocking
 * socket), on which its listeners are told; a lone request on an idle connection is written by
 * the thread that hands it out, a pipelined batch by a task on the environment's executor. A
 * kept-alive connection the server closes before answering has its unanswered requests retried
 * on a new one, as browsers do.
 *
 * <pre>{@code
 * PipelinedBrowserClient browser = new PipelinedBrowserClient(environment, 0);   // h1-pipelined's options
 * browser.requestHeaders(scenario.requestHeaders());   // default: BrowserHeaders.DEFAULT
 * browser.send(List.of(new Exchange(scenario.root())), exchange -> ...);
 * }</pre>
 */
public final class PipelinedBrowserClient implements BrowserClient {

    private static final String CLOSED_BY_PAGE_LOAD = "closed by the page load";

    private final Object lock = new Object();
    private final ConnectionOwner connectionOwner = new ConnectionOwner();
    private final ClientEnvironment.Options options;
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final List<PipelinedConnection> connections = new ArrayList<>();
    /** Requests beyond the depth of every connection, in the order they were sent. */
    private final ArrayDeque<PipelinedRequest> waiting = new ArrayDeque<>();
    private volatile ConnectionSettings settings;
    private long nextConnectionId = 1;
    private boolean closed;
    private volatile Negotiated negotiated;
    private final ClientEnvironment environment;
    private final String host;
    private final int depth;
    private final int maxConnections;
    /**
     * Resources whose request target was made once ({@link ClientEnvironment#target}): checking it is
     * a URI parse, the same every page load. By identity (a scenario's resources are made once);
     * guarded by the lock; emptied at 10,000 entries, so it stays bounded whatever the run loads.
     */
    private final Map<Resource, Boolean> validTargets = new IdentityHashMap<>();

    public PipelinedBrowserClient(ClientEnvironment environment, int browserIndex) throws Exception {
        this(environment, browserIndex, null);
    }

    /**
     * A client for the page's resources on {@code host} ({@code host} or {@code host:port}; null for
     * the origin under test): it connects to the origin all the same, and names the host in the
     * Host header and the TLS server name.
     */
    PipelinedBrowserClient(ClientEnvironment environment, int browserIndex, String host) throws Exception {
        this(environment, browserIndex, host, environment.options().pipelineDepth(),
                environment.options().pipelineConnections(), "h1-pipelined");
    }

    /**
     * @param depth       most requests in flight on one connection (1: no pipelining)
     * @param connections most connections to the host
     * @param label       names the reader threads, e.g. {@code h1} gives {@code h1-b0-c1}
     */
    PipelinedBrowserClient(ClientEnvironment environment, int browserIndex, String host, int depth, int connections,
                           String label) throws Exception {
        if (depth < 1 || connections < 1) {
            throw new IllegalArgumentException("depth and connections must be at least 1, got " + depth + " and " + connections);
        }
        this.environment = environment;
        this.host = host;
        this.depth = depth;
        this.maxConnections = connections;
        options = environment.options();
        String authority = host == null ? options.origin().getRawAuthority() : host;
        String serverName = host == null ? environment.originAddress() : host.replaceFirst(":[0-9]+$", "");
        settings = new ConnectionSettings(environment.originAddress(), options.port(), serverName, authority,
                environment.bindAddress(browserIndex), options.tls() ? environment.newSslContext() : null, environment.tlsProtocols(),
                !options.insecure(), Math.toIntExact(options.connectTimeout().toMillis()),
                Math.toIntExact(options.idleTimeout().toMillis()), options.handshakeRtt().toNanos(),
                BrowserHeaders.DEFAULT, environment.executor(), label + "-b" + browserIndex, connectionsOpened, bytesSent, bytesReceived);
        negotiated = new Negotiated(null, null, null, depth, connections);
    }

    /**
     * The headers every request carries besides Host (e.g. {@code scenario.requestHeaders()});
     * {@link BrowserHeaders#DEFAULT} unless set. Applies to connections opened afterwards.
     */
    @Override
    public void requestHeaders(Map<String, String> headers) {
        settings = settings.withRequestHeaders(headers);
    }

    @Override
    public void send(List<Exchange> batch, Listener listener) {
        List<PipelinedRequest> rejected = List.of();
        List<Exchange> impossible = List.of();
        List<PipelinedConnection> toWrite = List.of();
        synchronized (lock) {
            for (Exchange exchange : batch) {
                if (!java.util.Objects.equals(host, exchange.resource.host())) {
                    throw new IllegalArgumentException("a client for host " + host + " got a request for " + exchange.resource.host());
                }
                if (!validTargetLocked(exchange)) {
                    impossible = added(impossible, exchange);
                    continue;
                }
                PipelinedRequest request = new PipelinedRequest(exchange, listener);
                if (closed) {
                    rejected = added(rejected, request);
                } else {
                    waiting.add(request);
                }
            }
            if (!closed) {
                toWrite = dispatchLocked();
            }
        }
        writeNow(toWrite);
        impossible.forEach(listener::onComplete);
        PipelinedConnection.notifyFailed(rejected, ErrorCause.OTHER, "the browser client is closed");
    }

    /** A request can be made of the exchange's resource; when not, the exchange has failed. */
    private boolean validTargetLocked(Exchange exchange) {
        if (validTargets.containsKey(exchange.resource)) {
            return true;
        }
        if (environment.target(exchange) == null) {
            return false;
        }
        if (validTargets.size() >= 10_000) {
            validTargets.clear();
        }
        validTargets.put(exchange.resource, Boolean.TRUE);
        return true;
    }

    private static <T> List<T> added(List<T> list, T item) {
        List<T> grown = list.isEmpty() ? new ArrayList<>() : list;
        grown.add(item);
        return grown;
    }

    private static void writeNow(List<PipelinedConnection> connections) {
        for (int i = 0; i < connections.size(); i++) {
            connections.get(i).writeNow();
        }
    }

    /**
     * Hands waiting requests to the connection with the fewest outstanding, opening one while
     * allowed; returns the connections the caller is to write, once it has let go of the lock.
     */
    private List<PipelinedConnection> dispatchLocked() {
        long nowNanos = System.nanoTime();
        while (!waiting.isEmpty()) {
            PipelinedConnection target = null;
            for (PipelinedConnection connection : connections) {
                if (connection.usable() && connection.outstanding() < depth
                        && (target == null || connection.outstanding() < target.outstanding())) {
                    target = connection;
                }
            }
            if ((target == null || target.outstanding() > 0) && connections.size() < maxConnections) {
                target = new PipelinedConnection(nextConnectionId++, settings, connectionOwner);
                connections.add(target);
                target.start();
            }
            if (target == null) {
                break;
            }
            target.assign(waiting.poll(), nowNanos);
        }
        List<PipelinedConnection> toWrite = List.of();
        for (int i = 0; i < connections.size(); i++) {
            PipelinedConnection connection = connections.get(i);
            if (connection.flushLocked()) {
                toWrite = added(toWrite, connection);
            }
        }
        return toWrite;
    }

    @Override
    public void closeConnections() {
        List<PipelinedConnection> open;
        List<PipelinedRequest> queued;
        synchronized (lock) {
            open = new ArrayList<>(connections);
            connections.clear();
            queued = new ArrayList<>(waiting);
            waiting.clear();
        }
        List<PipelinedRequest> owed = new ArrayList<>();
        for (PipelinedConnection connection : open) {
            owed.addAll(connection.close());
        }
        owed.addAll(queued);
        if (options.tls()) {
            // Like Jetty's clients after a cold reset: a first visit does a full handshake, never a resumed one.
            try {
                settings = settings.withSslContext(environment.newSslContext());
            } catch (Exception e) {
                throw new IllegalStateException("cannot create a TLS context", e);
            }
        }
        PipelinedConnection.notifyFailed(owed, ErrorCause.RESET, CLOSED_BY_PAGE_LOAD);
    }

    @Override
    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    @Override
    public long bytesSent() {
        return bytesSent.get();
    }

    @Override
    public long bytesReceived() {
        return bytesReceived.get();
    }

    @Override
    public Negotiated negotiated() {
        return negotiated;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        closeConnections();
    }

    /** What the connections call back; kept off the client's public API. */
    private final class ConnectionOwner implements PipelinedConnection.Owner {

        @Override
        public Object lock() {
            return lock;
        }

        @Override
        public void negotiated(String tlsProtocol, String cipherSuite, String alpn) {
            negotiated = new Negotiated(tlsProtocol, cipherSuite, alpn, depth, maxConnections);
        }

        @Override
        public void released(PipelinedConnection connection) {
            List<PipelinedConnection> toWrite = List.of();
            synchronized (lock) {
                if (!connection.usable()) {
                    connections.remove(connection);
                }
                if (!closed) {
                    toWrite = dispatchLocked();
                }
            }
            writeNow(toWrite);
        }

        @Override
        public void retry(List<PipelinedRequest> requests) {
            List<PipelinedRequest> rejected = List.of();
            synchronized (lock) {
                if (closed) {
                    rejected = requests;
                } else {
                    for (int i = requests.size() - 1; i >= 0; i--) {
                        waiting.addFirst(requests.get(i));
                    }
                }
            }
            PipelinedConnection.notifyFailed(rejected, ErrorCause.OTHER, "the browser client is closed");
        }
    }
}
