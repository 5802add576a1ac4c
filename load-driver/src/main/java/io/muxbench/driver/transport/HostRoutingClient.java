package io.muxbench.driver.transport;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One virtual browser on a page whose resources come from several hosts: a client of the mode per
 * host, each with connections of its own, as a browser keeps a pool per origin (six HTTP/1.1
 * connections to each host, one HTTP/2 connection to each). Each exchange goes to its resource's
 * host ({@code null}: the origin under test). Connection ids are renumbered 1, 2, 3... across the
 * hosts, in the order connections first carry a request, so that they stay unique in the browser.
 *
 * <pre>{@code
 * BrowserClient browser = HostRoutingClient.of(Mode.H2, environment, Map.of("cdn.example", cdnUri), 0);
 * }</pre>
 */
public final class HostRoutingClient implements BrowserClient {

    private final List<BrowserClient> clients;
    private final Map<String, Integer> clientByHost;
    private final Map<Long, Long> connectionIds = new ConcurrentHashMap<>();
    private final AtomicLong lastConnectionId = new AtomicLong();

    private HostRoutingClient(List<BrowserClient> clients, Map<String, Integer> clientByHost) {
        this.clients = clients;
        this.clientByHost = clientByHost;
    }

    /**
     * A client for browser {@code browserIndex}: the mode's own when every resource is on the origin
     * under test, else one that routes each host to {@code hostOrigins}' URI for it.
     */
    public static BrowserClient of(Mode mode, ClientEnvironment environment, Map<String, URI> hostOrigins,
                                   int browserIndex) throws Exception {
        BrowserClient main = mode.newClient(environment, browserIndex);
        if (hostOrigins.isEmpty()) {
            return main;
        }
        List<BrowserClient> clients = new ArrayList<>(List.of(main));
        Map<String, Integer> byHost = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, URI> host : hostOrigins.entrySet()) {
                byHost.put(host.getKey(), clients.size());
                clients.add(mode.newClient(environment.forOrigin(host.getValue()), browserIndex));
            }
        } catch (Exception | Error e) {
            clients.forEach(BrowserClient::close);
            throw e;
        }
        return new HostRoutingClient(clients, byHost);
    }

    @Override
    public void requestHeaders(Map<String, String> headers) {
        clients.forEach(client -> client.requestHeaders(headers));
    }

    @Override
    public void send(List<Exchange> batch, Listener listener) {
        // One batch per host, each in the page's order: a browser discovers them together.
        Map<Integer, List<Exchange>> byClient = new LinkedHashMap<>();
        for (Exchange exchange : batch) {
            String host = exchange.resource.host();
            Integer index = host == null ? Integer.valueOf(0) : clientByHost.get(host);
            if (index == null) {
                throw new IllegalArgumentException("no origin for host " + host);
            }
            byClient.computeIfAbsent(index, i -> new ArrayList<>()).add(exchange);
        }
        byClient.forEach((index, exchanges) -> clients.get(index).send(exchanges, exchange -> {
            renumber(index, exchange);
            listener.onComplete(exchange);
        }));
    }

    private void renumber(int clientIndex, Exchange exchange) {
        if (exchange.connectionId > 0) {
            long key = ((long) clientIndex << 32) | exchange.connectionId;
            exchange.connectionId = connectionIds.computeIfAbsent(key, k -> lastConnectionId.incrementAndGet());
        }
    }

    @Override
    public void closeConnections() {
        clients.forEach(BrowserClient::closeConnections);
        connectionIds.clear();
        lastConnectionId.set(0);
    }

    @Override
    public long connectionsOpened() {
        return clients.stream().mapToLong(BrowserClient::connectionsOpened).sum();
    }

    @Override
    public long bytesSent() {
        return clients.stream().mapToLong(BrowserClient::bytesSent).sum();
    }

    @Override
    public long bytesReceived() {
        return clients.stream().mapToLong(BrowserClient::bytesReceived).sum();
    }

    /** What the connections to the origin under test negotiated. */
    @Override
    public Negotiated negotiated() {
        return clients.get(0).negotiated();
    }

    @Override
    public int[] http2Windows() {
        return clients.get(0).http2Windows();
    }

    @Override
    public void close() {
        clients.forEach(BrowserClient::close);
    }
}
