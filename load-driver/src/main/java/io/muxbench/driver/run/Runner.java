package io.muxbench.driver.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.ClientEnvironment;
import io.muxbench.driver.mode.Mode;
import io.muxbench.results.CellResult;
import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import io.muxbench.scenario.Scenario;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a configuration and writes its run folder: cells (scenario x link x reuse x mode) run
 * interleaved in rounds, each round creating the cell's browsers afresh; results are written after
 * every round, so an interrupted run leaves everything measured so far, marked incomplete.
 *
 * <pre>{@code
 * Runner runner = new Runner(config, scenarios, runDir, ProgressListener.NONE);
 * Runner.Outcome outcome = runner.run();
 * }</pre>
 */
public final class Runner {

    /** What a run produced. */
    public record Outcome(Path runDir, RunInfo run, Results results) {
    }

    private final RunConfig config;
    private final List<Scenario> scenarios;
    private final Path runDir;
    private final ProgressListener progress;
    private final StopSignal stop = new StopSignal();
    private final DriverMonitor monitor = new DriverMonitor();
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final long startedNanos = System.nanoTime();
    private final List<Cell> cells = new ArrayList<>();
    private Origin origin;
    private Links links;
    private BrowserRounds browserRounds;
    private java.util.function.Consumer<Origin> originStarted = o -> { };

    public Runner(RunConfig config, List<Scenario> scenarios, Path runDir, ProgressListener progress) {
        this.config = config;
        this.scenarios = List.copyOf(scenarios);
        this.runDir = runDir;
        this.progress = progress;
    }

    /**
     * Adds browser cells: the same scenarios, links and reuse, loaded by headless Chromium over h1
     * and h2 (not h1-pipelined, which Chromium cannot do; h2 only over TLS), interleaved with the
     * driver's cells in rounds.
     *
     * @param executable Chromium, found by {@code io.muxbench.driver.browser.Chromium.find}
     */
    public Runner withChromium(Path executable) {
        this.browserRounds = new BrowserRounds(executable, config, progress, stop::isStopped);
        return this;
    }

    /** Tests only: told once the embedded origin has started, to inject faults or stalls into it. */
    void onOriginStarted(java.util.function.Consumer<Origin> hook) {
        this.originStarted = hook;
    }

    /**
     * Asks the run to stop after the page loads in progress, ending any think time or wait for the
     * next start at once; results are then marked incomplete. Asked before anything was measured,
     * {@link #run} ends with a {@link RunException} and writes nothing.
     */
    public void stop() {
        stop.stop();
    }

    /**
     * Refuses scenarios or links whose cell ids (file names of their hlogs) would be the same, such
     * as scenarios named {@code t} and {@code T}: to be called before anything starts.
     *
     * @param sources where each scenario came from (the --scenario arguments), in the order of {@code scenarios}
     * @throws IllegalArgumentException naming the two scenarios or links
     */
    public static void checkCellIds(RunConfig config, List<Scenario> scenarios, List<String> sources) {
        String collision = CellIds.collision(scenarios.stream().map(Scenario::name).toList(), sources, config.links());
        if (collision != null) {
            throw new IllegalArgumentException(collision);
        }
    }

    public Outcome run() throws RunException, IOException, InterruptedException {
        try (Links links = new Links(config.seed())) {
            this.links = links;
            URI upstream = startOrigin();
            Preflight.check(config, scenarios.get(0), upstream, origin);
            if (stop.isStopped()) {
                throw new RunException("interrupted before anything was measured");
            }
            writeRun(false);
            progress.writing(runDir);
            for (Scenario scenario : scenarios) {
                for (String link : config.links()) {
                    for (String reuse : config.reuse()) {
                        for (Mode mode : config.modes()) {
                            String id = CellIds.of(scenario.name(), link, reuse, mode.id(), config.tls());
                            cells.add(new Cell(id, scenario, mode, link, reuse, config.tls(), config.pageLoads(),
                                    config.samplesPerCell()));
                        }
                        for (Mode mode : browserRounds == null ? List.<Mode>of() : browserRounds.modes(scenario, link, reuse)) {
                            String id = CellIds.of(scenario.name(), link, reuse, mode.id(), config.tls()) + "_" + BrowserRounds.CHROMIUM;
                            cells.add(new Cell(id, scenario, mode, link, reuse, config.tls(), config.pageLoads(),
                                    config.samplesPerCell(), BrowserRounds.CHROMIUM));
                        }
                    }
                }
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Cell cell : cells) {
                if (!ids.add(cell.id)) { // checkCellIds refuses this before the run starts
                    throw new IllegalStateException("two cells share the id '" + cell.id + "'");
                }
            }
            long total = 0;
            for (Cell cell : cells) {
                if (!cell.client.equals("driver")) {
                    total += config.pageLoads() + 1;
                    continue;
                }
                total += config.pageLoads();
                if (config.warmupPageLoads() > 0) {
                    total += (long) config.browsers() * Math.max(1, config.warmupPageLoads() / config.browsers());
                }
                if (!cell.cold()) {
                    total += (long) config.browsers() * config.rounds();
                }
            }
            progress.started(total);
            for (int round = 0; round < config.rounds() && !stop.isStopped(); round++) {
                for (Cell cell : inRoundOrder(round)) {
                    if (stop.isStopped()) {
                        break;
                    }
                    int quota = config.pageLoads() / config.rounds() + (round < config.pageLoads() % config.rounds() ? 1 : 0);
                    Links.Front front;
                    try {
                        front = links.front(cell.link, upstream);
                    } catch (java.io.UncheckedIOException e) {
                        throw new RunException(e.getMessage());
                    }
                    links.renumberConnections();
                    if (cell.client.equals("driver")) {
                        runCellRound(cell, front, round == 0, quota);
                    } else {
                        browserRounds.runRound(cell, origin, front, round == 0, quota, runDir,
                                started.toEpochMilli());
                    }
                    // Right after the cell's hlog got its interval, so that a run killed mid-round
                    // leaves results.json and the hlogs telling the same counts.
                    writeResults(false);
                    links.checkRunning(cell.link);
                }
            }
            boolean complete = !stop.isStopped();
            Results results = writeResults(complete);
            RunInfo run = writeRun(complete);
            this.links = null;
            return new Outcome(runDir, run, results);
        } finally {
            cells.forEach(Cell::close);
            if (origin != null) {
                try {
                    origin.close();
                } catch (Exception ignored) {
                    // The run's results are written; a slow stop changes nothing.
                }
            }
            progress.finished();
        }
    }

    /**
     * The cells in the order a round runs them: scenario by scenario, link by link, reuse by reuse, as
     * configured, but with the modes of each group rotated by one every round, so that whatever the
     * order costs (a JIT still warming, a cache) does not always fall on the same mode.
     */
    private List<Cell> inRoundOrder(int round) {
        java.util.Map<String, List<Cell>> groups = new java.util.LinkedHashMap<>();
        for (Cell cell : cells) {
            groups.computeIfAbsent(cell.scenario.name() + "\u0000" + cell.link + "\u0000" + cell.reuse + "\u0000" + cell.client,
                    k -> new ArrayList<>()).add(cell);
        }
        List<Cell> ordered = new ArrayList<>(cells.size());
        for (List<Cell> group : groups.values()) {
            for (int i = 0; i < group.size(); i++) {
                ordered.add(group.get((i + round) % group.size()));
            }
        }
        return ordered;
    }

    private URI startOrigin() throws RunException {
        if (config.target() != null) {
            return config.target();
        }
        try {
            origin = Origin.start(new Origin.Options("127.0.0.1", 0, 0, config.keyType(), config.maxConcurrentStreams()));
        } catch (Exception e) {
            throw new RunException("cannot start the embedded origin: " + e.getMessage());
        }
        originStarted.accept(origin);
        return config.tls() ? origin.tlsUri() : origin.cleartextUri();
    }

    private void runCellRound(Cell cell, Links.Front front, boolean first, int quota) throws InterruptedException, IOException {
        progress.cell(cell.id);
        if (origin != null) {
            origin.serve(cell.scenario);
        }
        ClientEnvironment.Options options = config.clientOptions(front.uri(),
                origin == null ? null : origin.certificate().trustStore(), front.rtt());
        if (origin == null && !cell.scenario.hosts().isEmpty()) {
            throw new IllegalArgumentException(cell.scenario.name() + " has resources on other hosts: only the embedded origin serves them");
        }
        // Every host of the page is served on the origin's ports, and reached through the same link:
        // each browser's client sends every host's requests to the front, naming the host in them.
        List<BrowserClient> browsers = new ArrayList<>();
        try (ClientEnvironment environment = new ClientEnvironment(options)) {
            try {
                runBrowsers(cell, environment, browsers, first, quota);
            } finally {
                // Browsers run on the environment's threads: close them before it stops those threads
                // (the other way round, every cell-round waited out the thread pool's stop timeout).
                for (BrowserClient browser : browsers) {
                    browser.close();
                }
            }
        } catch (InterruptedException | IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cell " + cell.id + " failed inside the harness: " + e, e);
        }
    }

    private void runBrowsers(Cell cell, ClientEnvironment environment, List<BrowserClient> browsers, boolean first,
                             int quota) throws Exception {
        for (int i = 0; i < config.browsers(); i++) {
            BrowserClient browser = cell.mode.newClient(environment, i);
            browser.requestHeaders(cell.scenario.requestHeaders());
            browsers.add(browser);
        }
        LoadLoop loop = new LoadLoop(cell, browsers, config, monitor, progress, stop);
        if (first && config.warmupPageLoads() > 0) {
            loop.warmUp(Math.max(1, config.warmupPageLoads() / config.browsers()));
        }
        if (!cell.cold()) {
            loop.warmUp(1); // opens the warm browsers' connections before measuring
        }
        if (origin != null) {
            origin.resetStats();
        }
        monitor.cellStarted();
        loop.run(quota);
        String warning = monitor.cellFinished(cell.id);
        if (warning != null) {
            progress.message("warning: " + warning);
        }
        if (origin != null) {
            cell.addServerStats(origin.stats());
        }
        cell.negotiated(browsers.get(0).negotiated(), http2Windows(browsers.get(0)));
        cell.flushInterval(runDir, started.toEpochMilli());
    }

    private static int[] http2Windows(BrowserClient client) {
        return client.http2Windows();
    }

    private Results writeResults(boolean complete) throws IOException {
        List<CellResult> list = new ArrayList<>();
        for (Cell cell : cells) {
            list.add(cell.toResult());
        }
        Results results = new Results(ResultsFormat.SCHEMA_VERSION, runDir.getFileName().toString(), complete, list);
        ResultsFormat.writeResults(runDir, results);
        return results;
    }

    private RunInfo writeRun(boolean finished) throws IOException {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        java.util.Map<String, Object> settings = config.toMap();
        settings.put("browser", browserRounds == null ? null : BrowserRounds.CHROMIUM);
        io.muxbench.vocabulary.RunConfiguration configuration =
                ResultsFormat.MAPPER.convertValue(settings, io.muxbench.vocabulary.RunConfiguration.class);
        org.HdrHistogram.Histogram timing = links == null ? null : links.timingError();
        boolean measured = timing != null && timing.getTotalCount() > 0;
        RunInfo.DriverHealth health = new RunInfo.DriverHealth(monitor.cpuPercent(), monitor.maxLagMillis(),
                monitor.bottleneck(), monitor.warnings(),
                measured ? (double) timing.getValueAtPercentile(50) : null,
                measured ? (double) timing.getValueAtPercentile(99) : null);
        RunInfo run = new RunInfo(ResultsFormat.SCHEMA_VERSION, runDir.getFileName().toString(), started.toString(),
                finished || stop.isStopped() ? Instant.now().truncatedTo(ChronoUnit.MILLIS).toString() : null,
                Math.round(seconds * 10) / 10.0, finished, Environments.muxbenchVersion(),
                Environments.current(), configuration,
                config.modes().stream().map(Mode::description).toList(), health);
        ResultsFormat.writeRun(runDir, run);
        return run;
    }
}
