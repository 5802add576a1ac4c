package io.muxbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.PageLoadSample;
import io.muxbench.results.PageLoadSample.RequestRecord;
import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes the committed report fixture, {@code src/test/resources/fixture-run}: two scenarios (one
 * named like an injection attack), three modes, two links, cold and warm, with waterfall samples
 * simulated crudely from the link's round trip and bandwidth, errors, a cell with no successful
 * page load, one without samples and one without server counters. Run it by hand when the results
 * format changes:
 * {@code java -cp <test classpath> io.muxbench.report.FixtureGenerator report-generator/src/test/resources/fixture-run}
 */
public final class FixtureGenerator {

    static final String EVIL = "<script>alert(1)</script>";
    private static final String[] MODES = {"h1", "h1-pipelined", "h2"};

    /** A link: round trip and downstream bandwidth. */
    private record Link(String name, long rttUs, double bytesPerUs) {
    }

    private static final Link[] LINKS = {new Link("cable", 20_000, 5.0), new Link("3g", 150_000, 0.2)};

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "report-generator/src/test/resources/fixture-run");
        Files.createDirectories(dir.resolve(HistogramLogs.FOLDER));
        List<CellResult> cells = new ArrayList<>();
        Random random = new Random(42);
        for (String scenario : new String[] {"home", EVIL}) {
            for (Link link : LINKS) {
                if (scenario.equals(EVIL) && link.name().equals("3g")) {
                    continue; // a scenario that ran on one link only
                }
                for (String reuse : new String[] {"cold", "warm"}) {
                    for (String mode : MODES) {
                        cells.add(cell(dir, scenario, mode, link, reuse, random));
                    }
                }
            }
        }
        ResultsFormat.writeResults(dir, new Results(ResultsFormat.SCHEMA_VERSION, "fixture-run", true, cells));
        ResultsFormat.writeRun(dir, runInfo());
        Files.writeString(dir.resolve(ResultsFormat.JMH_FILE), JMH);
    }

    private static CellResult cell(Path dir, String scenario, String mode, Link link, String reuse, Random random)
            throws IOException {
        boolean evil = scenario.equals(EVIL);
        String id = (evil ? "evil" : scenario) + "-" + mode + "-" + link.name() + "-" + reuse;
        boolean allFailed = evil && mode.equals("h1-pipelined") && reuse.equals("warm");
        int[] sizes = evil ? new int[] {12_000, 30_000, 2_000, 8_000} : new int[] {40_000, 25_000, 90_000, 15_000,
                60_000, 5_000, 30_000, 120_000, 8_000, 45_000, 20_000, 10_000};
        PageLoadSample typical = simulate(mode, link, reuse.equals("cold"), sizes, evil);
        Histogram plt = HistogramLogs.newHistogram();
        Histogram requests = HistogramLogs.newHistogram();
        Path hlog = dir.resolve(HistogramLogs.FOLDER).resolve(id + ".hlog");
        try (PrintStream out = new PrintStream(Files.newOutputStream(hlog))) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputLogFormatVersion();
            writer.outputStartTime(1_795_000_000_000L);
            writer.outputLegend();
            for (int interval = 0; interval < 3; interval++) {
                Histogram pltInterval = HistogramLogs.newHistogram();
                Histogram requestInterval = HistogramLogs.newHistogram();
                pltInterval.setStartTimeStamp(1_795_000_000_000L + interval * 1000L);
                pltInterval.setEndTimeStamp(1_795_000_001_000L + interval * 1000L);
                requestInterval.setStartTimeStamp(pltInterval.getStartTimeStamp());
                requestInterval.setEndTimeStamp(pltInterval.getEndTimeStamp());
                for (int i = 0; i < (allFailed ? 0 : 100); i++) {
                    double noise = Math.exp(random.nextGaussian() * 0.12 + (random.nextDouble() < 0.03 ? 0.8 : 0));
                    pltInterval.recordValue((long) (typical.pageLoadMs() * 1000 * noise));
                    for (RequestRecord r : typical.requests()) {
                        requestInterval.recordValue(Math.max(1, (long) ((r.lastByteUs() - r.sentUs()) * noise)));
                    }
                }
                pltInterval.setTag(HistogramLogs.PAGE_LOAD);
                requestInterval.setTag(HistogramLogs.REQUEST);
                writer.outputIntervalHistogram(pltInterval);
                writer.outputIntervalHistogram(requestInterval);
                plt.add(pltInterval);
                requests.add(requestInterval);
            }
        }
        long loads = plt.getTotalCount();
        Map<String, Long> errors = new LinkedHashMap<>();
        long failed = 0;
        if (allFailed) {
            errors.put("connection reset by peer <after 0 bytes>", 12L);
            errors.put("timeout: no response in 30 s & gave up", 3L);
            failed = 15;
        } else if (mode.equals("h1") && link.name().equals("3g") && reuse.equals("cold")) {
            errors.put("java.net.SocketTimeoutException: read timed out", 2L);
            failed = 2;
        }
        int connections = mode.equals("h1") ? 6 : 1;
        long headersSent = (mode.equals("h2") ? 60L : 480L) * sizes.length;
        long headersReceived = (mode.equals("h2") ? 40L : 260L) * sizes.length;
        long body = 0;
        for (int size : sizes) {
            body += size;
        }
        int maxInFlight = mode.equals("h1") ? 1 : sizes.length - 1;
        CellResult.Settings settings = new CellResult.Settings(mode.equals("h1") ? 6 : 1,
                mode.equals("h1") ? 1 : mode.equals("h2") ? 100 : 16, mode.equals("h2") ? 65_535 : 0,
                mode.equals("h2") ? 1_048_576 : 0, "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                mode.equals("h2") ? "h2" : "http/1.1");
        boolean withServer = !(evil && mode.equals("h2"));
        List<PageLoadSample> samples = new ArrayList<>();
        if (!allFailed && !(evil && mode.equals("h1") && reuse.equals("warm"))) {
            for (double factor : new double[] {0.95, 1.0, 1.2}) {
                samples.add(scaled(typical, factor));
            }
        }
        if (evil && failed == 0 && mode.equals("h1")) {
            samples.add(failedSample(typical));
        }
        return new CellResult(id, scenario, mode, link.name(), io.muxbench.vocabulary.Reuse.of(reuse), true,
                io.muxbench.vocabulary.ClientKind.DRIVER, settings,
                new CellResult.PageLoads(loads, failed, ms(plt, 50), ms(plt, 90), ms(plt, 99), plt.getMaxValue() / 1000.0,
                        plt.getMean() / 1000.0, plt.getStdDeviation() / 1000.0, null),
                new CellResult.Requests(requests.getTotalCount(), failed, ms(requests, 50), ms(requests, 90),
                        ms(requests, 99), requests.getMaxValue() / 1000.0),
                reuse.equals("cold") ? connections : 0.0,
                new CellResult.Bytes(headersSent, headersReceived + body, headersSent, 0, headersReceived, body),
                errors,
                withServer ? new CellResult.ServerCounters(reuse.equals("cold") ? connections * loads : connections,
                        loads * sizes.length, maxInFlight) : null,
                HistogramLogs.FOLDER + "/" + id + ".hlog", samples);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * A crude page load: the document, then every other resource once it is done. h1 opens up to
     * six connections and queues the rest; h1-pipelined writes everything on one connection and
     * gets answers in order; h2 sends every request at once and shares the bandwidth.
     */
    static PageLoadSample simulate(String mode, Link link, boolean cold, int[] sizes, boolean withPaths) {
        long handshakeUs = cold ? link.rttUs() : 0;
        List<RequestRecord> records = new ArrayList<>();
        long connectEnd = handshakeUs;
        long tlsEnd = connectEnd + handshakeUs;
        long docFirst = tlsEnd + 50 + link.rttUs();
        long docLast = docFirst + (long) (sizes[0] / link.bytesPerUs());
        records.add(new RequestRecord("/" + (withPaths ? "index.html?q=<b>&x=\"1\"" : "index.html"), 1, 1, 200, null,
                0, 0, connectEnd, tlsEnd, tlsEnd + 50, docFirst, docLast, sizes[0] + 250, null));
        long[] connectionFree = new long[mode.equals("h1") ? 6 : 1];
        int[] streams = new int[connectionFree.length];
        connectionFree[0] = docLast;
        streams[0] = 1;
        int open = 1;
        long previousLast = docLast;
        for (int i = 1; i < sizes.length; i++) {
            String path = "/static/" + (i % 3 == 0 ? "img" : i % 3 == 1 ? "app" : "style") + i
                    + (i % 3 == 0 ? ".png" : i % 3 == 1 ? ".js" : ".css");
            long start = docLast + 200;
            long transferUs = (long) (sizes[i] / link.bytesPerUs());
            int conn;
            long cStart = start;
            long cEnd = start;
            long tEnd = start;
            long sent;
            long first;
            long last;
            if (mode.equals("h1")) {
                conn = -1;
                for (int c = 0; c < open; c++) {
                    if (connectionFree[c] <= start) {
                        conn = c;
                        break;
                    }
                }
                if (conn < 0 && open < connectionFree.length) {
                    conn = open++;
                    cStart = start;
                    cEnd = start + handshakeUs;
                    tEnd = cEnd + handshakeUs;
                    connectionFree[conn] = tEnd;
                } else if (conn < 0) {
                    conn = 0;
                    for (int c = 1; c < open; c++) {
                        conn = connectionFree[c] < connectionFree[conn] ? c : conn;
                    }
                }
                sent = Math.max(tEnd, connectionFree[conn]) + 30;
                first = sent + link.rttUs();
                last = first + transferUs * Math.min(open, 6) / 2;
                connectionFree[conn] = last;
            } else {
                conn = 0;
                sent = start + 30 * i;
                first = mode.equals("h2") ? sent + link.rttUs() + transferUs / 4 : Math.max(sent + link.rttUs(), previousLast);
                last = mode.equals("h2") ? first + transferUs * (sizes.length - i) / 3 : first + transferUs;
                previousLast = last;
            }
            streams[conn] += mode.equals("h2") ? 2 : 1;
            records.add(new RequestRecord(path, conn + 1, streams[conn], 200, null, start, cStart, cEnd, tEnd, sent,
                    first, last, sizes[i] + (mode.equals("h2") ? 40 : 260), null));
        }
        long end = records.stream().mapToLong(RequestRecord::lastByteUs).max().orElse(0);
        return new PageLoadSample(end / 1000.0, false, records);
    }

    private static PageLoadSample scaled(PageLoadSample sample, double factor) {
        List<RequestRecord> records = new ArrayList<>();
        for (RequestRecord r : sample.requests()) {
            records.add(new RequestRecord(r.path(), r.connectionId(), r.streamId(), r.status(), r.error(),
                    (long) (r.startUs() * factor), (long) (r.connectStartUs() * factor), (long) (r.connectEndUs() * factor),
                    (long) (r.tlsEndUs() * factor), (long) (r.sentUs() * factor), (long) (r.firstByteUs() * factor),
                    (long) (r.lastByteUs() * factor), r.bytesReceived(), r.errorDetail()));
        }
        return new PageLoadSample(sample.pageLoadMs() * factor, false, records);
    }

    /** The typical load with its last request failed before the first byte. */
    private static PageLoadSample failedSample(PageLoadSample sample) {
        List<RequestRecord> records = new ArrayList<>(sample.requests());
        RequestRecord last = records.remove(records.size() - 1);
        records.add(new RequestRecord(last.path(), last.connectionId(), last.streamId(), 0,
                "connection reset <by peer>", last.startUs(), last.connectStartUs(), last.connectEndUs(), last.tlsEndUs(),
                last.sentUs(), -1, -1, 0, null));
        return new PageLoadSample(sample.pageLoadMs(), true, records);
    }

    private static RunInfo runInfo() {
        ObjectNode config = ResultsFormat.MAPPER.createObjectNode();
        ArrayNode scenarios = config.putArray("scenarios");
        scenarios.add("home").add(EVIL);
        config.putArray("modes").add("h1").add("h1-pipelined").add("h2");
        ArrayNode names = config.putArray("links");
        ArrayNode links = config.putArray("linkProfiles");
        for (Link link : LINKS) {
            names.add(link.name());
            links.addObject().put("name", link.name()).put("rttMillis", link.rttUs() / 1000)
                    .put("downBitsPerSecond", (long) (link.bytesPerUs() * 8_000_000));
        }
        // The shape of RunConfig.toMap(), with a value that must be escaped.
        config.put("load", "closed").put("browsers", 4).put("ratePerSecond", 0.0).put("thinkTimeMs", 0)
                .put("pageLoads", 300).put("warmupPageLoads", 5).put("rounds", 3)
                .put("target", "embedded origin </td><b>not bold</b>");
        config.put("tls", true);
        return new RunInfo(ResultsFormat.SCHEMA_VERSION, "fixture-run", "2026-11-27T10:00:00Z", "2026-11-27T10:04:12Z",
                252.4, true, "0.1.0-SNAPSHOT",
                new RunInfo.Environment("17.0.15", "Debian", "Linux 6.1", "amd64", 2, 2_147_483_648L, "12.1.14",
                        "ci-runner <1>"),
                ResultsFormat.MAPPER.convertValue(config, io.muxbench.vocabulary.RunConfiguration.class), null,
                new RunInfo.DriverHealth(38.5, 4.2, false, List.of("GC paused the driver for 45 ms once"),
                12.0, 180.0));
    }

    private static final String JMH = """
            [
              {"jmhVersion": "1.37", "benchmark": "io.muxbench.bench.HpackBench.encode", "mode": "avgt", "threads": 1,
               "forks": 1, "params": {"headers": "BROWSER"},
               "primaryMetric": {"score": 812.4, "scoreError": 35.1, "scoreConfidence": [777.3, 847.5], "scoreUnit": "ns/op"},
               "secondaryMetrics": {}},
              {"jmhVersion": "1.37", "benchmark": "io.muxbench.bench.HpackBench.decode", "mode": "avgt", "threads": 1,
               "forks": 1, "params": {"headers": "BROWSER"},
               "primaryMetric": {"score": 640.9, "scoreError": 21.7, "scoreUnit": "ns/op"}, "secondaryMetrics": {}},
              {"jmhVersion": "1.37", "benchmark": "io.muxbench.bench.HpackBench.decode", "mode": "avgt", "threads": 1,
               "forks": 1, "params": {"headers": "MINIMAL"},
               "primaryMetric": {"score": 151.2, "scoreError": "NaN", "scoreUnit": "ns/op"}, "secondaryMetrics": {}},
              {"jmhVersion": "1.37", "benchmark": "io.muxbench.bench.Http1ParserBench.parseResponse", "mode": "thrpt",
               "threads": 1, "forks": 1, "params": {"size": "SMALL"},
               "primaryMetric": {"score": 2.41E6, "scoreError": 1.2E5, "scoreUnit": "ops/s"}, "secondaryMetrics": {}},
              {"jmhVersion": "1.37", "benchmark": "io.muxbench.bench.Http1ParserBench.parseResponse", "mode": "thrpt",
               "threads": 1, "forks": 1, "params": {"size": "LARGE"},
               "primaryMetric": {"score": 3.1E5, "scoreError": 2.0E4, "scoreUnit": "ops/s"}, "secondaryMetrics": {}}
            ]
            """;
}
