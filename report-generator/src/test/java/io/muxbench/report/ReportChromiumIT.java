package io.muxbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the fixture's report in headless Chromium over the DevTools protocol: no console errors,
 * and the charts laid out with a size (the waterfall's lanes, every SVG).
 */
@Timeout(180)
class ReportChromiumIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final String CHECK = """
            (() => {
              const sized = els => els.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length;
              const lanes = [...document.querySelectorAll('svg.waterfall .lane')];
              const svgs = [...document.querySelectorAll('svg')];
              return { lanes: lanes.length, sizedLanes: sized(lanes), svgs: svgs.length, sizedSvgs: sized(svgs),
                       bars: document.querySelectorAll('svg.waterfall .bar').length, scripts: document.scripts.length,
                       evilAsText: document.body.innerText.includes('<script>alert(1)</script>'),
                       sections: [...document.querySelectorAll('section')].map(s => s.id).join(',') };
            })()
            """;

    /** What the page showed: the CHECK expression's value, and the errors logged while loading it. */
    private record Page(JsonNode value, List<String> errors) {
    }

    @Test
    void reportRendersInChromiumWithoutErrors(@TempDir Path dir) throws Exception {
        Path report = ReportWriter.write(Fixture.copyTo(Files.createDirectory(dir.resolve("run"))));
        Page page = open(report, dir);
        JsonNode value = page.value();
        assertEquals(String.join(",", ReportWriterTest.SECTIONS), value.path("sections").asText());
        assertTrue(value.path("lanes").asInt() >= 20, value.toString());
        assertEquals(value.path("lanes").asInt(), value.path("sizedLanes").asInt(), "lanes without size: " + value);
        assertTrue(value.path("bars").asInt() > value.path("lanes").asInt(), value.toString());
        assertTrue(value.path("svgs").asInt() >= 20, value.toString());
        assertEquals(value.path("svgs").asInt(), value.path("sizedSvgs").asInt(), "charts without size: " + value);
        assertEquals(0, value.path("scripts").asInt(), "no script element");
        assertTrue(value.path("evilAsText").asBoolean(), "the <script> scenario shows as text");
        assertEquals(List.of(), page.errors());
    }

    /** The check itself: a page that throws and fails to load an image must be caught. */
    @Test
    void brokenPageIsCaught(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.html"), "<!DOCTYPE html><html><body><p>x</p>"
                + "<img src=\"missing.png\"><script>console.error('boom'); null.x;</script></body></html>");
        List<String> errors = open(broken, dir).errors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("Runtime.exceptionThrown")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("boom")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("Log.entryAdded")), errors.toString());
    }

    /** Opens a file in a fresh headless Chromium, waits for its load event and runs CHECK. */
    private static Page open(Path html, Path dir) throws Exception {
        Optional<Path> chromium = onPath("chromium");
        Assumptions.assumeTrue(chromium.isPresent(),
                "chromium is not on PATH: install Debian's chromium (apt-get install chromium; .ci/run does) to run this test");
        Process browser = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"), "--remote-debugging-port=0",
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI browserUrl = URI.create(devToolsUrl(browser).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            try (ReportPageDevTools page = new ReportPageDevTools(pageUrl(browserUrl), TIMEOUT)) {
                page.call("Runtime.enable", Map.of(), TIMEOUT);
                page.call("Log.enable", Map.of(), TIMEOUT);
                page.call("Page.enable", Map.of(), TIMEOUT);
                CompletableFuture<JsonNode> loaded = page.next("Page.loadEventFired");
                JsonNode navigation = page.call("Page.navigate", Map.of("url", html.toUri().toString()), TIMEOUT);
                assertFalse(navigation.has("errorText"), navigation.toString());
                loaded.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                JsonNode result = page.call("Runtime.evaluate", Map.of("expression", CHECK, "returnByValue", true), TIMEOUT);
                return new Page(result.path("result").path("value"), errors(page.events()));
            }
        } finally {
            browser.descendants().forEach(ProcessHandle::destroyForcibly);
            browser.destroyForcibly();
            browser.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Console errors, log errors and uncaught exceptions among the events. */
    private static List<String> errors(List<JsonNode> events) {
        List<String> errors = new ArrayList<>();
        for (JsonNode event : events) {
            String method = event.path("method").asText();
            JsonNode params = event.path("params");
            if (method.equals("Runtime.exceptionThrown")
                    || method.equals("Runtime.consoleAPICalled") && params.path("type").asText().equals("error")
                    || method.equals("Log.entryAdded") && params.path("entry").path("level").asText().equals("error")) {
                errors.add(event.toString());
            }
        }
        return errors;
    }

    /** Reads Chromium's stderr for the DevTools line, then keeps draining it so the browser never blocks. */
    private static CompletableFuture<String> devToolsUrl(Process browser) {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
                url.completeExceptionally(new IllegalStateException("chromium exited without a DevTools endpoint"));
            } catch (Exception e) {
                url.completeExceptionally(e);
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        return url;
    }

    /** The page target's WebSocket, from the browser's /json/list on the port it announced. */
    private static URI pageUrl(URI browserUrl) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + browserUrl.getPort() + "/json/list"))
                .timeout(TIMEOUT).build();
        JsonNode targets = new ObjectMapper().readTree(http.send(list, HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode target : targets) {
            if (target.path("type").asText().equals("page")) {
                return URI.create(target.path("webSocketDebuggerUrl").asText());
            }
        }
        throw new IllegalStateException("no page target in " + targets);
    }

    private static Optional<Path> onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
