package io.muxbench.driver.ceiling;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nghttp2's h2load, the reference a driver's cost is compared with: found on PATH, run for a fixed
 * duration with given connections and streams over the page's URLs (which it requests in turn), its
 * summary parsed.
 *
 * <pre>{@code
 * Path h2load = H2load.find();
 * H2load.Report report = H2load.parse(output);   // "finished in 2.01s, 50200.00 req/s, ..."
 * }</pre>
 */
final class H2load {

    /**
     * What h2load printed.
     *
     * @param seconds           its "finished in"
     * @param requestsPerSecond its req/s
     * @param done              requests done
     * @param succeeded         requests answered with 2xx or 3xx
     * @param failed            requests failed or errored
     */
    record Report(double seconds, double requestsPerSecond, long done, long succeeded, long failed) {
    }

    private static final Pattern FINISHED = Pattern.compile("finished in ([0-9.]+)(ms|s), ([0-9.]+) req/s");
    private static final Pattern REQUESTS = Pattern.compile(
            "requests: \\d+ total, \\d+ started, (\\d+) done, (\\d+) succeeded, (\\d+) failed, (\\d+) errored");

    private H2load() {
    }

    /** h2load on PATH, or null. */
    static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "h2load");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * h2load's arguments for a timed run.
     *
     * @param http1       HTTP/1.1 ({@code --h1}); with {@code streams} above 1, pipelined
     * @param connections clients (connections) in all
     * @param streams     concurrent streams per connection, or pipelined requests for HTTP/1.1
     * @param urls        the page's URLs, requested in turn
     */
    static List<String> arguments(Path h2load, boolean http1, int connections, int streams, Duration duration,
                                  List<String> urls) {
        List<String> args = new ArrayList<>(List.of(h2load.toString(), "-D", Math.max(1, duration.toSeconds()) + "",
                "-c", Integer.toString(connections), "-m", Integer.toString(streams)));
        if (http1) {
            args.add("--h1");
        }
        args.addAll(urls);
        return args;
    }

    /** Runs h2load to its end (at most {@code timeout}) and returns all it printed. */
    static String run(List<String> arguments, Duration timeout) throws IOException, InterruptedException {
        Path output = Files.createTempFile("muxbench-h2load", ".txt");
        try {
            // Into a file, not a pipe: a hung h2load cannot block a reader, and the timeout holds.
            Process process = new ProcessBuilder(arguments).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException("h2load did not end within " + timeout.toSeconds() + " s");
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /**
     * Reads h2load's summary.
     *
     * @throws IllegalArgumentException when the output has no summary, with its last line
     */
    static Report parse(String output) {
        Matcher finished = FINISHED.matcher(output);
        Matcher requests = REQUESTS.matcher(output);
        if (!finished.find() || !requests.find()) {
            String[] lines = output.strip().split("\n");
            throw new IllegalArgumentException("h2load printed no summary: " + lines[lines.length - 1].strip());
        }
        double seconds = Double.parseDouble(finished.group(1)) / (finished.group(2).equals("ms") ? 1000 : 1);
        return new Report(seconds, Double.parseDouble(finished.group(3)), Long.parseLong(requests.group(1)),
                Long.parseLong(requests.group(2)),
                Long.parseLong(requests.group(3)) + Long.parseLong(requests.group(4)));
    }
}
