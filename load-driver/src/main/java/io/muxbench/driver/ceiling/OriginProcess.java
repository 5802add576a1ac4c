package io.muxbench.driver.ceiling;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The embedded origin as a process of its own ({@code muxbench serve} in a child JVM of the same
 * Java and class path), so that its CPU time is its own: the driver's JVM counts only the driver,
 * and the origin's garbage collection and JIT stay with the origin, as they would for nginx.
 *
 * <pre>{@code
 * try (OriginProcess origin = OriginProcess.start(List.of("--scenario", "image-grid"), Duration.ofSeconds(60))) {
 *     URI https = origin.tlsUri();
 *     long cpu = ProcessCpu.nanos(origin.pid());
 * }
 * }</pre>
 */
public final class OriginProcess implements AutoCloseable {

    private static final String SERVE_MAIN = "io.muxbench.cli.Main";
    private static final String READY = "Press Ctrl-C to stop.";

    private final Process process;
    private final URI cleartextUri;
    private final URI tlsUri;

    private OriginProcess(Process process, URI cleartextUri, URI tlsUri) {
        this.process = process;
        this.cleartextUri = cleartextUri;
        this.tlsUri = tlsUri;
    }

    /**
     * Starts {@code muxbench serve} with {@code serveArguments} and waits until it prints its URLs.
     *
     * @throws IOException when it cannot start or ends first, with the last line it printed
     */
    public static OriginProcess start(List<String> serveArguments, Duration startTimeout)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SERVE_MAIN, "serve"));
        command.addAll(serveArguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> drain(process, lines), "origin-process-output");
        reader.setDaemon(true);
        reader.start();
        URI cleartext = null;
        URI tls = null;
        String last = "";
        long deadline = System.nanoTime() + startTimeout.toNanos();
        try {
            while (true) {
                String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null || line.equals(EOF)) {
                    throw new IOException("muxbench serve " + (line == null ? "did not start within "
                            + startTimeout.toSeconds() + " s" : "ended") + (last.isEmpty() ? "" : ": " + last));
                }
                last = line.strip();
                if (line.contains("cleartext (HTTP/1.1, h2c):")) {
                    cleartext = URI.create(firstWord(line.substring(line.indexOf("):") + 2)));
                } else if (line.contains("TLS (ALPN h2, http/1.1):")) {
                    tls = URI.create(firstWord(line.substring(line.indexOf("):") + 2)));
                } else if (line.equals(READY)) {
                    break;
                }
            }
            if (cleartext == null || tls == null) {
                throw new IOException("muxbench serve did not print its URLs");
            }
            return new OriginProcess(process, cleartext, tls);
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static final String EOF = "\u0000eof";

    /** Reads the child's output to its end, so that it never blocks on a full pipe. */
    private static void drain(Process process, LinkedBlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
        lines.add(EOF);
    }

    private static String firstWord(String text) {
        return text.strip().split("\\s+")[0];
    }

    public long pid() {
        return process.pid();
    }

    public URI cleartextUri() {
        return cleartextUri;
    }

    public URI tlsUri() {
        return tlsUri;
    }

    /** Stops it as Ctrl-C would (its shutdown hook closes the origin), forcibly after 10 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
