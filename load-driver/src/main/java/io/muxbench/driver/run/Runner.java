package io.muxbench.driver.run;

import io.muxbench.driver.link.LinkStats;
import io.muxbench.driver.link.UdpKernelCounters;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.mode.Mode;
import io.muxbench.results.CellResult;
import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import io.muxbench.scenario.Scenario;
import io.muxbench.vocabulary.CellKey;
import io.muxbench.vocabulary.ClientKind;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a configuration and writes its run folder, in three parts: the {@link RunPlan} (cells, their
 * order in each round, quotas), the {@link CellRound}s that make each cell's page loads (the driver's
 * or Chromium's) into its {@link CellRecorder}, and persisting: after every cell round its interval
 * goes to the cell's log ({@link CellLogs}) and results.json is rewritten ({@link CellSummary}), so an
 * interrupted run leaves everything measured so far, marked incomplete.
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

    private RunConfig config;
    private Set<Mode> optionalModes = Set.of();
    private final List<Scenario> scenarios;
    private final Path runDir;
    private final ProgressListener progress;
    private final StopSignal stop = new StopSignal();
    private final DriverMonitor monitor = new DriverMonitor();
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final long startedNanos = System.nanoTime();
    /** The cells' recorders, in the plan's order: the order results list them. */
    private final Map<CellKey, CellRecorder> recorders = new LinkedHashMap<>();
    private Origin origin;
    private Links links;
    private Path chromiumExecutable;
    private RunInfo.WarmUp warmUp;
    private io.muxbench.results.Ceiling ceiling;
    private java.util.function.Consumer<Origin> originStarted = o -> { };
    private Instant startAt;

    public Runner(RunConfig config, List<Scenario> scenarios, Path runDir, ProgressListener progress) {
        this.config = config;
        this.scenarios = List.copyOf(scenarios);
        this.runDir = runDir;
        this.progress = progress;
    }

    /**
     * Adds Chromium cells: the same scenarios, links and reuse, loaded by headless Chromium over the
     * modes it can load ({@link Mode#chromium}), interleaved with the driver's cells in rounds.
     *
     * @param executable Chromium, found by {@code io.muxbench.driver.chromium.Chromium.find}
     */
    public Runner withChromium(Path executable) {
        this.chromiumExecutable = executable;
        return this;
    }

    /**
     * Carries this machine's ceiling, measured before the run ({@code run --ceiling}), into run.json
     * and the report.
     */
    public Runner withCeiling(io.muxbench.results.Ceiling ceiling) {
        this.ceiling = ceiling;
        return this;
    }

    /**
     * Modes the user did not name and the target may not offer (h3 with {@code --target}): one the
     * target does not answer over in the preflight is left out of the run with a warning line,
     * instead of ending it.
     */
    public Runner leavingOutUnanswered(Set<Mode> modes) {
        this.optionalModes = Set.copyOf(modes);
        return this;
    }

    /**
     * Holds the first measured round until {@code time} (wall clock), after the preflight and the
     * warm-up, so that shards on several machines start together without a coordinator; a time that
     * has passed by then starts the round at once, with a warning line. Ctrl-C ends the wait.
     *
     * @throws IllegalArgumentException as {@link #checkStartTime} does
     */
    public Runner startingAt(Instant time) {
        checkStartTime(time);
        this.startAt = time;
        return this;
    }

    /**
     * Refuses a start time more than {@link RunConfig#MAX_DURATION} ahead: a mistake (a wrong date), and
     * far enough ahead to overflow the wait's nanoseconds.
     */
    public static void checkStartTime(Instant time) {
        if (Duration.between(Instant.now(), time).compareTo(RunConfig.MAX_DURATION) > 0) {
            throw new IllegalArgumentException(time + " is more than 24h ahead");
        }
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
        String collision = RunPlan.collision(scenarios.stream().map(Scenario::name).toList(), sources, config.links());
        if (collision != null) {
            throw new IllegalArgumentException(collision);
        }
    }

    public Outcome run() throws RunException, IOException, InterruptedException {
        try (Links links = new Links(config.shardSeed()); CellLogs logs = new CellLogs(runDir, started.toEpochMilli())) {
            this.links = links;
            URI upstream = startOrigin();
            List<Mode> answered = Preflight.check(config, scenarios.get(0), upstream, origin, optionalModes, progress);
            if (!answered.equals(config.modes())) {
                config = config.withModes(answered);
            }
            warmUp = new SteadyWarmUp(config, scenarios, upstream, origin, progress, stop).run();
            awaitStart();
            if (stop.isStopped()) {
                throw new RunException("interrupted before anything was measured");
            }
            writeRun(false);
            progress.writing(runDir);
            ChromiumCellRound chromium = chromiumExecutable == null ? null
                    : new ChromiumCellRound(chromiumExecutable, config, origin, monitor, progress, stop::isStopped);
            RunPlan plan = RunPlan.of(config, scenarios, chromium == null ? s -> List.of() : chromium::modes);
            for (RunPlan.Cell cell : plan.cells()) {
                recorders.put(cell.key(), new CellRecorder(cell, config.shardPageLoads(),
                        config.measurement().samplesPerCell()));
            }
            DriverCellRound driver = new DriverCellRound(config, plan, origin, monitor, progress, stop);
            progress.started(plan.progressTotal());
            for (int round = 0; round < plan.rounds() && !stop.isStopped(); round++) {
                for (RunPlan.Cell cell : plan.inRoundOrder(round)) {
                    if (stop.isStopped()) {
                        break;
                    }
                    Links.Front front;
                    try {
                        front = links.front(cell.key().link(), upstream);
                    } catch (java.io.UncheckedIOException e) {
                        throw new RunException(e.getMessage());
                    }
                    links.renumberConnections(round);
                    CellRecorder recorder = recorders.get(cell.key());
                    CellRound cellRound = cell.key().client() == ClientKind.DRIVER ? driver : chromium;
                    LinkStats.Datagrams relayedBefore = links.datagrams(cell.key().link());
                    UdpKernelCounters kernelBefore = UdpKernelCounters.read();
                    cellRound.run(recorder, front, round == 0, plan.quota(round));
                    UdpKernelCounters kernelDropped = UdpKernelCounters.read().minus(kernelBefore);
                    recorder.addDatagrams(links.datagrams(cell.key().link()).minus(relayedBefore), kernelDropped);
                    if (kernelDropped.dropped() > 0) {
                        progress.message("warning: the kernel dropped " + kernelDropped.dropped() + " UDP datagrams during "
                                + cell.id() + " (full socket buffers): QUIC lost more than the link's loss");
                    }
                    logs.endInterval(recorder);
                    // Right after the cell's hlog got its interval, so that a run killed mid-round
                    // leaves results.json and the hlogs telling the same counts.
                    writeResults(false);
                    links.checkRunning(cell.key().link());
                }
            }
            boolean complete = !stop.isStopped();
            Results results = writeResults(complete);
            RunInfo run = writeRun(complete);
            this.links = null;
            return new Outcome(runDir, run, results);
        } finally {
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

    /** Waits for the start time ({@link #startingAt}), if any; a run asked to stop ends the wait. */
    private void awaitStart() throws InterruptedException {
        if (startAt == null) {
            return;
        }
        long aheadMillis = Duration.between(Instant.now(), startAt).toMillis();
        String seconds = String.format(java.util.Locale.ROOT, "%.1f s", Math.abs(aheadMillis) / 1000.0);
        if (aheadMillis <= 0) {
            progress.message("warning: the start time " + startAt + " passed " + seconds + " ago (the warm-up took"
                    + " longer): the first round starts now, not together with other shards'");
            return;
        }
        progress.info("waiting " + seconds + ", until " + startAt + ", to start the first round");
        stop.pause(Duration.ofMillis(aheadMillis)); // at most a day (startingAt)
    }

    private URI startOrigin() throws RunException {
        if (config.client().target() != null) {
            return config.client().target();
        }
        try {
            origin = Origin.start(config.origin().options());
        } catch (Exception e) {
            throw new RunException("cannot start the embedded origin: " + e.getMessage());
        }
        originStarted.accept(origin);
        return config.tls() ? origin.tlsUri() : origin.cleartextUri();
    }

    private Results writeResults(boolean complete) throws IOException {
        List<CellResult> list = new ArrayList<>();
        for (CellRecorder recorder : recorders.values()) {
            list.add(CellSummary.of(recorder.totals()));
        }
        Results results = new Results(ResultsFormat.SCHEMA_VERSION, runDir.getFileName().toString(), complete, list);
        ResultsFormat.writeResults(runDir, results);
        return results;
    }

    /** run.json's shard: this folder is shard I of N, of this configuration, made on this host; null when no shard. */
    private RunInfo.Shard shard(io.muxbench.vocabulary.RunConfiguration configuration) {
        RunConfig.Shard shard = config.shard();
        return shard == null ? null : new RunInfo.Shard(shard.index(), shard.count(),
                RunInfo.configurationHash(configuration), Environments.hostname());
    }

    private RunInfo writeRun(boolean finished) throws IOException {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        io.muxbench.vocabulary.RunConfiguration configuration =
                config.toConfiguration(chromiumExecutable == null ? null : ClientKind.CHROMIUM);
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
                config.modes().stream().map(Mode::description).toList(), health, warmUp, ceiling, shard(configuration),
                null);
        ResultsFormat.writeRun(runDir, run);
        return run;
    }
}
