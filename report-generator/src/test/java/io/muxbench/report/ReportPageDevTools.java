package io.muxbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Chrome DevTools Protocol client over java.net.http's WebSocket, for opening a report in
 * Chromium (the driver's {@code DevTools} loads pages for runs): commands with replies, and every
 * event kept for the test to inspect. Every wait has a timeout.
 */
final class ReportPageDevTools implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    ReportPageDevTools(URI webSocketUrl, Duration timeout) throws Exception {
        socket = HttpClient.newBuilder().connectTimeout(timeout).build().newWebSocketBuilder()
                .connectTimeout(timeout).buildAsync(webSocketUrl, this).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends a command and waits for its reply; a protocol error fails the call. */
    JsonNode call(String method, Map<String, Object> params, Duration timeout) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        socket.sendText(JSON.writeValueAsString(message), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        JsonNode answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + ": " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** A future completed by the next event of that name (register before causing it). */
    CompletableFuture<JsonNode> next(String event) {
        return awaited.computeIfAbsent(event, e -> new CompletableFuture<>());
    }

    List<JsonNode> events() {
        return List.copyOf(events);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode message = JSON.readTree(partial.toString());
                if (message.has("id")) {
                    CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                    if (reply != null) {
                        reply.complete(message);
                    }
                } else {
                    events.add(message);
                    CompletableFuture<JsonNode> waiter = awaited.remove(message.path("method").asText());
                    if (waiter != null) {
                        waiter.complete(message);
                    }
                }
            } catch (Exception e) {
                pending.values().forEach(f -> f.completeExceptionally(e));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        pending.values().forEach(f -> f.completeExceptionally(error));
    }

    @Override
    public void close() {
        socket.abort();
    }
}
