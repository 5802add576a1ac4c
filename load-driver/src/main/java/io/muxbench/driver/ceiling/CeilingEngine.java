package io.muxbench.driver.ceiling;

import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.run.Browsers;
import io.muxbench.driver.run.SaturatingLoad;
import io.muxbench.driver.run.SteadyState;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.ClientEnvironment;
import io.muxbench.driver.transport.RequestTargets;
import io.muxbench.results.Ceiling;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures each mode's ceiling: closed load with no think time on warm connections, warmed up until
 * the CPU per request (driver and origin) stops falling, then a measured window; then h2load on the
 * same target with the same connections and streams.
 *
 * <pre>{@code
 * Ceiling ceiling = new CeilingEngine(config, scenario, System.err::println).measure();
 * }</pre>
 */
public final class CeilingEngine {

    /** Warm-up ends when the last 3 windows are no more than 5 % cheaper than the best before them. */
    private static final int STEADY_WINDOWS = 3;
    private static final double STEADY_TOLERANCE = 0.05;

    private final CeilingConfig config;
    private final Scenario scenario;
    private final Consumer<String> progress;
    private final int requestsPerPageLoad;

    public CeilingEngine(CeilingConfig config, Scenario scenario, Consumer<String> progress) {
        this.config = config;
        this.scenario = scenario;
        this.progress = progress;
        this.requestsPerPageLoad = scenario.root().count();
    }

    /**
     * Measures every mode in turn.
     *
     * @throws CeilingException when the origin cannot start or a mode cannot load the page at all
     */
    public Ceiling measure() throws CeilingException, InterruptedException {
        if (!scenario.hosts().isEmpty()) {
            throw new CeilingException(scenario.name() + " has resources on other hosts; the ceiling loads one origin");
        }
        OriginProcess embedded = null;
        try {
            URI base;
            Long serverPid;
            if (config.target() == null) {
                progress.accept("starting the embedded origin (muxbench serve, a child process)");
                embedded = startOrigin();
                base = config.tls() ? embedded.tlsUri() : embedded.cleartextUri();
                serverPid = embedded.pid();
            } else {
                base = config.target();
                serverPid = config.serverPid();
            }
            if (serverPid != null && ProcessCpu.nanos(serverPid) < 0) {
                throw new CeilingException("cannot read the CPU time of process " + serverPid + " from /proc");
            }
            List<Ceiling.ModeCeiling> rows = new ArrayList<>();
            for (Mode mode : config.modes()) {
                rows.add(new ModeMeasurement(mode, base, serverPid).run());
            }
            String cpuFrom = config.target() == null ? "muxbench serve as a child process, /proc/<pid>/stat"
                    : serverPid != null ? "/proc/" + serverPid + "/stat (--server-pid)" : "not measured (no --server-pid)";
            return new Ceiling(base.toString(), config.target() == null ? "embedded" : "target", cpuFrom,
                    scenario.name(), requestsPerPageLoad, Runtime.getRuntime().availableProcessors(),
                    config.duration().toMillis() / 1000.0, config.h2load() == null ? null : config.h2load().toString(),
                    rows);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** h2load on PATH, or null. */
    public static java.nio.file.Path h2loadOnPath() {
        return H2load.find();
    }

    private OriginProcess startOrigin() throws CeilingException, InterruptedException {
        try {
            return OriginProcess.start(List.of("--scenario", config.scenarioSource(), "--max-streams",
                    Integer.toString(config.maxStreams()), "--key", config.keyType().name()), Duration.ofSeconds(60));
        } catch (java.io.IOException e) {
            throw new CeilingException("cannot start the embedded origin: " + e.getMessage());
        }
    }

    /** The page's URLs on the target, every resource once, for h2load. */
    List<String> urls(URI base) {
        List<String> urls = new ArrayList<>();
        collect(scenario.root(), base, urls);
        return urls;
    }

    private static void collect(Resource resource, URI base, List<String> urls) {
        urls.add(RequestTargets.of(base, resource.host(), resource.path()).toString());
        for (Resource child : resource.children()) {
            collect(child, base, urls);
        }
    }

    /** One mode: its browsers, warm-up, measured window, heap, then h2load. */
    private final class ModeMeasurement {
        private final Mode mode;
        private final URI base;
        private final Long serverPid;

        ModeMeasurement(Mode mode, URI base, Long serverPid) {
            this.mode = mode;
            this.base = base;
            this.serverPid = serverPid;
        }

        Ceiling.ModeCeiling run() throws CeilingException, InterruptedException {
            ClientEnvironment.Options options = new ClientEnvironment.Options(base, null,
                    config.target() == null || config.insecure(), null, null, null, config.h1Connections(),
                    config.pipelineConnections(), config.pipelineDepth());
            Window measured;
            Warmup warmup;
            long heapAtStartBytes;
            long heapBytes;
            BrowserClient.Negotiated negotiated;
            try (Browsers browsers = Browsers.open(options, mode, config.browsers(), scenario.requestHeaders())) {
                SaturatingLoad load = new SaturatingLoad(browsers.list(), scenario, config.pageLoadTimeout());
                try {
                    preflight(load, browsers.list().get(0));
                    load.start();
                    warmup = warmUp(load);
                    heapAtStartBytes = liveHeapBytes();
                    measured = window(load, config.duration(), true);
                    heapBytes = liveHeapBytes();
                } finally {
                    load.close();
                }
                negotiated = browsers.list().get(0).negotiated();
            } catch (CeilingException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new CeilingException(mode.id() + " failed inside the harness: " + e);
            }
            if (measured.counts.requests() == 0) {
                throw new CeilingException("no page load completed over " + mode.id() + " within the page-load timeout, "
                        + config.pageLoadTimeout().toSeconds() + " s");
            }
            int perBrowser = negotiated.connectionsPerOrigin();
            int streams = negotiated.maxInFlightPerConnection();
            int connections = perBrowser * config.browsers();
            double seconds = measured.nanos / 1e9;
            Ceiling.H2loadFigures h2load = config.h2load() == null ? null : h2load(connections, streams);
            return new Ceiling.ModeCeiling(mode.id(), config.browsers(), connections, streams,
                    measured.counts.pageLoads() / seconds, measured.counts.requests() / seconds,
                    micros(measured.driverCpuNanos, measured.counts.requests()),
                    measured.serverCpuNanos < 0 ? null : micros(measured.serverCpuNanos, measured.counts.requests()),
                    measured.counts.failedPageLoads(), heapBytes, warmup.seconds, warmup.steady, h2load,
                    heapAtStartBytes);
        }

        private void preflight(SaturatingLoad load, BrowserClient browser) throws CeilingException, InterruptedException {
            load.pageLoad(browser);
            if (load.counts().failedPageLoads() > 0) {
                throw new CeilingException("cannot load " + base + " over " + mode.id() + ": " + load.firstFailure());
            }
        }

        private Warmup warmUp(SaturatingLoad load) throws InterruptedException {
            SteadyState steady = new SteadyState(STEADY_WINDOWS, STEADY_TOLERANCE);
            long start = System.nanoTime();
            long budget = config.warmupBudget().toNanos();
            boolean done = false;
            while (!done && System.nanoTime() - start < budget) {
                Window w = window(load, config.warmupWindow(), false);
                double cost = w.counts.requests() == 0 ? Double.NaN
                        : (double) (w.driverCpuNanos + Math.max(0, w.serverCpuNanos)) / w.counts.requests();
                done = steady.add(cost);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.accept(String.format("%s: warmed up in %.1f s (%d windows)%s", mode.id(), seconds, steady.windows(),
                    done ? "" : ", not steady within the budget"));
            return new Warmup(seconds, done);
        }

        /**
         * Lets the load run for {@code length}, and on until as many page loads as browsers completed
         * when {@code atLeastOnePerBrowser}, and says what it did meanwhile.
         */
        private Window window(SaturatingLoad load, Duration length, boolean atLeastOnePerBrowser)
                throws InterruptedException {
            SaturatingLoad.Counts before = load.counts();
            long driverBefore = ProcessCpu.ownNanos();
            long serverBefore = serverPid == null ? -1 : ProcessCpu.nanos(serverPid);
            long start = System.nanoTime();
            Thread.sleep(length.toMillis()); // the load runs on its own threads; this thread only keeps time
            if (atLeastOnePerBrowser) {
                // A window shorter than a page load would count nothing: it lasts until every browser
                // could have finished one, bounded by the page-load timeout.
                load.awaitPageLoads(before.pageLoads() + config.browsers(),
                        System.nanoTime() + config.pageLoadTimeout().toNanos());
            }
            long nanos = System.nanoTime() - start;
            long serverAfter = serverPid == null ? -1 : ProcessCpu.nanos(serverPid);
            long driverAfter = ProcessCpu.ownNanos();
            SaturatingLoad.Counts counts = load.counts().minus(before);
            return new Window(nanos, counts, driverAfter - driverBefore,
                    serverBefore < 0 || serverAfter < 0 ? -1 : serverAfter - serverBefore);
        }

        private Ceiling.H2loadFigures h2load(int connections, int streams) throws CeilingException, InterruptedException {
            boolean http1 = !io.muxbench.driver.transport.Alpn.H2.equals(mode.alpn());
            List<String> args = H2load.arguments(config.h2load(), http1, connections, streams, config.duration(),
                    urls(base));
            progress.accept(mode.id() + ": h2load -c " + connections + " -m " + streams + (http1 ? " --h1" : ""));
            long serverBefore = serverPid == null ? -1 : ProcessCpu.nanos(serverPid);
            long clientBefore = ProcessCpu.reapedChildrenNanos();
            H2load.Report report;
            try {
                report = H2load.parse(H2load.run(args, config.duration().plusSeconds(60)));
            } catch (java.io.IOException | IllegalArgumentException e) {
                throw new CeilingException("h2load over " + mode.id() + ": " + e.getMessage());
            }
            long clientAfter = ProcessCpu.reapedChildrenNanos();
            long serverAfter = serverPid == null ? -1 : ProcessCpu.nanos(serverPid);
            long requests = report.done();
            return new Ceiling.H2loadFigures(connections, streams, report.requestsPerSecond(),
                    clientBefore < 0 ? null : micros(clientAfter - clientBefore, requests),
                    serverBefore < 0 ? null : micros(serverAfter - serverBefore, requests), report.failed());
        }
    }

    /**
     * The live heap under load (connections, page loads in flight, what the run keeps): used heap
     * right after a full GC. Read at both ends of the measured window, it shows whether the heap
     * grows with the requests made.
     */
    private static long liveHeapBytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double micros(long nanos, long requests) {
        return requests == 0 ? Double.NaN : nanos / 1000.0 / requests;
    }

    /** What the load did in one window; CPU -1 when not read. */
    private record Window(long nanos, SaturatingLoad.Counts counts, long driverCpuNanos, long serverCpuNanos) {
    }

    private record Warmup(double seconds, boolean steady) {
    }
}
