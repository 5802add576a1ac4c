package io.muxbench.cli;

import io.muxbench.driver.ceiling.CeilingConfig;
import io.muxbench.driver.ceiling.CeilingEngine;
import io.muxbench.driver.ceiling.CeilingException;
import io.muxbench.driver.ceiling.CeilingTable;
import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.run.RunConfig;
import io.muxbench.driver.run.RunDefaults;
import io.muxbench.driver.run.RunException;
import io.muxbench.driver.run.Runner;
import io.muxbench.driver.run.Suite;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.results.Ceiling;
import io.muxbench.results.CellResult;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.synthetic.SyntheticPage;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.Reuse;
import io.muxbench.vocabulary.TlsVersion;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code muxbench run}: the load driver. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Loads scenarios over h1 (6 connections), h1-pipelined, h2 (1 connection) and h3 (1 QUIC connection, over"
                + " TLS when Netty's native QUIC library loads), through an emulated"
                + " link, and writes a run folder: run.json, results.json, one HdrHistogram log per cell, index.html.",
                "Cells (scenario x link x reuse x mode) run interleaved in rounds. Progress goes to stderr; the"
                        + " table of results to stdout. Ctrl-C stops the run and keeps what was measured, marked incomplete."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "NAME", description = "Preset: default (the five hand-made bundled scenarios, lan, cable"
            + " and 4g links, a 60 s warm-up budget per mode) or ci (a short subset for CI). Other flags override it."
            + " Or literature: the published h1/h2 results (literature.md's rows, the SPDY whitepaper's tables), each a"
            + " sweep of one variable with its own pages and links, run one after another into one folder with a"
            + " verdict per row (about 30 min; --quick about 5); only -o, --runs-dir, --seed, -q and --no-report go"
            + " with it.")
    String suite;

    @Option(names = "--quick", description = "With --suite literature: fewer points per sweep and one page load per cell.")
    boolean quick;

    @Option(names = {"-s", "--scenario"}, split = ",", paramLabel = "NAME|FILE",
            description = "Bundled scenario, scenario JSON or HAR file, or a synthetic page: synthetic:NxSIZE[:Khosts][:docSIZE]"
                    + " (N objects of SIZE bytes under a 10kB document, with Khosts spread over K other hosts; e.g."
                    + " synthetic:100x2kb, synthetic:100x2kb:4hosts;"
                    + " SIZE 512, 2kb, 1mb, 4kib, 1mib); repeatable (default: " + RunDefaults.SCENARIO + ").")
    List<String> scenarios;

    @Option(names = {"-m", "--mode"}, split = ",", paramLabel = "MODE",
            description = "h1, h1-pipelined, h2, h3; repeatable (default: all four; h3 only over TLS, when Netty's native"
                    + " QUIC library loads and, with --target, when the target answers over QUIC, else left out with a"
                    + " warning).")
    List<String> modes;

    @Option(names = {"-l", "--link"}, paramLabel = "LINK",
            description = "Link profile (lan, cable, 4g, 3g, lossy-4g, satellite), an explicit spec such as"
                    + " 'rtt=100ms,down=8mbit,up=2mbit,loss=1%%', or none for plain loopback. Repeat the flag for a matrix"
                    + " (--link 'rtt=100ms,down=8mbit,up=2mbit,loss=1%%' --link 3g) or separate links with ';'; a comma"
                    + " list of profile names (lan,cable,3g) works too (default: " + RunDefaults.LINK + ").")
    List<String> links;

    @Option(names = "--reuse", paramLabel = "cold|warm|both",
            description = "cold: new connections for every page load; warm: keep them; both (default: both).")
    String reuse;

    @Option(names = "--cleartext", description = "HTTP/1.1 and h2c (prior knowledge) instead of TLS with ALPN.")
    boolean cleartext;

    @Option(names = "--tls", paramLabel = "1.2|1.3",
            description = "Hold the clients (Chromium too) to this TLS version (default: whatever both ends support; TLS"
                    + " 1.3 on the embedded origin). h3 is always TLS 1.3: with 1.2 it leaves the default modes.")
    String tlsVersion;

    @Option(names = {"-n", "--page-loads"}, paramLabel = "N", description = "Measured page loads per cell (default: " + RunDefaults.PAGE_LOADS + ").")
    Integer pageLoads;

    @Option(names = "--warmup", paramLabel = "N", description = "Unrecorded page loads per cell before measuring (default: " + RunDefaults.WARMUP_PAGE_LOADS + ").")
    Integer warmup;

    @Option(names = "--warmup-budget", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Before the first round, each mode loads the scenarios back to back on plain loopback until"
                    + " its CPU per request stops falling, for at most this long; 0 for no such warm-up (the report then"
                    + " says the run measured before steady state) (default: " + RunDefaults.WARMUP_BUDGET + ").")
    Duration warmupBudget;

    @Option(names = "--ceiling", description = "First measure this machine's ceiling for each mode on the first"
            + " scenario (as muxbench ceiling does, with h2load beside it when on PATH), and carry it into run.json"
            + " and the report.")
    boolean ceiling;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds the cells are interleaved in (default: " + RunDefaults.ROUNDS + ").")
    Integer rounds;

    @Option(names = {"-b", "--browsers"}, paramLabel = "N",
            description = "Virtual browsers per cell: closed load, or the most page loads at once under --rate (default: " + RunDefaults.BROWSERS + ").")
    Integer browsers;

    @Option(names = "--rate", paramLabel = "PER_SECOND",
            description = "Open load: start page loads at this rate per cell; latency is measured from the intended start.")
    Double rate;

    @Option(names = "--think-time", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Closed load: pause between a browser's page loads (default: " + RunDefaults.THINK_TIME + ").")
    Duration thinkTime;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A page load taking longer fails with cause timeout (default: " + RunDefaults.PAGE_LOAD_TIMEOUT + ").")
    Duration timeout;

    @Option(names = "--target", paramLabel = "URL",
            description = "A real server (http:// or https://) instead of the embedded origin; it must serve the scenario's"
                    + " paths with their statuses. Emulated links need it on loopback; elsewhere use --link none.")
    URI target;

    @Option(names = "--insecure", description = "With --target: do not verify the server's certificate.")
    boolean insecure;

    @Option(names = "--keep-hosts", description = "With a HAR file: keep its hosts apart, each an origin with its own"
            + " connections per browser, as import-har --keep-hosts does (default: every host onto one origin).")
    boolean keepHosts;

    @Option(names = "--drop-redirects", description = "With a HAR file: skip its redirects, as import-har --drop-redirects"
            + " does (default: each redirect is a request of its own before its target).")
    boolean dropRedirects;

    @Option(names = "--h1-connections", paramLabel = "N", description = "Connections per browser and origin for h1 (default: " + RunDefaults.H1_CONNECTIONS + ").")
    Integer h1Connections;

    @Option(names = "--pipeline-connections", paramLabel = "N", description = "Connections for h1-pipelined (default: " + RunDefaults.PIPELINE_CONNECTIONS + ").")
    Integer pipelineConnections;

    @Option(names = "--pipeline-depth", paramLabel = "N", description = "Most requests in flight per pipelined connection (default: " + RunDefaults.PIPELINE_DEPTH + ").")
    Integer pipelineDepth;

    @Option(names = "--max-streams", paramLabel = "N", description = "The embedded origin's HTTP/2 stream limit (default: " + RunDefaults.MAX_CONCURRENT_STREAMS + ").")
    Integer maxStreams;

    @Option(names = "--key", paramLabel = "RSA|ECDSA", description = "The embedded origin's certificate key (default: " + RunDefaults.KEY_TYPE + ").")
    KeyType key;

    @Option(names = "--samples", paramLabel = "N", description = "Page loads per cell kept whole for waterfalls (default: " + RunDefaults.SAMPLES_PER_CELL + ").")
    Integer samples;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for link loss and resampling (default: " + RunDefaults.SEED + ").")
    Long seed;

    @Option(names = "--shard", paramLabel = "I/N|N",
            description = "Run shard I (from 0) of N, one process of N that together make this run's load: browser b of"
                    + " -b is shard b mod N's, each cell's -n page loads are split so the shards' add up to n, --rate is"
                    + " divided by N, the link-loss seed is offset by I. run.json keeps the whole run's configuration and"
                    + " names the shard and its host; muxbench merge adds the shards' folders into one run. N alone takes"
                    + " I from $JOB_COMPLETION_INDEX (a Kubernetes Indexed Job's pods; muxbench k8s prints one).")
    String shard;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "After the preflight and the warm-up, wait until TIME (ISO-8601, e.g. 2026-12-01T10:00:00Z;"
                    + " at most 24h ahead) to start the first measured round, so that shards start together; a warning"
                    + " line when TIME has passed by then.")
    String startAt;

    @Option(names = "--browser", paramLabel = ClientKind.CHROMIUM_ID,
            description = "Also load every scenario in a real browser (headless Chromium) over h1, h2 and h3, as cells of"
                    + " their own (client chromium), through the same links, interleaved with the driver's cells.")
    String browser;

    @Option(names = "--chromium", paramLabel = "PATH",
            description = "The Chromium executable for --browser (default: chromium on PATH).")
    Path chromium;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Run folder to write (default: RUNS_DIR/<date-time>).")
    Path out;

    @Option(names = "--runs-dir", paramLabel = "DIR", defaultValue = "results/runs",
            description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path runsDir;

    @Option(names = "--jmh", paramLabel = "FILE", description = "JMH JSON results to copy into the run folder for the report.")
    Path jmh;

    @Option(names = "--no-report", description = "Do not write index.html at the end.")
    boolean noReport;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr (warnings still show).")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        if (LiteratureRun.SUITE.equalsIgnoreCase(String.valueOf(suite))) {
            return new LiteratureRun(spec, quick, seed, out, runsDir, quiet, noReport).call();
        }
        if (quick) {
            throw UserException.badInput("--quick only applies with --suite literature");
        }
        RunConfig config = config();
        Instant start = startTime();
        if (modes == null) {
            for (Mode mode : Mode.builtIn()) {
                if (mode.whyUnavailable(config.tls()) != null) {
                    System.err.println("warning: no " + mode.id() + " cells: " + mode.id() + " " + mode.whyUnavailable(config.tls()));
                } else if (mode.whyNot(config.client().tlsVersion()) != null) {
                    System.err.println("warning: no " + mode.id() + " cells: " + mode.id() + " "
                            + mode.whyNot(config.client().tlsVersion()) + " (--tls " + config.client().tlsVersion() + ")");
                }
            }
        }
        List<Scenario> loaded = new ArrayList<>();
        for (String name : config.scenarios()) {
            Scenario scenario = Scenarios.load(name, keepHosts, dropRedirects);
            boolean synthetic = SyntheticPage.isSynthetic(name);
            if (!scenario.hosts().isEmpty() && target != null) {
                throw UserException.badInput(name + ": its resources are on " + (scenario.hosts().size() + 1) + " hosts"
                        + (synthetic ? "" : " (imported with --keep-hosts)") + ", and --target is one server; replay it"
                        + " on the embedded origin, or " + (synthetic ? "leave out :Khosts"
                        : "import the HAR without --keep-hosts to map every host onto the target"));
            }
            loaded.add(scenario);
        }
        if (target != null && !isLoopback(target.getHost()) && config.links().stream().anyMatch(l -> !l.equals("none"))) {
            throw UserException.badInput("--target " + target.getHost() + " is not a loopback address: the emulated link"
                    + " runs on loopback and would change the Host and TLS server name; use --link none (the real"
                    + " network is the link), or put muxbench link and the server on this machine");
        }
        if (jmh != null && !Files.isRegularFile(jmh)) {
            throw UserException.badInput("--jmh " + jmh + ": no such file");
        }
        try {
            Runner.checkCellIds(config, loaded, config.scenarios());
        } catch (IllegalArgumentException e) {
            throw UserException.badInput(e.getMessage());
        }
        Path executable = null;
        if (browser != null) {
            executable = io.muxbench.driver.chromium.Chromium.find(chromium);
            if (executable == null) {
                System.err.println("warning: Chromium not found (" + (chromium == null ? "no chromium on PATH"
                        : chromium + " is not executable") + "); browser cells are skipped");
            } else {
                for (Mode mode : config.modes()) {
                    if (mode.chromium(config.tls()) == null) {
                        System.err.println("note: no browser cell for " + mode.id() + " " + mode.whyNoChromium(config.tls()));
                    }
                }
            }
        }
        Ceiling measuredCeiling = ceiling ? measureCeiling(config, loaded.get(0)) : null;
        // From here to the hook nothing is slow: a Ctrl-C in between would leave an empty folder.
        RunFolder folder = RunFolder.create(out, runsDir);
        Runner runner = new Runner(config, loaded, folder.dir(), new Progress(System.err, quiet))
                .withCeiling(measuredCeiling);
        if (target != null && modes == null) {
            // h3 joins the defaults wherever it can run here; whether the target offers HTTP/3 only its answer tells
            runner.leavingOutUnanswered(Set.of(BuiltInMode.H3));
        }
        if (executable != null) {
            runner.withChromium(executable);
        }
        if (start != null) {
            runner.startingAt(start);
        }
        CountDownLatch finished = new CountDownLatch(1);
        long hookWaitSeconds = config.pageLoadTimeout().toSeconds() + 60;
        Thread hook = new Thread(() -> {
            runner.stop();
            try {
                finished.await(hookWaitSeconds, TimeUnit.SECONDS); // let the run write what it has, and its report
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "muxbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runAndReport(runner, folder);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    /**
     * {@code muxbench ceiling} with the run's modes, browsers (a shard's own: this machine's) and clients, on its
     * first scenario.
     */
    private Ceiling measureCeiling(RunConfig config, Scenario first) {
        if (!first.hosts().isEmpty()) {
            throw UserException.badInput("--ceiling: " + config.scenarios().get(0) + " has resources on other hosts;"
                    + " the ceiling loads one origin");
        }
        if (target != null && !isLoopback(target.getHost())) {
            throw UserException.badInput("--ceiling: --target " + target.getHost() + " is not a loopback address: the"
                    + " ceiling is measured on plain loopback, with the server on this machine");
        }
        CeilingConfig ceilingConfig;
        try {
            ceilingConfig = new CeilingConfig(ceilingModes(config.modes()), config.scenarios().get(0),
                    target, insecure, null, config.tls(), config.shardLoad().browsers(), CEILING_DURATION, CEILING_WINDOW,
                    config.measurement().warmupBudget(), config.pageLoadTimeout(), config.client().h1Connections(),
                    config.client().pipelineConnections(), config.client().pipelineDepth(),
                    config.origin().maxConcurrentStreams(), config.origin().keyType(),
                    CeilingEngine.h2loadOnPath());
        } catch (IllegalArgumentException e) {
            throw UserException.badInput("--ceiling: " + e.getMessage());
        }
        try {
            Ceiling measured = new CeilingEngine(ceilingConfig, first,
                    line -> {
                        if (!quiet) {
                            System.err.println("ceiling: " + line);
                        }
                    }).measure();
            if (!quiet) {
                PrintWriter err = new PrintWriter(System.err, true);
                CeilingTable.print(measured, err);
                err.flush();
            }
            return measured;
        } catch (CeilingException e) {
            throw UserException.failed("--ceiling: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw UserException.failed("interrupted while measuring the ceiling");
        }
    }

    /** The run's modes the ceiling can measure, with a note for each it leaves out; a user error when none is left. */
    private List<Mode> ceilingModes(List<Mode> runModes) {
        List<Mode> measurable = CeilingConfig.measurable(runModes);
        for (Mode mode : runModes) {
            if (!measurable.contains(mode) && !quiet) {
                System.err.println("note: the ceiling leaves out " + mode.id() + " " + mode.whyNoCeiling());
            }
        }
        if (measurable.isEmpty()) {
            throw UserException.badInput("--ceiling: it cannot measure any mode of this run");
        }
        return measurable;
    }

    /** The ceiling's measured window per mode under {@code run --ceiling}, and its warm-up window. */
    private static final Duration CEILING_DURATION = Duration.ofSeconds(5);
    private static final Duration CEILING_WINDOW = Duration.ofSeconds(1);

    private int runAndReport(Runner runner, RunFolder folder) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path runDir = folder.dir();
        Runner.Outcome outcome;
        try {
            outcome = runner.run();
        } catch (RunException e) {
            folder.removeIfUnmeasured(); // nothing was measured: leave nothing that looks like a run
            throw UserException.failed(e.getMessage());
        } catch (IOException e) {
            folder.removeIfUnmeasured(); // results written before the failure stay, marked incomplete
            throw UserException.failed("cannot write the run's results: " + IoErrors.describe(e));
        } catch (RuntimeException | Error e) {
            folder.removeIfUnmeasured();
            throw e;
        }
        if (jmh != null) {
            try {
                Files.copy(jmh, runDir.resolve(io.muxbench.results.ResultsFormat.JMH_FILE),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                System.err.println("muxbench: cannot copy " + jmh + " into the run folder: " + e.getMessage());
            }
        }
        ConsoleTable.print(outcome.results(), outcome.run(), out);
        for (String warning : outcome.run().driver().warnings()) {
            out.println("warning: " + warning);
        }
        out.println("Run folder: " + runDir.toAbsolutePath());
        boolean reported = noReport || Reports.write(runDir, out);
        out.flush();
        if (!outcome.results().complete()) {
            System.err.println("muxbench: interrupted; results so far are in " + runDir + ", marked incomplete");
            return Main.EXIT_FAILED;
        }
        long loads = 0;
        long failed = 0;
        for (CellResult cell : outcome.results().cells()) {
            loads += cell.pageLoads().count();
            failed += cell.pageLoads().failed();
        }
        if (loads > 0 && failed == loads) {
            System.err.println("muxbench: every page load failed; see errors in " + runDir.resolve("results.json"));
            return Main.EXIT_FAILED;
        }
        return reported ? 0 : Main.EXIT_FAILED;
    }

    /** The configuration in layers: the defaults, the suite over them, the flags given over both. */
    private RunConfig config() {
        if (browser != null && !browser.equals(ClientKind.CHROMIUM.id())) {
            throw UserException.badInput("--browser must be chromium, got '" + browser + "'");
        }
        RunConfig.Builder builder = RunConfig.builder();
        try {
            if (suite != null) {
                Suite.of(suite).applyTo(builder);
            }
            if (modes != null) {
                builder.modes(modes.stream().map(Mode::of).toList());
            }
        } catch (IllegalArgumentException e) {
            throw UserException.badInput(e.getMessage());
        }
        if (reuse != null) {
            builder.reuse(reuse.equals(BOTH) ? List.of(Reuse.values()) : List.of(reuseOf(reuse)));
        }
        if (insecure && target == null) {
            throw UserException.badInput("--insecure only applies with --target (the embedded origin's certificate is trusted exactly)");
        }
        boolean tls = target != null ? "https".equals(target.getScheme()) : !cleartext;
        if (target != null && cleartext && tls) {
            throw UserException.badInput("--cleartext with an https:// target: give an http:// target instead");
        }
        builder.tls(tls).target(target).insecure(insecure);
        if (tlsVersion != null) {
            if (!tls) {
                throw UserException.badInput("--tls " + tlsVersion + " with " + (cleartext ? "--cleartext" : "an http:// target")
                        + ": a TLS version needs TLS");
            }
            if (ceiling) {
                throw UserException.badInput("--tls with --ceiling: the ceiling (and h2load) would not be held to TLS "
                        + tlsVersion + "; measure it in a run of its own");
            }
            try {
                builder.tlsVersion(TlsVersion.of(tlsVersion));
            } catch (IllegalArgumentException e) {
                throw UserException.badInput("--tls must be " + String.join(" or ", TlsVersion.ids()) + ", got '" + tlsVersion + "'");
            }
        }
        try {
            if (links != null) {
                builder.links(LinkArguments.split(links).stream().map(RunConfig::canonicalLink).toList());
            }
            set(scenarios, builder::scenarios);
            set(browsers, builder::browsers);
            set(rate, builder::ratePerSecond);
            set(thinkTime, builder::thinkTime);
            set(pageLoads, builder::pageLoads);
            set(warmup, builder::warmupPageLoads);
            set(warmupBudget, builder::warmupBudget);
            set(rounds, builder::rounds);
            set(samples, builder::samplesPerCell);
            set(timeout, builder::pageLoadTimeout);
            set(h1Connections, builder::h1Connections);
            set(pipelineConnections, builder::pipelineConnections);
            set(pipelineDepth, builder::pipelineDepth);
            set(maxStreams, builder::maxConcurrentStreams);
            set(key, builder::keyType);
            set(seed, builder::seed);
            if (shard != null) {
                builder.shard(ShardArgument.parse(shard, System.getenv(ShardArgument.INDEX_VARIABLE)));
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw UserException.badInput(e.getMessage());
        }
    }

    private static final String BOTH = "both";

    /** --start-at's time, or null; checked before anything slow starts. */
    private Instant startTime() {
        if (startAt == null) {
            return null;
        }
        Instant time;
        try {
            time = Instant.parse(startAt.trim());
        } catch (DateTimeParseException e) {
            throw UserException.badInput("--start-at must be an ISO-8601 time such as 2026-12-01T10:00:00Z, got '"
                    + startAt + "'");
        }
        try {
            Runner.checkStartTime(time);
        } catch (IllegalArgumentException e) {
            throw UserException.badInput("--start-at: " + e.getMessage());
        }
        return time;
    }

    private static Reuse reuseOf(String value) {
        try {
            return Reuse.of(value);
        } catch (IllegalArgumentException e) {
            throw UserException.badInput("--reuse must be cold, warm or both, got '" + value + "'");
        }
    }

    /** Sets a flag's value on the builder when the flag was given. */
    private static <T> void set(T value, java.util.function.Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

    /** Whether a --target host is a loopback address; an unknown host is a user error. */
    static boolean isLoopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            throw UserException.badInput("--target " + host + ": unknown host");
        }
    }

}
