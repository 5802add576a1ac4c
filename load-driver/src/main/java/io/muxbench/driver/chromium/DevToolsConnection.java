package io.muxbench.driver.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A small Chrome DevTools protocol client over {@code java.net.http}'s WebSocket: commands with an
 * id and a timeout, and event listeners. Flat sessions: a command for a page carries its session id.
 *
 * <pre>{@code
 * try (DevToolsConnection cdp = DevToolsConnection.connect(browserWebSocketUri, Duration.ofSeconds(10))) {
 *     JsonNode target = cdp.send(null, "Target.createTarget", Map.of("url", "about:blank"), timeout);
 * }
 * }</pre>
 */
final class DevToolsConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile WebSocket socket;

    private DevToolsConnection() {
    }

    static DevToolsConnection connect(URI uri, Duration timeout) throws IOException {
        DevToolsConnection devTools = new DevToolsConnection();
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            devTools.socket = http.newWebSocketBuilder().connectTimeout(timeout)
                    .buildAsync(uri, devTools.new Listener()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted connecting to " + uri);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot open the DevTools WebSocket " + uri + ": " + e);
        }
        return devTools;
    }

    /**
     * Sends a command and waits for its result.
     *
     * @param sessionId the page's session, or null for the browser
     * @throws IOException when the browser answers with an error, goes away, or does not answer in time
     */
    JsonNode send(String sessionId, String method, Map<String, ?> params, Duration timeout) throws IOException {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params == null ? Map.of() : params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            synchronized (this) {
                socket.sendText(JSON.writeValueAsString(message), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            JsonNode reply = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (reply.has("error")) {
                throw new IOException(method + " failed: " + reply.get("error").path("message").asText());
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " interrupted");
        } catch (ExecutionException e) {
            throw new IOException(method + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(method + " got no answer within " + timeout.toMillis() + " ms");
        } finally {
            pending.remove(id);
        }
    }

    /** Calls {@code listener} with every event ({@code method}, {@code params}, {@code sessionId}), on the socket's thread. */
    void onEvent(Consumer<JsonNode> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<JsonNode> listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        WebSocket s = socket;
        if (s != null && !closed.isDone()) {
            s.abort();
        }
        closed.complete(null);
        pending.values().forEach(f -> f.completeExceptionally(new IOException("DevTools connection closed")));
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // not JSON: nothing a command or a listener waits for
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        for (Consumer<JsonNode> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                // A listener that throws must not stop the others, nor the socket.
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            close();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            close();
        }
    }
}
