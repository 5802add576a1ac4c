package io.muxbench.driver.run;

import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.ClientEnvironment;
import io.muxbench.results.RunInfo;
import io.muxbench.scenario.Scenario;
import io.muxbench.vocabulary.Reuse;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The warm-up to steady state before a run's first measured round, JMH's lesson: a JIT-compiled
 * client and origin get cheaper per request for seconds after they start, and measuring before
 * they stop getting cheaper measures the interpreter. Fresh browsers load the run's scenarios back
 * to back, on plain loopback whatever the run's links (so a slow link does not stretch it), cold and
 * warm as the run measures them, in windows of {@link #WINDOW} that go round the modes, and for each
 * mode round its scenarios, as the measured rounds interleave them. Each window has browsers of its
 * own, made as a cell round makes them, so connections open as often as in the measured rounds (the
 * JIT must not compile a session's first frames away as never taken). A scenario of a mode is done
 * once its CPU per request (this process: the driver, and the embedded origin when it serves) stops
 * falling ({@link SteadyState}), and the mode once every scenario is and it made
 * {@link #MIN_REQUESTS} requests, or its windows used up the budget. Nothing of it is recorded but
 * how it went.
 *
 * <pre>{@code
 * RunInfo.WarmUp warmUp = new SteadyWarmUp(config, scenarios, upstream, origin, progress, stop).run();
 * }</pre>
 */
final class SteadyWarmUp {

    /** The window whose CPU per request is compared. */
    static final Duration WINDOW = Duration.ofMillis(500);
    /** Steady once the best of the last 3 windows is no more than 5 % cheaper than the best before them. */
    static final int HOLD = 3;
    static final double TOLERANCE = 0.05;
    /**
     * Requests a mode makes before it may be called steady, whatever the windows say: the JIT compiles
     * a per-request method after some ten thousand calls, and a noisy machine can make a few short
     * windows look flat before that.
     */
    static final long MIN_REQUESTS = 50_000;
    /** {@code -Dmuxbench.warmup.trace=true} prints every window's cost on stderr. */
    private static final boolean TRACE = Boolean.getBoolean("muxbench.warmup.trace");
    /** More browsers than this warm nothing more, and only crowd 2 cores. */
    private static final int MAX_BROWSERS = 8;

    private final RunConfig config;
    private final List<Scenario> scenarios;
    private final URI upstream;
    private final Origin origin;
    private final ProgressListener progress;
    private final StopSignal stop;
    private final LongSupplier cpuNanos;

    /**
     * @param upstream the embedded origin's or the target's URI: loaded directly, without a link
     * @param origin   the embedded origin, switched from scenario to scenario; null with a target
     */
    SteadyWarmUp(RunConfig config, List<Scenario> scenarios, URI upstream, Origin origin, ProgressListener progress,
                 StopSignal stop) {
        this.config = config;
        this.scenarios = List.copyOf(scenarios);
        this.upstream = upstream;
        this.origin = origin;
        this.progress = progress;
        this.stop = stop;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        this.cpuNanos = os::getProcessCpuTime;
    }

    /**
     * Warms the modes up, a window of each in turn (the measured rounds interleave them too, so the
     * JIT compiles for all of them at once); null when the budget is zero (no such warm-up).
     */
    RunInfo.WarmUp run() throws InterruptedException {
        Duration budget = config.measurement().warmupBudget();
        if (budget.isZero()) {
            return null;
        }
        List<ModeState> modes = new ArrayList<>();
        for (Mode mode : config.modes()) {
            modes.add(new ModeState(mode));
        }
        progress.cell("warm-up");
        boolean any = true;
        while (any && !stop.isStopped()) {
            any = false;
            for (ModeState mode : modes) {
                if (mode.finished || stop.isStopped()) {
                    continue;
                }
                any = true;
                mode.window();
                if (mode.steady() || mode.nanos >= budget.toNanos()) {
                    mode.finished = true;
                    RunInfo.ModeWarmUp done = mode.result();
                    if (done.steady()) {
                        progress.info(describe(done));
                    } else {
                        progress.message(describe(done));
                    }
                }
            }
        }
        return new RunInfo.WarmUp(budget.toMillis() / 1000.0, WINDOW.toMillis() / 1000.0, HOLD, TOLERANCE,
                modes.stream().map(ModeState::result).toList());
    }

    /** Where one mode's warm-up stands: a {@link SteadyState} per scenario, and what it did so far. */
    private final class ModeState {
        final Mode mode;
        final List<SteadyState> steady = new ArrayList<>();
        final boolean[] done = new boolean[scenarios.size()];
        int left = scenarios.size();
        int next;
        long pageLoads;
        long requests;
        int windows;
        long nanos;
        Double first;
        Double last;
        boolean finished;

        ModeState(Mode mode) {
            this.mode = mode;
            for (int i = 0; i < scenarios.size(); i++) {
                steady.add(new SteadyState(HOLD, TOLERANCE));
            }
        }

        boolean steady() {
            return left == 0 && requests >= MIN_REQUESTS;
        }

        /** The next scenario's window: round the scenarios not yet steady, then (for the minimum) all of them. */
        void window() throws InterruptedException {
            int i = next;
            while (left > 0 && done[i]) {
                i = (i + 1) % scenarios.size();
            }
            next = (i + 1) % scenarios.size();
            long start = System.nanoTime();
            Window w = SteadyWarmUp.this.window(mode, scenarios.get(i));
            nanos += System.nanoTime() - start;
            windows++;
            pageLoads += w.counts.pageLoads();
            requests += w.counts.requests();
            double cost = w.counts.requests() == 0 ? Double.NaN : w.cpuNanos / 1000.0 / w.counts.requests();
            if (i == 0 && !Double.isNaN(cost)) {
                first = first == null ? cost : first;
                last = cost;
            }
            if (TRACE) {
                System.err.printf(Locale.ROOT, "warm-up %s %s window %d: %d page loads, %.1f us/request%n", mode.id(),
                        scenarios.get(i).name(), windows, w.counts.pageLoads(), cost);
            }
            if (!done[i] && steady.get(i).add(cost)) {
                done[i] = true;
                left--;
            }
        }

        RunInfo.ModeWarmUp result() {
            return new RunInfo.ModeWarmUp(mode.id(), Math.round(nanos / 1e8) / 10.0, pageLoads, requests, windows,
                    steady(), first, last);
        }
    }

    /** One line on a mode's warm-up, a warning when it did not reach steady state. */
    static String describe(RunInfo.ModeWarmUp w) {
        String cost = w.firstMicrosPerRequest() == null || w.lastMicrosPerRequest() == null ? ""
                : String.format(Locale.ROOT, ", CPU per request %.0f -> %.0f us", w.firstMicrosPerRequest(),
                        w.lastMicrosPerRequest());
        String what = String.format(Locale.ROOT, "%.1f s, %,d page loads%s", w.seconds(), w.pageLoads(), cost);
        return w.steady() ? w.mode() + " reached steady state (" + what + ")"
                : "warning: " + w.mode() + " did NOT reach steady state within the warm-up budget (" + what
                        + "): its first rounds may measure the JIT; raise --warmup-budget";
    }

    /**
     * One window of back-to-back page loads of {@code scenario}, lasting until each browser finished
     * one, by browsers made afresh as a cell round makes them: new connections, so the JIT sees a
     * session open (HPACK tables filling, SETTINGS, handshakes) as often as measured rounds will, and
     * does not compile those paths away as never taken.
     */
    private Window window(Mode mode, Scenario scenario) throws InterruptedException {
        if (origin != null) {
            origin.serve(scenario);
        }
        ClientEnvironment.Options options = config.client().options(upstream,
                origin == null ? null : origin.certificate().trustStore(), Duration.ZERO);
        List<Integer> shardBrowsers = config.shardBrowsers(); // their source addresses, apart from other shards'
        try (Browsers browsers = Browsers.open(options, mode,
                shardBrowsers.subList(0, Math.min(shardBrowsers.size(), MAX_BROWSERS)), scenario.requestHeaders())) {
            return window(scenario, browsers.list());
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("warming up " + mode.id() + " failed inside the harness: " + e, e);
        }
    }

    private Window window(Scenario scenario, List<BrowserClient> browsers) throws InterruptedException {
        List<SaturatingLoad.Page> pages = new ArrayList<>();
        for (Reuse reuse : config.matrix().reuse()) {
            pages.add(new SaturatingLoad.Page(scenario, reuse == Reuse.COLD));
        }
        SaturatingLoad load = new SaturatingLoad(browsers, pages, config.pageLoadTimeout());
        long cpuBefore = cpuNanos.getAsLong();
        SaturatingLoad.Counts counts;
        long cpu;
        try {
            load.start();
            stop.pause(WINDOW); // the load runs on its own threads; this one only keeps time
            // A page load longer than the window would leave it empty: it lasts until each browser made one.
            load.awaitPageLoads(browsers.size(), System.nanoTime() + config.pageLoadTimeout().toNanos());
            counts = load.counts();
            cpu = cpuNanos.getAsLong() - cpuBefore;
        } finally {
            load.close();
        }
        return new Window(counts, cpu);
    }

    private record Window(SaturatingLoad.Counts counts, long cpuNanos) {
    }
}
