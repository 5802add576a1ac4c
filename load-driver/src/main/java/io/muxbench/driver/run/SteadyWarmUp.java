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
 * they stop getting cheaper measures the interpreter. Each driver mode in turn gets fresh browsers
 * that load the run's scenarios back to back, on plain loopback whatever the run's links (so a slow
 * link does not stretch it), cold and warm as the run measures them. Windows of
 * {@link #WINDOW} go round the scenarios; a scenario is done once its CPU per request (this process:
 * the driver, and the embedded origin when it serves) stops falling ({@link SteadyState}), and the
 * mode once every scenario is and it made {@link #MIN_REQUESTS} requests, or its budget ends. Nothing of it is recorded but how long it took.
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

    /** Warms every mode in turn; null when the budget is zero (no such warm-up). */
    RunInfo.WarmUp run() throws InterruptedException {
        Duration budget = config.measurement().warmupBudget();
        if (budget.isZero()) {
            return null;
        }
        List<RunInfo.ModeWarmUp> modes = new ArrayList<>();
        for (Mode mode : config.modes()) {
            if (stop.isStopped()) {
                break;
            }
            progress.cell("warm-up " + mode.id());
            RunInfo.ModeWarmUp warmUp = warmUp(mode, budget);
            modes.add(warmUp);
            if (warmUp.steady()) {
                progress.info(describe(warmUp));
            } else {
                progress.message(describe(warmUp));
            }
        }
        return new RunInfo.WarmUp(budget.toMillis() / 1000.0, WINDOW.toMillis() / 1000.0, HOLD, TOLERANCE, modes);
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

    private RunInfo.ModeWarmUp warmUp(Mode mode, Duration budget) throws InterruptedException {
        ClientEnvironment.Options options = config.client().options(upstream,
                origin == null ? null : origin.certificate().trustStore(), Duration.ZERO);
        List<BrowserClient> browsers = new ArrayList<>();
        try (ClientEnvironment environment = new ClientEnvironment(options)) {
            try {
                for (int i = 0; i < Math.min(config.load().browsers(), MAX_BROWSERS); i++) {
                    BrowserClient browser = mode.newClient(environment, i);
                    browsers.add(browser);
                }
                return windows(mode, browsers, budget);
            } finally {
                // Browsers run on the environment's threads: closed before it stops them.
                for (BrowserClient browser : browsers) {
                    browser.close();
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("warming up " + mode.id() + " failed inside the harness: " + e, e);
        }
    }

    /** Goes round the scenarios a window at a time until each is steady, or the budget ends. */
    private RunInfo.ModeWarmUp windows(Mode mode, List<BrowserClient> browsers, Duration budget)
            throws InterruptedException {
        List<SteadyState> steady = new ArrayList<>();
        boolean[] done = new boolean[scenarios.size()];
        for (int i = 0; i < scenarios.size(); i++) {
            steady.add(new SteadyState(HOLD, TOLERANCE));
        }
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        long pageLoads = 0;
        long requests = 0;
        int windows = 0;
        int left = scenarios.size();
        Double first = null;
        Double last = null;
        for (int i = 0; (left > 0 || requests < MIN_REQUESTS) && System.nanoTime() < deadline && !stop.isStopped();
                i = (i + 1) % scenarios.size()) {
            if (done[i] && left > 0) {
                continue; // until every scenario is steady; then round all of them to the minimum
            }
            Window w = window(scenarios.get(i), browsers);
            windows++;
            pageLoads += w.counts.pageLoads();
            requests += w.counts.requests();
            double cost = w.counts.requests() == 0 ? Double.NaN : w.cpuNanos / 1000.0 / w.counts.requests();
            if (i == 0 && !Double.isNaN(cost)) {
                first = first == null ? cost : first;
                last = cost;
            }
            if (!done[i] && steady.get(i).add(cost)) {
                done[i] = true;
                left--;
            }
        }
        double seconds = Math.round((System.nanoTime() - start) / 1e8) / 10.0;
        return new RunInfo.ModeWarmUp(mode.id(), seconds, pageLoads, requests, windows,
                left == 0 && requests >= MIN_REQUESTS, first, last);
    }

    /** One window of back-to-back page loads of {@code scenario}, lasting until each browser finished one. */
    private Window window(Scenario scenario, List<BrowserClient> browsers) throws InterruptedException {
        if (origin != null) {
            origin.serve(scenario);
        }
        List<SaturatingLoad.Page> pages = new ArrayList<>();
        for (Reuse reuse : config.matrix().reuse()) {
            pages.add(new SaturatingLoad.Page(scenario, reuse == Reuse.COLD));
        }
        for (BrowserClient browser : browsers) {
            browser.requestHeaders(scenario.requestHeaders());
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
