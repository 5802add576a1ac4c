package io.muxbench.driver.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import io.muxbench.results.PageLoadSample;
import io.muxbench.vocabulary.ErrorCause;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One navigation: {@code Page.navigate}, wait for {@code Page.loadEventFired}, then read Navigation
 * and Resource Timing with {@code Runtime.evaluate}. Connection ids come from the DevTools
 * {@code Network.responseReceived} events (Resource Timing does not expose them).
 */
final class Navigation {

    /** What the page reports: both timing entry types, and images that did not decode. */
    private static final String TIMINGS = """
            (() => {
              const f = e => ({name: e.name, startTime: e.startTime, connectStart: e.connectStart,
                connectEnd: e.connectEnd, secureConnectionStart: e.secureConnectionStart, requestStart: e.requestStart,
                responseStart: e.responseStart, responseEnd: e.responseEnd, transferSize: e.transferSize, encodedBodySize: e.encodedBodySize,
                nextHopProtocol: e.nextHopProtocol, responseStatus: e.responseStatus || 0});
              const n = performance.getEntriesByType('navigation')[0];
              return {navigation: Object.assign(f(n), {loadEventStart: n.loadEventStart, loadEventEnd: n.loadEventEnd}),
                resources: performance.getEntriesByType('resource').map(f),
                brokenImages: [...document.images].filter(i => !i.naturalWidth && i.dataset.mb !== 'other').map(i => i.src)};
            })()""";

    private final DevToolsConnection devTools;
    private final String sessionId;
    private final Map<String, Long> connectionByUrl = new ConcurrentHashMap<>();
    private final Map<String, String> urlByRequest = new ConcurrentHashMap<>();
    private final List<String> failedUrls = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private volatile JsonNode security;

    Navigation(DevToolsConnection devTools, String sessionId) {
        this.devTools = devTools;
        this.sessionId = sessionId;
    }

    ChromiumPageLoad run(URI url, Duration timeout) throws IOException {
        Consumer<JsonNode> listener = this::onEvent;
        devTools.onEvent(listener);
        try {
            JsonNode navigated = devTools.send(sessionId, "Page.navigate", Map.of("url", url.toString()), timeout);
            if (navigated.hasNonNull("errorText") && !navigated.get("errorText").asText().isEmpty()) {
                return ChromiumPageLoad.failure(ErrorCause.NAVIGATION_FAILED);
            }
            try {
                loaded.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                devTools.send(sessionId, "Page.stopLoading", null, Duration.ofSeconds(5));
                return ChromiumPageLoad.failure(ErrorCause.TIMEOUT_PAGE_LOAD);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for the load event");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("load event: " + e.getCause());
            }
            JsonNode value = devTools.send(sessionId, "Runtime.evaluate",
                    Map.of("expression", TIMINGS, "returnByValue", true), timeout).path("result").path("value");
            return toPageLoad(value);
        } finally {
            devTools.removeListener(listener);
        }
    }

    private void onEvent(JsonNode event) {
        if (!sessionId.equals(event.path("sessionId").asText())) {
            return;
        }
        JsonNode params = event.path("params");
        switch (event.path("method").asText()) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Network.requestWillBeSent" -> urlByRequest.put(params.path("requestId").asText(),
                    params.path("request").path("url").asText());
            case "Network.responseReceived" -> {
                JsonNode response = params.path("response");
                connectionByUrl.put(response.path("url").asText(), response.path("connectionId").asLong());
                if (response.has("securityDetails") && security == null) {
                    security = response.get("securityDetails");
                }
            }
            case "Network.loadingFailed" -> failedUrls.add(urlByRequest.getOrDefault(params.path("requestId").asText(), "?"));
            default -> {
            }
        }
    }

    private ChromiumPageLoad toPageLoad(JsonNode value) {
        JsonNode navigation = value.path("navigation");
        double end = navigation.path("loadEventEnd").asDouble();
        double loadMs = end > 0 ? end : navigation.path("loadEventStart").asDouble();
        List<JsonNode> entries = new ArrayList<>();
        entries.add(navigation);
        value.path("resources").forEach(entries::add);
        entries.sort(Comparator.comparingDouble(e -> e.path("startTime").asDouble()));
        List<PageLoadSample.RequestRecord> records = new ArrayList<>();
        Set<String> protocols = new TreeSet<>();
        long bytes = 0;
        long body = 0;
        int opened = 0;
        for (JsonNode e : entries) {
            String name = e.path("name").asText();
            long start = us(e, "startTime");
            long connectStart = us(e, "connectStart");
            long tlsEnd = us(e, "connectEnd");
            long secure = us(e, "secureConnectionStart");
            long connectEnd = secure > 0 ? secure : tlsEnd;
            if (tlsEnd > connectStart) {
                opened++;
            }
            protocols.add(e.path("nextHopProtocol").asText());
            bytes += e.path("transferSize").asLong();
            body += e.path("encodedBodySize").asLong();
            String error = failedUrls.contains(name) ? ErrorCause.RESOURCE_FAILED.id() : null;
            records.add(new PageLoadSample.RequestRecord(pathOf(name), connectionByUrl.getOrDefault(name, 0L), 0,
                    e.path("responseStatus").asInt(), error, start, Math.max(start, connectStart),
                    Math.max(start, connectEnd), Math.max(start, tlsEnd), us(e, "requestStart"),
                    us(e, "responseStart"), us(e, "responseEnd"), e.path("transferSize").asLong(), null));
        }
        List<ErrorCause> errors = new ArrayList<>();
        synchronized (failedUrls) {
            failedUrls.forEach(u -> errors.add(ErrorCause.RESOURCE_FAILED));
        }
        value.path("brokenImages").forEach(i -> errors.add(ErrorCause.IMAGE_UNDECODABLE));
        long loadMicros = Math.round(loadMs * 1000);
        // A response that ends after the load event is outside the browser's page-load time: say so.
        records.stream().filter(r -> r.lastByteUs() > loadMicros).forEach(r -> errors.add(ErrorCause.RESOURCE_AFTER_LOAD));
        JsonNode s = security;
        return new ChromiumPageLoad(loadMicros, errors, !failedUrls.isEmpty(), records, protocols, bytes, body,
                opened, s == null ? null : s.path("protocol").asText(null), s == null ? null : s.path("cipher").asText(null));
    }

    private static long us(JsonNode entry, String field) {
        return Math.round(entry.path(field).asDouble() * 1000);
    }

    private static String pathOf(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
