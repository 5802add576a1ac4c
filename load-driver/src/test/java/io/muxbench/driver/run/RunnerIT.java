package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.muxbench.driver.TestScenarios;
import io.muxbench.driver.origin.Fault;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.mode.Mode;
import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.PageLoadSample;
import io.muxbench.results.ResultsFormat;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.vocabulary.Reuse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs against the embedded origin: the run folder's contents, open-load correction, failures by cause. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RunnerIT {

    @TempDir
    Path runDir;

    /** ECDSA: its handshakes are cheaper than RSA's, which matters for cold page loads on a busy CI machine. */
    private static RunConfig config(List<Mode> modes, List<Reuse> reuse, boolean tls, double rate, int pageLoads,
                                    int warmup, int rounds, int samples) {
        return config(modes, reuse, tls, rate, pageLoads, warmup, rounds, samples, Duration.ofSeconds(30));
    }

    private static RunConfig config(List<Mode> modes, List<Reuse> reuse, boolean tls, double rate, int pageLoads,
                                    int warmup, int rounds, int samples, Duration pageLoadTimeout) {
        return RunConfig.builder().warmupBudget(Duration.ZERO).scenarios(List.of("test")).modes(modes).links(List.of("none")).reuse(reuse)
                .tls(tls).browsers(1).ratePerSecond(rate).pageLoads(pageLoads)
                .warmupPageLoads(warmup).rounds(rounds).samplesPerCell(samples)
                .pageLoadTimeout(pageLoadTimeout).keyType(KeyType.ECDSA)
                .build();
    }

    @Test
    void writesTheRunFolderWithEveryDocumentedField() throws Exception {
        // Every mode that can run over TLS here: h3 too where QUIC's native library loads.
        List<Mode> modes = Mode.runnable(true);
        RunConfig config = config(modes, List.of(Reuse.COLD, Reuse.WARM), true, 0, 6, 1, 2, 2);
        // 31 resources: enough for six h1 connections, small enough for 4 cells x 2 rounds to stay quick.
        Scenario page = TestScenarios.flat("grid", 30, 3_000, 0);
        Runner.Outcome outcome = new Runner(config, List.of(page), runDir, ProgressListener.NONE).run();

        assertTrue(Files.isRegularFile(runDir.resolve(ResultsFormat.RUN_FILE)));
        assertTrue(Files.isRegularFile(runDir.resolve(ResultsFormat.RESULTS_FILE)));
        ResultsFormat.RunFolder folder = ResultsFormat.readRun(runDir);
        assertNotNull(folder.run());
        assertTrue(folder.run().complete());
        assertTrue(folder.results().complete());
        assertEquals(outcome.results(), folder.results());
        List<CellResult> cells = folder.results().cells();
        assertEquals(2 * modes.size(), cells.size());

        JsonNode json = ResultsFormat.MAPPER.readTree(runDir.resolve(ResultsFormat.RESULTS_FILE).toFile());
        for (JsonNode cell : json.get("cells")) {
            for (String field : new String[]{"/scenario", "/mode", "/link", "/reuse", "/tls", "/pageLoads/count",
                    "/pageLoads/failed", "/pageLoads/p50Ms", "/pageLoads/p90Ms", "/pageLoads/p99Ms", "/pageLoads/maxMs",
                    "/requests/count", "/requests/failed", "/requests/p50Ms", "/requests/p99Ms", "/connectionsPerPageLoad",
                    "/bytes/sentPerPageLoad", "/bytes/receivedPerPageLoad", "/errors",
                    "/server/connectionsAccepted", "/server/maxInFlightPerConnection"}) {
                assertFalse(cell.at(field).isMissingNode(), "results.json cell lacks " + field + ": " + cell.get("id"));
            }
        }

        for (CellResult cell : cells) {
            String id = cell.id();
            assertEquals("grid", cell.scenario());
            assertEquals("none", cell.link());
            assertTrue(cell.tls());
            assertEquals(6, cell.pageLoads().count(), id);
            assertEquals(0, cell.pageLoads().failed(), id + " " + cell.errors());
            assertEquals(6 * 31, cell.requests().count(), id);
            assertTrue(cell.pageLoads().p50Ms() > 0 && cell.pageLoads().p50Ms() <= cell.pageLoads().p99Ms(), id);
            assertTrue(cell.bytes().receivedPerPageLoad() >= 2_000 + 30 * 3_000, id + " " + cell.bytes());
            assertTrue(cell.bytes().sentPerPageLoad() > 0, id);
            assertEquals(Map.of(), cell.errors(), id);
            Map<String, Histogram> logs = HistogramLogs.readTotals(runDir.resolve(cell.histogramLog()));
            assertEquals(cell.pageLoads().count() - cell.pageLoads().failed(),
                    logs.get(HistogramLogs.PAGE_LOAD).getTotalCount(), id);
            assertEquals(cell.requests().count() - cell.requests().failed(),
                    logs.get(HistogramLogs.REQUEST).getTotalCount(), id);
            if (cell.reuse() == Reuse.COLD) {
                assertTrue(cell.connectionsPerPageLoad() > 0, id);
            } else {
                assertEquals(0, cell.connectionsPerPageLoad(), id);
            }
            if (cell.mode().equals("h1")) {
                assertEquals(1, cell.server().maxInFlightPerConnection(), id);
            } else {
                // h2 and h1-pipelined: one connection per page load when cold, none when warm.
                assertEquals(cell.reuse() == Reuse.COLD ? 6 : 0, cell.server().connectionsAccepted(), id);
            }
            if (cell.mode().equals("h3")) {
                assertEquals("cubic", cell.settings().quic().congestionControl(), id);
                assertEquals(10, cell.settings().quic().initialWindowPackets(), id);
                assertEquals("h3", cell.settings().alpn(), id);
            } else {
                assertNull(cell.settings().quic(), id);
            }
            assertFalse(cell.samples().isEmpty(), id);
            for (PageLoadSample sample : cell.samples()) {
                assertEquals(31, sample.requests().size(), id);
                sample.requests().forEach(r -> assertTrue(r.connectionId() > 0, id + " " + r.path()));
            }
        }
    }

    @Test
    void openLoadCountsAServerStallThatTheUncorrectedFigureHides() throws Exception {
        long stallMillis = 800;
        Scenario page = TestScenarios.flat("stall", 3, 1_000, 0);
        RunConfig config = config(List.of(BuiltInMode.H1), List.of(Reuse.WARM), false, 20, 40, 0, 1, 0);
        AtomicReference<Origin> origin = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        Runner runner = new Runner(config, List.of(page), runDir, new ProgressListener() {
            @Override
            public void pageLoadDone() {
                if (done.incrementAndGet() == 10) {
                    origin.get().stall(Duration.ofMillis(stallMillis)); // page loads are under way
                }
            }
        });
        runner.onOriginStarted(origin::set);
        CellResult cell = runner.run().results().cells().get(0);
        assertEquals(40, cell.pageLoads().count());
        assertEquals(0, cell.pageLoads().failed(), cell.errors().toString());

        Map<String, Histogram> logs = HistogramLogs.readTotals(runDir.resolve(cell.histogramLog()));
        Histogram corrected = logs.get(HistogramLogs.PAGE_LOAD);
        Histogram uncorrected = logs.get(HistogramLogs.PAGE_LOAD_UNCORRECTED);
        assertEquals(40, corrected.getTotalCount());
        assertEquals(40, uncorrected.getTotalCount());
        long halfStallMicros = stallMillis * 1000 / 2;
        long slowCorrected = corrected.getCountBetweenValues(halfStallMicros, HistogramLogs.HIGHEST_MICROS);
        long slowUncorrected = uncorrected.getCountBetweenValues(halfStallMicros, HistogramLogs.HIGHEST_MICROS);
        String figures = "corrected p90 " + corrected.getValueAtPercentile(90) + " us, " + slowCorrected
                + " >= stall/2; uncorrected p90 " + uncorrected.getValueAtPercentile(90) + " us, " + slowUncorrected
                + " >= stall/2";
        System.out.println("stall: " + figures);
        assertTrue(slowUncorrected >= 1, "the stalled page load itself is slow: " + figures);
        assertTrue(corrected.getValueAtPercentile(90) > 2 * uncorrected.getValueAtPercentile(90), figures);
        assertTrue(slowCorrected >= 3 * slowUncorrected, figures);
        assertNotNull(cell.pageLoads().uncorrected());
        assertTrue(cell.pageLoads().p90Ms() > 2 * cell.pageLoads().uncorrected().p90Ms(), figures);
    }

    @Test
    void countsInjectedFaultsByCauseAndCompletesTheRun() throws Exception {
        Resource root = new Resource("/", 200, "text/html; charset=utf-8", 2_000, Map.of(), 0, List.of(
                Resource.leaf("/ok-0.bin", "application/octet-stream", 1_000),
                Resource.leaf("/ok-1.bin", "application/octet-stream", 1_000),
                Resource.leaf("/reset.bin", "application/octet-stream", 400_000),
                Resource.leaf("/fail.txt", "text/plain", 100)), null);
        Scenario page = new Scenario(Scenario.SCHEMA_VERSION, "faults", "built in a test", null, root);
        RunConfig config = config(List.of(BuiltInMode.H1, BuiltInMode.H2), List.of(Reuse.COLD), false, 0, 8, 0, 1, 8);
        AtomicReference<Origin> origin = new AtomicReference<>();
        AtomicInteger done = new AtomicInteger();
        // Faults on for the first 4 page loads of each cell: one browser under closed load makes its page
        // loads one after another, and is told of each before it starts the next.
        Runner runner = new Runner(config, List.of(page), runDir, new ProgressListener() {
            @Override
            public void cell(String description) {
                done.set(0);
                origin.get().fault("/reset.bin", Fault.RESET_MID_RESPONSE);
                origin.get().fault("/fail.txt", Fault.STATUS_500);
            }

            @Override
            public void pageLoadDone() {
                if (done.incrementAndGet() == 4) {
                    origin.get().fault("/reset.bin", null);
                    origin.get().fault("/fail.txt", null);
                }
            }
        });
        runner.onOriginStarted(origin::set);
        Runner.Outcome outcome = runner.run();
        assertTrue(outcome.results().complete());
        assertEquals(2, outcome.results().cells().size());
        for (CellResult cell : outcome.results().cells()) {
            String id = cell.id() + " " + cell.errors() + "; failed page loads: " + cell.samples().stream()
                    .filter(PageLoadSample::failed).map(PageLoadSample::requests).toList();
            assertEquals(8, cell.pageLoads().count(), id);
            assertEquals(4, cell.pageLoads().failed(), id);
            assertEquals(4L, cell.errors().get("status-5xx"), id);
            long resets = cell.errors().getOrDefault("reset", 0L) + cell.errors().getOrDefault("goaway", 0L);
            assertEquals(4, resets, id);
            assertEquals(8, cell.requests().failed(), id);
            Map<String, Histogram> logs = HistogramLogs.readTotals(runDir.resolve(cell.histogramLog()));
            assertEquals(cell.pageLoads().count() - cell.pageLoads().failed(),
                    logs.get(HistogramLogs.PAGE_LOAD).getTotalCount(), id + ": failed page loads are never recorded");
            long failedSamples = cell.samples().stream().filter(PageLoadSample::failed).count();
            assertEquals(4, failedSamples, id);
        }
    }

    @Test
    void aTimedOutPageLoadShowsWhichRequestsWereUnanswered() throws Exception {
        // The server thinks for a minute about one image; the page load gives up after half a second.
        Resource root = new Resource("/", 200, "text/html; charset=utf-8", 2_000, Map.of(), 0, List.of(
                Resource.leaf("/fast.png", "image/png", 1_000),
                new Resource("/stuck.png", 200, "image/png", 1_000, Map.of(), 60_000, List.of(), null)), null);
        Scenario page = new Scenario(Scenario.SCHEMA_VERSION, "stuck", "built in a test", null, root);
        RunConfig config = config(List.of(BuiltInMode.H2), List.of(Reuse.WARM), false, 0, 2, 0, 1, 2, Duration.ofMillis(500));
        Runner.Outcome outcome = new Runner(config, List.of(page), runDir, ProgressListener.NONE).run();

        CellResult cell = outcome.results().cells().get(0);
        String id = cell.id() + " " + cell.errors() + " " + cell.samples();
        assertEquals(2, cell.pageLoads().count(), id);
        assertEquals(2, cell.pageLoads().failed(), id);
        assertEquals(Map.of("timeout-page-load", 2L), cell.errors(), id);
        assertEquals(2, cell.requests().failed(), id);
        assertEquals(2, cell.samples().size(), id);
        for (PageLoadSample sample : cell.samples()) {
            assertTrue(sample.failed(), id);
            Map<String, String> errorByPath = new java.util.TreeMap<>();
            sample.requests().forEach(r -> errorByPath.put(r.path(), String.valueOf(r.error())));
            assertEquals(Map.of("/", "null", "/fast.png", "null", "/stuck.png", "timeout-page-load"), errorByPath, id);
            PageLoadSample.RequestRecord stuck = sample.requests().stream().filter(r -> r.path().equals("/stuck.png"))
                    .findFirst().orElseThrow();
            assertEquals("no response within the page-load timeout", stuck.errorDetail(), id);
        }
    }

    @Test
    void aPageOnTwoHostsHasAPoolOfConnectionsPerHost() throws Exception {
        // The same paths on both hosts, with other sizes: each request must reach its own host.
        List<Resource> images = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            images.add(Resource.leaf("/img-" + i + ".png", "image/png", 1_000));
            images.add(new Resource("/img-" + i + ".png", 200, "image/png", 3_000, Map.of(), 0, List.of(), "cdn.example"));
        }
        Resource root = new Resource("/", 200, "text/html; charset=utf-8", 2_000, Map.of(), 0, images, null);
        Scenario page = new Scenario(Scenario.SCHEMA_VERSION, "two-hosts", "built in a test", null, root);
        RunConfig config = RunConfig.builder().warmupBudget(Duration.ZERO).scenarios(List.of("test"))
                .modes(List.of(BuiltInMode.H1, BuiltInMode.H2, BuiltInMode.H1_PIPELINED))
                .links(List.of("lan")).reuse(List.of(Reuse.COLD)).tls(true).browsers(1)
                .pageLoads(3).warmupPageLoads(0).rounds(1).samplesPerCell(3)
                .pageLoadTimeout(Duration.ofSeconds(30)).keyType(KeyType.ECDSA)
                .build();
        Runner.Outcome outcome = new Runner(config, List.of(page), runDir, ProgressListener.NONE).run();

        for (CellResult cell : outcome.results().cells()) {
            String id = cell.id() + " " + cell.errors() + " server " + cell.server();
            assertEquals(0, cell.pageLoads().failed(), id);
            long bodies = 2_000 + 20 * 1_000 + 20 * 3_000;
            assertEquals(bodies, cell.bytes().bodyReceivedPerPageLoad(), id);
            double perLoad = cell.connectionsPerPageLoad();
            switch (cell.mode()) {
                case "h2", "h1-pipelined" -> assertEquals(2.0, perLoad, 0.001, "one connection per host: " + id);
                default -> assertTrue(perLoad > 6 && perLoad <= 12, "up to 6 connections per host: " + id);
            }
            for (PageLoadSample sample : cell.samples()) {
                Map<Long, java.util.Set<Boolean>> hostsByConnection = new java.util.HashMap<>();
                for (PageLoadSample.RequestRecord r : sample.requests()) {
                    hostsByConnection.computeIfAbsent(r.connectionId(), c -> new java.util.HashSet<>())
                            .add(r.path().startsWith("//cdn.example/"));
                }
                assertEquals(41, sample.requests().size(), id);
                hostsByConnection.forEach((connection, hosts) ->
                        assertEquals(1, hosts.size(), id + ": connection " + connection + " carried both hosts"));
            }
        }
    }

    @Test
    void aPageOnAHundredHostsIsServedOnOnePairOfPortsWithAPoolPerHost() throws Exception {
        int hosts = 100;
        List<Resource> images = new java.util.ArrayList<>();
        Map<String, Long> sizeByPath = new java.util.HashMap<>();
        for (int h = 0; h < hosts; h++) {
            String host = "h" + h + ".example";
            for (int i = 0; i < 2; i++) {
                long size = 1_000 + 10L * h + i; // distinct per host and path: a request that reached another host shows
                images.add(new Resource("/img-" + i + ".png", 200, "image/png", size, Map.of(), 0, List.of(), host));
                sizeByPath.put("//" + host + "/img-" + i + ".png", size);
            }
        }
        Resource root = new Resource("/", 200, "text/html; charset=utf-8", 2_000, Map.of(), 0, images, null);
        Scenario page = new Scenario(Scenario.SCHEMA_VERSION, "hundred-hosts", "built in a test", null, root);
        RunConfig config = RunConfig.builder().warmupBudget(Duration.ZERO).scenarios(List.of("test"))
                .modes(List.of(BuiltInMode.H1, BuiltInMode.H2, BuiltInMode.H1_PIPELINED))
                .links(List.of("lan")).reuse(List.of(Reuse.COLD)).tls(true).browsers(1)
                .pageLoads(2).warmupPageLoads(0).rounds(1).samplesPerCell(2)
                .pageLoadTimeout(Duration.ofSeconds(60)).keyType(KeyType.ECDSA)
                .build();
        Runner.Outcome outcome = new Runner(config, List.of(page), runDir, ProgressListener.NONE).run();

        for (CellResult cell : outcome.results().cells()) {
            String id = cell.id() + " " + cell.errors();
            assertEquals(0, cell.pageLoads().failed(), id);
            double perLoad = cell.connectionsPerPageLoad();
            switch (cell.mode()) {
                case "h2", "h1-pipelined" -> assertEquals(hosts + 1, perLoad, 0.001, "one connection per host: " + id);
                // A pool per host: at least one connection each, at most the pool's six. Usually it is
                // one or two (two requests per host), but CI once counted more than two, unexplained.
                default -> assertTrue(perLoad >= hosts + 1 && perLoad <= 6 * hosts + 1,
                        "at least one and at most six connections per host, got " + perLoad + " per page load: " + id);
            }
            for (PageLoadSample sample : cell.samples()) {
                assertEquals(2 * hosts + 1, sample.requests().size(), id);
                Map<Long, String> hostByConnection = new java.util.HashMap<>();
                for (PageLoadSample.RequestRecord r : sample.requests()) {
                    if (!r.path().equals("/")) {
                        assertEquals(sizeByPath.get(r.path()), r.bytesReceived(), id + " " + r.path());
                    }
                    String host = r.path().startsWith("//") ? r.path().substring(2, r.path().indexOf('/', 2)) : "";
                    String other = hostByConnection.putIfAbsent(r.connectionId(), host);
                    assertTrue(other == null || other.equals(host), id + ": connection " + r.connectionId() + " carried " + other + " and " + host);
                }
            }
        }
    }
}
