package io.muxbench.driver.run;

import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.ClientEnvironment;
import java.io.IOException;
import java.util.List;

/**
 * A cell round by the driver's virtual browsers: each round makes them afresh, over the cell's mode,
 * warms them up and runs the load loop.
 */
final class DriverCellRound extends CellRound {

    private final RunConfig config;
    private final RunPlan plan;
    private final DriverMonitor monitor;
    private final StopSignal stop;

    DriverCellRound(RunConfig config, RunPlan plan, Origin origin, DriverMonitor monitor, ProgressListener progress,
                    StopSignal stop) {
        super(origin, monitor, progress);
        this.config = config;
        this.plan = plan;
        this.monitor = monitor;
        this.stop = stop;
    }

    @Override
    protected void pageLoads(CellRecorder recorder, Links.Front front, boolean first, int quota)
            throws IOException, InterruptedException {
        if (origin == null && !recorder.scenario.hosts().isEmpty()) {
            throw new IllegalArgumentException(recorder.scenario.name()
                    + " has resources on other hosts: only the embedded origin serves them");
        }
        ClientEnvironment.Options options = config.client().options(front.uri(),
                origin == null ? null : origin.certificate().trustStore(), front.rtt());
        // Every host of the page is served on the origin's ports, and reached through the same link:
        // each browser's client sends every host's requests to the front, naming the host in them.
        try (Browsers browsers = Browsers.open(options, recorder.cell.mode(), config.shardBrowsers(),
                recorder.scenario.requestHeaders())) {
            runBrowsers(recorder, browsers.list(), first, quota);
        } catch (InterruptedException | IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cell " + recorder.id + " failed inside the harness: " + e, e);
        }
    }

    private void runBrowsers(CellRecorder recorder, List<BrowserClient> browsers, boolean first, int quota)
            throws InterruptedException {
        LoadLoop loop = new LoadLoop(recorder, browsers, config.shardLoad(), config.pageLoadTimeout(), monitor, progress, stop);
        if (first && plan.warmupPerBrowser() > 0) {
            loop.warmUp(plan.warmupPerBrowser());
        }
        if (!recorder.cold()) {
            loop.warmUp(1); // opens the warm browsers' connections before measuring
        }
        measuringStarts();
        loop.run(quota);
        recorder.negotiated(browsers.get(0).negotiated(), browsers.get(0).http2Windows(), browsers.get(0).quicSettings());
    }
}
