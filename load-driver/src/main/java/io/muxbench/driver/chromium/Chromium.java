package io.muxbench.driver.chromium;

import io.muxbench.vocabulary.TlsVersion;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One headless Chromium process with a fresh profile, driven over the DevTools protocol, with one
 * page whose HTTP cache is disabled. Closing it kills the process and deletes the profile.
 *
 * <pre>{@code
 * Path exe = Chromium.find(null);                  // null when not installed
 * try (Chromium browser = Chromium.launch(exe, true, origin.certificate().spkiSha256(), Duration.ofSeconds(30))) {
 *     ChromiumPageLoad load = browser.load(URI.create("https://127.0.0.1:8443/"), Duration.ofSeconds(60));
 * }
 * }</pre>
 */
public final class Chromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final Deque<String> lastErrorLines = new ArrayDeque<>();
    private DevToolsConnection devTools;
    private String sessionId;

    private Chromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    /** {@code explicit} when given, else the first {@code chromium}, {@code chromium-browser} or {@code google-chrome} on PATH; null when none. */
    public static Path find(Path explicit) {
        if (explicit != null) {
            return Files.isExecutable(explicit) ? explicit : null;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : new String[]{"chromium", "chromium-browser", "google-chrome"}) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /**
     * Starts Chromium headless with a fresh profile and opens a page.
     *
     * @param http2      false adds {@code --disable-http2}
     * @param spkiSha256 base64 SHA-256 of the origin's public key, trusted through {@code --ignore-certificate-errors-spki-list}; null for none
     */
    public static Chromium launch(Path executable, boolean http2, String spkiSha256, Duration timeout) throws IOException {
        return launch(executable, http2, spkiSha256, null, timeout);
    }

    /**
     * As {@link #launch(Path, boolean, String, Duration)}, with {@code --host-resolver-rules}: e.g.
     * {@code MAP cdn.example 127.0.0.1:8443} sends a page's other hosts to the origin; null for none.
     */
    public static Chromium launch(Path executable, boolean http2, String spkiSha256, String hostResolverRules,
                                  Duration timeout) throws IOException {
        return launch(executable, http2, spkiSha256, hostResolverRules, List.of(), timeout);
    }

    /**
     * As {@link #launch(Path, boolean, String, String, Duration)}, with QUIC forced on for
     * {@code quicOrigins} ({@code host:port} as the page's URLs name them); empty for QUIC off.
     */
    public static Chromium launch(Path executable, boolean http2, String spkiSha256, String hostResolverRules,
                                  List<String> quicOrigins, Duration timeout) throws IOException {
        return launch(executable, http2, spkiSha256, hostResolverRules, quicOrigins, null, timeout);
    }

    /**
     * As {@link #launch(Path, boolean, String, String, List, Duration)}, with TLS held to {@code tlsVersion}
     * ({@code --ssl-version-max=tls1.2}, or {@code --ssl-version-min=tls1.3}); null for any version.
     */
    public static Chromium launch(Path executable, boolean http2, String spkiSha256, String hostResolverRules,
                                  List<String> quicOrigins, TlsVersion tlsVersion, Duration timeout) throws IOException {
        Path profile = Files.createTempDirectory("muxbench-chromium-");
        List<String> command = command(executable, http2, spkiSha256, hostResolverRules, quicOrigins, tlsVersion, profile);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            deleteTree(profile);
            throw e;
        }
        Chromium chromium = new Chromium(process, profile);
        try {
            chromium.connect(timeout);
        } catch (IOException | RuntimeException e) {
            chromium.close();
            throw e;
        }
        return chromium;
    }

    /** Chromium's command line: headless, a fresh profile, the page's hosts, the origin's pin and the protocols. */
    static List<String> command(Path executable, boolean http2, String spkiSha256, String hostResolverRules,
                                List<String> quicOrigins, Path profile) {
        return command(executable, http2, spkiSha256, hostResolverRules, quicOrigins, null, profile);
    }

    static List<String> command(Path executable, boolean http2, String spkiSha256, String hostResolverRules,
                                List<String> quicOrigins, TlsVersion tlsVersion, Path profile) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless=new", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--remote-debugging-port=0"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox");
        }
        if (spkiSha256 != null) {
            command.add("--ignore-certificate-errors-spki-list=" + spkiSha256);
        }
        if (hostResolverRules != null) {
            command.add("--host-resolver-rules=" + hostResolverRules);
        }
        if (!http2) {
            command.add("--disable-http2");
        }
        // Chromium's bounds are inclusive and it supports nothing above 1.3 or below 1.2: one bound holds it to one version.
        if (tlsVersion == TlsVersion.V1_2) {
            command.add("--ssl-version-max=tls1.2");
        } else if (tlsVersion == TlsVersion.V1_3) {
            command.add("--ssl-version-min=tls1.3");
        }
        if (quicOrigins.isEmpty()) {
            command.add("--disable-quic");
        } else {
            // Forced: without it Chromium would first learn h3 from an Alt-Svc header over TCP.
            command.add("--enable-quic");
            command.add("--origin-to-force-quic-on=" + String.join(",", quicOrigins));
        }
        command.add("about:blank");
        return command;
    }

    private void connect(Duration timeout) throws IOException {
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> drainStderr(listening), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String ws;
        try {
            ws = listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IOException("Chromium did not open its DevTools port within " + timeout.toSeconds() + " s"
                    + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")") + ": " + lastErrors());
        }
        devTools = DevToolsConnection.connect(URI.create(ws), timeout);
        String targetId = devTools.send(null, "Target.createTarget", Map.of("url", "about:blank"), timeout)
                .path("targetId").asText();
        sessionId = devTools.send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true), timeout)
                .path("sessionId").asText();
        devTools.send(sessionId, "Page.enable", null, timeout);
        devTools.send(sessionId, "Network.enable", null, timeout);
        devTools.send(sessionId, "Network.setCacheDisabled", Map.of("cacheDisabled", true), timeout);
        // The default buffer of 250 entries would drop resources of big pages.
        devTools.send(sessionId, "Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", "performance.setResourceTimingBufferSize(100000);"), timeout);
    }

    private void drainStderr(CompletableFuture<String> listening) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    listening.complete(m.group(1));
                }
                synchronized (lastErrorLines) {
                    lastErrorLines.addLast(line);
                    if (lastErrorLines.size() > 5) {
                        lastErrorLines.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // The process went away; whoever waits times out or sees it exited.
        }
        listening.completeExceptionally(new IOException("Chromium closed its stderr"));
    }

    private String lastErrors() {
        synchronized (lastErrorLines) {
            return String.join(" | ", lastErrorLines);
        }
    }

    /** Navigates to {@code url}, waits for the load event, and reads the browser's own timings. */
    public ChromiumPageLoad load(URI url, Duration timeout) throws IOException {
        return new Navigation(devTools, sessionId).run(url, timeout);
    }

    @Override
    public void close() {
        if (devTools != null) {
            devTools.close();
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp profile is harmless.
        }
    }
}
