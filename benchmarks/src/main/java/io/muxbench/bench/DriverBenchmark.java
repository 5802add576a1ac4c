package io.muxbench.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.run.Browsers;
import io.muxbench.driver.run.PageLoad;
import io.muxbench.driver.run.RunDefaults;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.ClientEnvironment;
import io.muxbench.driver.transport.Exchange;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * What the driver itself costs: one whole page load of a bundled scenario by one virtual browser of
 * a mode (the same {@link PageLoad} and clients {@code muxbench run} uses), on warm connections, over
 * TLS on loopback, against the embedded {@link Origin} in this JVM. No link, no think time: the
 * score is the driver's and the origin's own work per page load, so a regression in either (a
 * client, the origin, Jetty, the JDK's TLS) shows up in {@code muxbench compare} of two JMH files.
 *
 * <p>Besides the time per page load, three aux counters: {@code request}, the same time per request
 * (JMH divides by the requests completed); {@code cpuMicrosPerRequest}, the CPU time of this whole
 * JVM (driver, origin, JIT, GC) per request over each iteration; {@code requestsPerPageLoad}, proof
 * that every operation was the whole page (image-grid: 101).
 *
 * <p>Pitfalls avoided: <i>measuring failures</i> — a page load that fails, times out or opens a
 * connection (it would measure a handshake, not warm reuse) throws, so JMH reports an error instead
 * of a fast score; setup proves the mode negotiated its ALPN protocol. <i>Cold connections and the
 * interpreter</i> — setup loads the page until no new connection opens, and 20 s of warm-up
 * iterations let the JIT settle both sides (on 2 busy cores h2 was still getting faster after 20 s,
 * steady after 26 s); 2 s iterations smooth the scheduler's noise. <i>Dead code</i>: the outcome is
 * returned.
 */
@Warmup(iterations = 10, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class DriverBenchmark extends BenchmarkBase {

    /** An embedded origin serving the scenario and one browser of the mode, its connections open. */
    @State(Scope.Thread)
    public static class Rig {
        /** A mode id as {@code muxbench run --modes} takes it. */
        @Param({"h1", "h1-pipelined", "h2"})
        String mode;
        /** A bundled scenario. */
        @Param({"image-grid", "news"})
        String scenario;

        /** Page loads in setup until one opens no connection; h1 opens its 6 within the first few. */
        private static final int MOST_SETUP_PAGE_LOADS = 20;

        Origin origin;
        private Browsers browsers;
        private BrowserClient browser;
        private Scenario page;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Mode browserMode = Mode.of(mode);
            page = ScenarioLoader.bundled(scenario);
            try {
                origin = Origin.start(Origin.Options.defaults());
                origin.serve(page);
                browsers = Browsers.open(ClientEnvironment.Options.defaults(origin.tlsUri(),
                        origin.certificate().trustStore()), browserMode, 1, page.requestHeaders());
                browser = browsers.list().get(0);
                warmConnections();
                String alpn = browser.negotiated().alpn();
                SelfCheck.require(browserMode.alpn().equals(alpn),
                        mode + " negotiated ALPN '" + alpn + "', wanted '" + browserMode.alpn() + "'");
            } catch (Exception | Error e) {
                tearDown();
                throw e;
            }
        }

        private void warmConnections() throws InterruptedException {
            for (int i = 0; i < MOST_SETUP_PAGE_LOADS; i++) {
                PageLoad.Outcome outcome = complete(new PageLoad(browser, page));
                if (outcome.connectionsOpened() == 0) {
                    return;
                }
            }
            SelfCheck.require(false, mode + " still opened connections after " + MOST_SETUP_PAGE_LOADS
                    + " page loads of " + scenario);
        }

        /**
         * One page load on the open connections.
         *
         * @throws IllegalStateException when it failed, timed out or opened a connection
         */
        PageLoad.Outcome load() throws InterruptedException {
            PageLoad.Outcome outcome = complete(new PageLoad(browser, page));
            if (outcome.connectionsOpened() != 0) {
                throw new IllegalStateException(mode + " opened " + outcome.connectionsOpened()
                        + " connection(s) during a page load of " + scenario + ": the origin or the client closed a warm one");
            }
            return outcome;
        }

        private PageLoad.Outcome complete(PageLoad load) throws InterruptedException {
            PageLoad.Outcome outcome;
            try {
                outcome = load.start().get(RunDefaults.PAGE_LOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                load.abandon(System.nanoTime());
                throw new IllegalStateException("a page load of " + scenario + " over " + mode + " took more than "
                        + RunDefaults.PAGE_LOAD_TIMEOUT_SECONDS + " s");
            } catch (ExecutionException e) {
                throw new IllegalStateException("a page load of " + scenario + " over " + mode
                        + " failed inside the driver", e.getCause());
            }
            if (outcome.failed()) {
                throw new IllegalStateException("a page load of " + scenario + " over " + mode + " failed: "
                        + firstFailure(outcome));
            }
            return outcome;
        }

        private static String firstFailure(PageLoad.Outcome outcome) {
            for (Exchange e : outcome.exchanges()) {
                if (e.failed()) {
                    return e.resource.path() + ": " + e.failure.id() + " (" + e.failureDetail + ")";
                }
            }
            return outcome.firstFailure().id();
        }

        /** Closes the browser (before the environment whose threads it runs on), and the origin last. */
        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            try {
                if (browsers != null) {
                    browsers.close();
                }
            } finally {
                if (origin != null) {
                    origin.close();
                }
            }
        }
    }

    /**
     * Requests completed, as JMH's OPERATIONS counter: in average-time mode it reports the
     * iteration's time divided by them, the time per request.
     */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Requests {
        public long request;
    }

    /**
     * This JVM's CPU time per request and the requests per page load, over each iteration. JMH
     * reads these after the trial's tear-down on the last iteration, so the figures are fixed at the
     * iteration's own tear-down, before the origin and the clients are closed.
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Cost {
        /** Microseconds of CPU, every thread of this JVM, per request. */
        public double cpuMicrosPerRequest;
        /** Requests of one page load. */
        public double requestsPerPageLoad;

        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        private double shareOfSum;
        private long cpuStartNanos;
        private long requests;
        private long pageLoads;

        @Setup(Level.Iteration)
        public void start(BenchmarkParams benchmark, IterationParams iteration) {
            shareOfSum = shareOfSum(benchmark, iteration);
            requests = 0;
            pageLoads = 0;
            cpuStartNanos = OS.getProcessCpuTime();
        }

        void add(int pageLoadRequests) {
            requests += pageLoadRequests;
            pageLoads++;
        }

        @TearDown(Level.Iteration)
        public void stop() {
            long cpuNanos = OS.getProcessCpuTime() - cpuStartNanos;
            if (requests > 0) {
                cpuMicrosPerRequest = cpuNanos / 1000.0 / requests * shareOfSum;
                requestsPerPageLoad = (double) requests / pageLoads * shareOfSum;
            }
        }
    }

    @Benchmark
    public PageLoad.Outcome pageLoad(Rig rig, Requests requests, Cost cost) throws InterruptedException {
        PageLoad.Outcome outcome = rig.load();
        int completed = outcome.exchanges().size();
        requests.request += completed;
        cost.add(completed);
        return outcome;
    }
}
