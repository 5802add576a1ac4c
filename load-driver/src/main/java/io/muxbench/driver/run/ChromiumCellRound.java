package io.muxbench.driver.run;

import io.muxbench.driver.chromium.ChromiumPageLoads;
import io.muxbench.driver.chromium.ChromiumPageLoad;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.origin.PageBodies;
import io.muxbench.driver.origin.OriginStats;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.mode.ChromiumSettings;
import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.transport.RequestTargets;
import io.muxbench.scenario.Scenario;
import io.muxbench.vocabulary.ErrorCause;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * A cell round by real Chromium, through the same link and origin as the driver's cells, recorded
 * the same way, with client {@code chromium}: only over the modes whose {@link Mode#chromium} says
 * how Chromium loads them.
 */
final class ChromiumCellRound extends CellRound {

    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(30);

    private final Path executable;
    private final RunConfig config;
    private final BooleanSupplier stopped;
    private final java.util.Set<String> warned = new java.util.HashSet<>();

    ChromiumCellRound(Path executable, RunConfig config, Origin origin, DriverMonitor monitor,
                      ProgressListener progress, BooleanSupplier stopped) {
        super(origin, monitor, progress);
        this.executable = executable;
        this.config = config;
        this.stopped = stopped;
    }

    /**
     * The modes a Chromium cell is made for, of those the run compares; none, with one warning, when
     * the scenario cannot be served as a page that makes a browser fetch the driver's tree.
     */
    List<Mode> modes(Scenario scenario) {
        PageBodies page = PageBodies.of(scenario);
        List<String> problems = page.problems();
        if (problems.isEmpty() && !page.hoisted().isEmpty() && warned.add(scenario.name())) {
            progress.message("note: " + scenario.name() + ": the browser finds " + page.hoisted().size()
                    + " resources in the document, as their parent cannot name them (a leaf, or too small for"
                    + " the markup), so earlier than the driver, which waits for the parent");
        }
        if (!problems.isEmpty()) {
            if (warned.add(scenario.name())) {
                progress.message("warning: no browser cells for " + scenario.name() + ": " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            }
            return List.of();
        }
        return config.modes().stream().filter(m -> m.chromium(config.tls()) != null).toList();
    }

    /**
     * Where Chromium loads the page: the front itself for a page on one host; for a page on several,
     * {@link PageBodies#MAIN_HOST}, the name the other hosts' resources use for the origin under test
     * (so that Chromium keeps one pool for it, as the driver's clients do).
     */
    static URI pageUri(Scenario scenario, URI front) {
        if (scenario.hosts().isEmpty()) {
            return RequestTargets.of(front, null, scenario.root().path());
        }
        return RequestTargets.of(front, PageBodies.MAIN_HOST, scenario.root().path());
    }

    /** Every host of a multi-host page, and the origin's name, mapped to the front; null for a page on one host. */
    static String hostResolverRules(Scenario scenario, URI front) {
        if (scenario.hosts().isEmpty()) {
            return null;
        }
        String to = " " + front.getHost() + ":" + front.getPort();
        java.util.Set<String> names = new java.util.TreeSet<>();
        names.add(PageBodies.MAIN_HOST);
        for (String host : scenario.hosts()) {
            names.add(host.replaceFirst(":[0-9]+$", ""));
        }
        return String.join(",", names.stream().map(name -> "MAP " + name + to).toList());
    }

    /**
     * The origins Chromium must reach over QUIC when {@code settings} say so: every host of the page
     * as its URLs name it, {@code host:port} (443 when a URL names no port); empty otherwise.
     */
    static List<String> quicOrigins(ChromiumSettings settings, Scenario scenario, URI front) {
        if (!settings.quic()) {
            return List.of();
        }
        if (scenario.hosts().isEmpty()) {
            return List.of(front.getHost() + ":" + front.getPort());
        }
        java.util.Set<String> origins = new java.util.TreeSet<>();
        origins.add(withPort(PageBodies.MAIN_HOST));
        for (String host : scenario.hosts()) {
            origins.add(withPort(host));
        }
        return List.copyOf(origins);
    }

    private static String withPort(String authority) {
        return authority.matches(".*:[0-9]+$") ? authority : authority + ":443";
    }

    @Override
    protected void pageLoads(CellRecorder recorder, Links.Front front, boolean first, int quota) {
        ChromiumSettings settings = recorder.cell.mode().chromium(config.tls());
        ChromiumPageLoads browser = new ChromiumPageLoads(executable, origin == null ? null : origin.certificate().spkiSha256(),
                hostResolverRules(recorder.scenario, front.uri()), settings.http2(),
                quicOrigins(settings, recorder.scenario, front.uri()), settings.nextHopProtocol(),
                recorder.cold(), LAUNCH_TIMEOUT, config.pageLoadTimeout(), config.client().tlsVersion());
        URI page = pageUri(recorder.scenario, front.uri());
        AtomicReference<ChromiumPageLoad> last = new AtomicReference<>();
        AtomicInteger recorded = new AtomicInteger();
        try {
            browser.runRound(page, quota, first ? 1 : 0, this::measuringStarts, load -> {
                recorder.record(load);
                recorded.incrementAndGet();
                last.set(load);
            }, progress::pageLoadDone, stopped);
        } catch (IOException e) {
            // The page loads this round could not make are failures, counted as such, not lost.
            recorder.recordFailedPageLoads(ErrorCause.BROWSER_FAILED, Math.max(1, stopped.getAsBoolean() ? 0 : quota - recorded.get()));
            progress.message("warning: " + recorder.id + ": Chromium failed: " + e.getMessage());
        }
        ChromiumPageLoad seen = last.get();
        if (seen != null) {
            String tls = seen.tlsProtocol() == null ? null : seen.tlsProtocol().replace("TLS ", "TLSv");
            recorder.negotiated(new BrowserClient.Negotiated(tls, seen.cipher(),
                    config.tls() ? settings.nextHopProtocol() : null,
                    settings.maxInFlightPerConnection(origin == null ? 0 : origin.maxConcurrentStreams()),
                    settings.connectionsPerOrigin()), null, null);
        }
    }

    @Override
    protected void checkOrigin(CellRecorder recorder, OriginStats stats) {
        String expected = recorder.cell.mode().chromium(config.tls()).originProtocol();
        if (stats.connections().stream().anyMatch(c -> !expected.equals(c.protocol()))) {
            recorder.recordError(ErrorCause.PROTOCOL_MISMATCH);
            progress.message("warning: " + recorder.id + ": the origin saw " + stats.connections().stream()
                    .map(OriginStats.ConnectionStats::protocol).distinct().toList() + ", not " + expected);
        }
    }
}
