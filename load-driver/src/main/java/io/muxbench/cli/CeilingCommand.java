package io.muxbench.cli;

import io.muxbench.results.Ceiling;
import io.muxbench.driver.ceiling.CeilingConfig;
import io.muxbench.driver.ceiling.CeilingEngine;
import io.muxbench.driver.ceiling.CeilingException;
import io.muxbench.driver.ceiling.CeilingTable;
import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.run.RunDefaults;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muxbench ceiling}: the most this machine drives over each mode, and at what cost. */
@Command(name = "ceiling", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures this machine's ceiling for each mode on plain loopback (no emulated link): page loads and"
                + " requests per second with browsers loading the page back to back on warm connections, CPU per request"
                + " of the driver and of the origin, and the driver's heap after a full GC under load.",
                "Each mode warms up until its CPU per request (driver and origin) stops falling (the last 3 windows no"
                        + " more than 5%% cheaper than the best before them) or the warm-up budget ends, then is measured"
                        + " for --duration.",
                "The embedded origin runs as a child process (muxbench serve) and its CPU is read from /proc/<pid>/stat;"
                        + " the driver's is this JVM's (its GC and JIT included). With --target, give --server-pid to"
                        + " count the server's CPU (e.g. nginx's worker).",
                "When h2load is on PATH it runs against the same target with the same connections and streams (h2:"
                        + " a connection per browser and the server's stream limit; h1: --h1-connections per browser,"
                        + " --h1), and its figures are printed beside the driver's with the ratios."})
public final class CeilingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--mode"}, split = ",", paramLabel = "MODE", description = "h1, h1-pipelined, h2; repeatable (default: all three). Not h3: h2load cannot speak HTTP/3.")
    List<String> modes;

    @Option(names = {"-s", "--scenario"}, defaultValue = RunDefaults.SCENARIO, paramLabel = "NAME|FILE",
            description = "Bundled scenario or scenario file (default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = {"-b", "--browsers"}, defaultValue = "4", paramLabel = "N",
            description = "Virtual browsers loading the page back to back, each with its own connections (default: ${DEFAULT-VALUE}).")
    int browsers;

    @Option(names = {"-d", "--duration"}, defaultValue = "5s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Measured time per mode after warm-up, and h2load's (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup-budget", defaultValue = "30s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest warm-up per mode (default: ${DEFAULT-VALUE}).")
    Duration warmupBudget;

    @Option(names = "--warmup-window", defaultValue = "1s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Window whose CPU per request warm-up compares (default: ${DEFAULT-VALUE}).")
    Duration warmupWindow;

    @Option(names = "--target", paramLabel = "URL", description = "A server on loopback (http:// or https://) serving the"
            + " scenario's paths, instead of the embedded origin.")
    URI target;

    @Option(names = "--insecure", description = "With --target: do not verify the server's certificate.")
    boolean insecure;

    @Option(names = "--server-pid", paramLabel = "PID", description = "With --target: the server's process, whose CPU is read from /proc.")
    Long serverPid;

    @Option(names = "--cleartext", description = "The embedded origin's cleartext port (HTTP/1.1, h2c) instead of TLS.")
    boolean cleartext;

    @Option(names = "--h1-connections", defaultValue = "" + RunDefaults.H1_CONNECTIONS, paramLabel = "N",
            description = "Connections per browser for h1 (default: ${DEFAULT-VALUE}).")
    int h1Connections;

    @Option(names = "--pipeline-connections", defaultValue = "" + RunDefaults.PIPELINE_CONNECTIONS, paramLabel = "N",
            description = "Connections per browser for h1-pipelined (default: ${DEFAULT-VALUE}).")
    int pipelineConnections;

    @Option(names = "--pipeline-depth", defaultValue = "" + RunDefaults.PIPELINE_DEPTH, paramLabel = "N",
            description = "Requests in flight per pipelined connection (default: ${DEFAULT-VALUE}).")
    int pipelineDepth;

    @Option(names = "--max-streams", defaultValue = "" + RunDefaults.MAX_CONCURRENT_STREAMS, paramLabel = "N",
            description = "The embedded origin's HTTP/2 stream limit (default: ${DEFAULT-VALUE}).")
    int maxStreams;

    @Option(names = "--key", defaultValue = RunDefaults.KEY_TYPE, paramLabel = "RSA|ECDSA",
            description = "The embedded origin's certificate key (default: ${DEFAULT-VALUE}).")
    KeyType key;

    @Option(names = "--h2load", paramLabel = "PATH", description = "h2load to compare with (default: h2load on PATH).")
    Path h2load;

    @Option(names = "--no-h2load", description = "Do not run h2load.")
    boolean noH2load;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Also write the table as JSON to this file.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        CeilingConfig config = config();
        Scenario page = Scenarios.load(scenario);
        if (out != null && out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw UserException.badInput("--out " + out + ": no such directory");
        }
        Ceiling ceiling;
        try {
            ceiling = new CeilingEngine(config, page, line -> {
                if (!quiet) {
                    System.err.println("ceiling: " + line);
                }
            }).measure();
        } catch (CeilingException e) {
            throw UserException.failed(e.getMessage());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        CeilingTable.print(ceiling, stdout);
        stdout.flush();
        if (out != null) {
            try {
                CeilingTable.write(ceiling, out);
            } catch (IOException e) {
                throw UserException.failed("cannot write " + out + ": " + IoErrors.describe(e));
            }
        }
        return 0;
    }

    private CeilingConfig config() {
        if (target != null) {
            if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme()) || target.getHost() == null) {
                throw UserException.badInput("--target must be an http:// or https:// URL, got '" + target + "'");
            }
            if (!RunCommand.isLoopback(target.getHost())) {
                throw UserException.badInput("--target " + target.getHost() + " is not a loopback address: the ceiling is"
                        + " measured on plain loopback, with the server on this machine");
            }
            if (cleartext) {
                throw UserException.badInput("--cleartext is for the embedded origin; give an http:// target instead");
            }
        }
        if (h2load != null && noH2load) {
            throw UserException.badInput("--h2load and --no-h2load together");
        }
        if (h2load != null && !Files.isExecutable(h2load)) {
            throw UserException.badInput("--h2load " + h2load + ": not an executable file");
        }
        Path reference = noH2load ? null : h2load != null ? h2load : CeilingEngine.h2loadOnPath();
        try {
            List<Mode> chosen = modes == null ? CeilingConfig.measurable(Mode.runnable(!cleartext))
                    : modes.stream().map(Mode::of).toList();
            return new CeilingConfig(chosen, scenario, target, insecure, serverPid, !cleartext, browsers, duration,
                    warmupWindow, warmupBudget, Duration.ofSeconds(RunDefaults.PAGE_LOAD_TIMEOUT_SECONDS), h1Connections,
                    pipelineConnections, pipelineDepth, maxStreams, key, reference);
        } catch (IllegalArgumentException e) {
            throw UserException.badInput(e.getMessage());
        }
    }
}
