package io.muxbench.driver.transport;

import io.muxbench.results.QuicSettings;
import io.muxbench.vocabulary.ErrorCause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One virtual browser over a client that holds the connections of one host only (the HTTP/1.1
 * one): a client per host of the page, made on the host's first request, as a browser keeps a pool
 * per origin. Connection ids are renumbered 1, 2, 3... across the hosts, in the order connections
 * first carry a request, so that they stay unique in the browser. (Jetty's clients keep a pool per
 * host by themselves and need none of this.)
 *
 * <pre>{@code
 * BrowserClient browser = HostRoutingClient.perHost(host -> new PipelinedBrowserClient(environment, 0, host));
 * }</pre>
 */
final class HostRoutingClient implements BrowserClient {

    /** Makes the client of one host (null: the origin under test). */
    @FunctionalInterface
    interface HostClients {
        BrowserClient newClient(String host) throws Exception;
    }

    private final HostClients factory;
    private final BrowserClient main;
    /** Clients by host, in the order they were made; guarded by itself. */
    private final Map<String, BrowserClient> byHost = new LinkedHashMap<>();
    private final Map<String, Integer> indexByHost = new LinkedHashMap<>();
    private final Map<Long, Long> connectionIds = new ConcurrentHashMap<>();
    private final AtomicLong lastConnectionId = new AtomicLong();
    private volatile Map<String, String> requestHeaders;

    private HostRoutingClient(HostClients factory, BrowserClient main) {
        this.factory = factory;
        this.main = main;
    }

    static BrowserClient perHost(HostClients factory) throws Exception {
        return new HostRoutingClient(factory, factory.newClient(null));
    }

    @Override
    public void requestHeaders(Map<String, String> headers) {
        requestHeaders = headers;
        clients().forEach(client -> client.requestHeaders(headers));
    }

    private List<BrowserClient> clients() {
        List<BrowserClient> all = new ArrayList<>(List.of(main));
        synchronized (byHost) {
            all.addAll(byHost.values());
        }
        return all;
    }

    @Override
    public void send(List<Exchange> batch, Listener listener) {
        // One batch per host, each in the page's order: a browser discovers them together.
        Map<String, List<Exchange>> perHost = new LinkedHashMap<>();
        for (Exchange exchange : batch) {
            perHost.computeIfAbsent(exchange.resource.host(), h -> new ArrayList<>()).add(exchange);
        }
        perHost.forEach((host, exchanges) -> {
            BrowserClient client;
            int index;
            try {
                synchronized (byHost) {
                    client = host == null ? main : clientOf(host);
                    index = host == null ? 0 : indexByHost.get(host);
                }
            } catch (Exception e) {
                for (Exchange exchange : exchanges) {
                    exchange.fail(ErrorCause.OTHER, "cannot make a client for host " + io.muxbench.scenario.Messages.quote(host)
                            + ": " + e.getMessage());
                    listener.onComplete(exchange);
                }
                return;
            }
            client.send(exchanges, exchange -> {
                renumber(index, exchange);
                listener.onComplete(exchange);
            });
        });
    }

    private BrowserClient clientOf(String host) throws Exception {
        BrowserClient client = byHost.get(host);
        if (client == null) {
            client = factory.newClient(host);
            Map<String, String> headers = requestHeaders;
            if (headers != null) {
                client.requestHeaders(headers);
            }
            byHost.put(host, client);
            indexByHost.put(host, byHost.size());
        }
        return client;
    }

    private void renumber(int clientIndex, Exchange exchange) {
        if (exchange.connectionId > 0) {
            long key = ((long) clientIndex << 32) | exchange.connectionId;
            exchange.connectionId = connectionIds.computeIfAbsent(key, k -> lastConnectionId.incrementAndGet());
        }
    }

    @Override
    public void closeConnections() {
        clients().forEach(BrowserClient::closeConnections);
        connectionIds.clear();
        lastConnectionId.set(0);
    }

    @Override
    public long connectionsOpened() {
        return clients().stream().mapToLong(BrowserClient::connectionsOpened).sum();
    }

    @Override
    public long bytesSent() {
        return clients().stream().mapToLong(BrowserClient::bytesSent).sum();
    }

    @Override
    public long bytesReceived() {
        return clients().stream().mapToLong(BrowserClient::bytesReceived).sum();
    }

    /** What the connections to the origin under test negotiated. */
    @Override
    public Negotiated negotiated() {
        return main.negotiated();
    }

    @Override
    public int[] http2Windows() {
        return main.http2Windows();
    }

    @Override
    public QuicSettings quicSettings() {
        return main.quicSettings();
    }

    @Override
    public void close() {
        clients().forEach(BrowserClient::close);
    }
}
