package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.transport.QuicTurnedOff;
import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import io.netty.handler.codec.quic.Quic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code muxbench run} as a user meets it: exit codes, and exactly one line on stderr for every mistake. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunCommandIT {

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr (picocli's writer and System.err, which progress and warnings use). */
    private record Result(int exitCode, String out, List<String> errLines) {
    }

    private static synchronized Result muxbench(String... args) {
        if (args.length > 0 && args[0].equals("run") && !List.of(args).contains("--warmup-budget")) {
            // Warming up to steady state takes seconds per mode: only the tests of it ask for it.
            args = java.util.stream.Stream.concat(java.util.stream.Stream.of(args),
                    java.util.stream.Stream.of("--warmup-budget", "0")).toArray(String[]::new);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        try {
            code = CliRun.execute(out, err, args);
        } finally {
            System.setErr(saved);
        }
        List<String> lines = new ArrayList<>();
        for (String text : new String[]{systemErr.toString(StandardCharsets.UTF_8), err.toString()}) {
            text.lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        return new Result(code, out.toString(), lines);
    }

    private static void assertOneLine(Result result, String... mustContain) {
        assertEquals(1, result.errLines().size(), "stderr: " + result.errLines());
        String line = result.errLines().get(0);
        assertTrue(line.startsWith("muxbench: "), line);
        for (String word : mustContain) {
            assertTrue(line.toLowerCase(Locale.ROOT).contains(word.toLowerCase(Locale.ROOT)), "'" + word + "' not in: " + line);
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aTargetThatRefusesConnectionsEndsWithOneLine() throws Exception {
        Result result = muxbench("run", "--target", "https://127.0.0.1:" + closedPort(), "--quiet", "--no-report",
                "--out", dir.resolve("run").toString());
        assertNotEquals(0, result.exitCode());
        assertOneLine(result, "connection refused");
    }

    @Test
    void aPageOnSeveralHostsIsRefusedWithATargetThatIsOneServer() throws Exception {
        Path page = Files.writeString(dir.resolve("hosts.json"), """
                {"schemaVersion": 1, "name": "hosts", "description": "a page on two hosts",
                 "root": {"path": "/", "contentType": "text/html", "size": 1000, "children": [
                   {"path": "/lib.js", "host": "cdn.example", "contentType": "text/javascript", "size": 5000}]}}
                """);
        String out = dir.resolve("run").toString();
        Result target = muxbench("run", "--scenario", page.toString(), "--target", "https://127.0.0.1:" + closedPort(),
                "--quiet", "--out", out);
        assertEquals(Main.EXIT_BAD_INPUT, target.exitCode());
        assertOneLine(target, "2 hosts", "--target is one server");
        assertTrue(Files.notExists(dir.resolve("run")), "no run folder");
    }

    @Test
    void aTargetWithoutHttp3LeavesTheDefaultH3OutWithAWarningButRefusesANamedOne() throws Exception {
        assumeTrue(Quic.isAvailable(), "Netty's native QUIC library is not available here");
        Origin[] started = new Origin[1];
        QuicTurnedOff.during(() -> started[0] = Origin.start(Origin.Options.defaults())); // TCP only
        try (Origin tcpOnly = started[0]) {
            tcpOnly.serve(Scenarios.load("image-grid"));
            String target = tcpOnly.tlsUri().toString();
            Path out = dir.resolve("run");
            Result defaults = muxbench("run", "--target", target, "--insecure", "--link", "none", "--reuse", "warm",
                    "--page-loads", "1", "--rounds", "1", "--timeout", "3s", "--quiet", "--no-report", "--out", out.toString());
            assertEquals(0, defaults.exitCode(), defaults.errLines().toString());
            assertTrue(defaults.errLines().stream().anyMatch(l -> l.startsWith("warning: no h3 cells:")
                    && l.contains("UDP port " + tcpOnly.tlsUri().getPort())), defaults.errLines().toString());
            assertEquals(List.of("h1", "h1-pipelined", "h2"), ResultsFormat.readRun(out).results().cells().stream()
                    .map(CellResult::mode).toList());

            Result named = muxbench("run", "--target", target, "--insecure", "--mode", "h3", "--link", "none",
                    "--page-loads", "1", "--timeout", "3s", "--quiet", "--no-report", "--out", dir.resolve("h3").toString());
            assertNotEquals(0, named.exitCode());
            assertOneLine(named, "over h3", "UDP port");
            assertTrue(Files.notExists(dir.resolve("h3")), "no run folder");
        }
    }

    @Test
    void aHarReplayedWithKeepHostsHasAConnectionPerHost() throws Exception {
        Path har = Files.writeString(dir.resolve("shop.har"), ImportHarCommandTest.HAR); // shop.test and cdn.test
        Path out = dir.resolve("run");
        Result result = muxbench("run", "--scenario", har.toString(), "--keep-hosts", "--mode", "h2", "--reuse", "cold",
                "--link", "none", "--page-loads", "2", "--quiet", "--no-report", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.errLines().toString());
        CellResult cell = ResultsFormat.readRun(out).results().cells().get(0);
        assertEquals(0, cell.pageLoads().failed(), cell.errors().toString());
        assertEquals(2.0, cell.connectionsPerPageLoad(), 0.001, "one h2 connection to each of the two hosts");
    }

    @Test
    void badFlagsExitTwoWithOneLine() {
        String out = dir.resolve("run").toString();
        for (String[] flag : new String[][]{{"--reuse", "sometimes"}, {"--mode", "h4"}, {"--link", "rtt=fast"}}) {
            Result result = muxbench("run", flag[0], flag[1], "--quiet", "--out", out);
            assertEquals(Main.EXIT_BAD_INPUT, result.exitCode(), String.join(" ", flag) + ": " + result.errLines());
            assertOneLine(result, flag[1]);
        }
        Result budget = muxbench("run", "--warmup-budget", "soon", "--quiet", "--out", out);
        assertEquals(Main.EXIT_BAD_INPUT, budget.exitCode(), budget.errLines().toString());
        assertTrue(budget.errLines().get(0).startsWith("muxbench: ") && budget.errLines().get(0).contains("'soon' is not a duration"),
                budget.errLines().toString()); // and picocli's "Try 'muxbench run --help'."
    }

    @Test
    void aMalformedScenarioFileExitsTwoNamingFilePlaceAndProblem() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"schemaVersion\": 1,\n  \"name\": \"broken\",\n  \"root\": {\n"
                + "    \"path\": \"/\",\n    \"size\": -5\n  }\n}\n");
        Result result = muxbench("run", "--scenario", file.toString(), "--quiet", "--out", dir.resolve("run").toString());
        assertEquals(Main.EXIT_BAD_INPUT, result.exitCode(), result.errLines().toString());
        assertOneLine(result, "broken.json", "$.root", "size must be");
        assertTrue(result.errLines().get(0).matches("muxbench: .*broken\\.json:\\d+: .*"), "no line number: " + result.errLines());
    }

    private Path tinyScenario(String file, String name) throws Exception {
        return Files.writeString(dir.resolve(file), """
                {"schemaVersion": 1, "name": "%s", "root": {"path": "/", "contentType": "text/html", "size": 1000,
                 "children": [{"path": "/a.css", "contentType": "text/css", "size": 2000}]}}
                """.formatted(name));
    }

    @Test
    void eachModeWarmsUpOnLoopbackBeforeTheFirstRoundAndRunJsonSaysHowItWent() throws Exception {
        Path out = dir.resolve("run");
        Result result = muxbench("run", "--scenario", tinyScenario("t.json", "t").toString(), "--mode", "h2,h1",
                "--link", "lan", "--reuse", "both", "--page-loads", "1", "--warmup", "0", "--rounds", "1",
                "--warmup-budget", "2s", "--no-report", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.errLines().toString());
        RunInfo.WarmUp warmUp = ResultsFormat.readRun(out).run().warmUp();
        assertEquals(2.0, warmUp.budgetSeconds());
        assertEquals(List.of("h2", "h1"), warmUp.modes().stream().map(RunInfo.ModeWarmUp::mode).toList());
        for (RunInfo.ModeWarmUp mode : warmUp.modes()) {
            assertTrue(mode.pageLoads() > 0 && mode.requests() == 2 * mode.pageLoads() && mode.windows() > 0, mode.toString());
            String said = mode.steady() ? mode.mode() + " reached steady state" : mode.mode() + " did NOT reach steady state";
            assertTrue(result.errLines().stream().anyMatch(l -> l.contains(said)), result.errLines().toString());
        }
        // Each mode's cells measured only their own page loads: the warm-up's are in no histogram.
        for (CellResult cell : ResultsFormat.readRun(out).results().cells()) {
            assertEquals(1, cell.pageLoads().count(), cell.id());
        }

        Path none = dir.resolve("none");
        Result off = muxbench("run", "--scenario", tinyScenario("u.json", "u").toString(), "--mode", "h2",
                "--link", "none", "--reuse", "warm", "--page-loads", "1", "--rounds", "1", "--warmup-budget", "0",
                "--quiet", "--no-report", "--out", none.toString());
        assertEquals(0, off.exitCode(), off.errLines().toString());
        assertEquals(null, ResultsFormat.readRun(none).run().warmUp(), "no warm-up to steady state, none recorded");
    }

    @Test
    void withCeilingTheRunFirstMeasuresTheMachinesCeilingAndCarriesItIntoRunJson() throws Exception {
        Path out = dir.resolve("run");
        Result result = muxbench("run", "--scenario", tinyScenario("t.json", "t").toString(), "--mode", "h1",
                "--link", "lan", "--reuse", "warm", "--page-loads", "1", "--rounds", "1", "--warmup-budget", "0",
                "--ceiling", "--quiet", "--no-report", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.errLines().toString());
        io.muxbench.results.Ceiling ceiling = ResultsFormat.readRun(out).run().ceiling();
        assertEquals("embedded", ceiling.origin());
        assertEquals("t", ceiling.scenario());
        assertEquals(List.of("h1"), ceiling.modes().stream().map(io.muxbench.results.Ceiling.ModeCeiling::mode).toList());
        io.muxbench.results.Ceiling.ModeCeiling h1 = ceiling.modes().get(0);
        assertEquals(6, h1.connections(), "one browser's six connections");
        assertTrue(h1.requestsPerSecond() > 0 && h1.failedPageLoads() == 0, h1.toString());
        assertTrue(result.out().contains("ceiling of h1"), result.out());
    }

    @Test
    void anExplicitLinkSpecAndAProfileMakeATwoLinkMatrix() throws Exception {
        Path out = dir.resolve("run");
        Result result = muxbench("run", "--scenario", tinyScenario("t.json", "t").toString(),
                "--link", "rtt=2ms,down=100mbit,up=100mbit,loss=0%", "--link", "lan", "--mode", "h2", "--reuse", "warm",
                "--page-loads", "1", "--warmup", "0", "--rounds", "1", "--quiet", "--no-report", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.errLines().toString());
        List<String> links = ResultsFormat.readRun(out).results().cells().stream().map(CellResult::link).toList();
        assertEquals(List.of("rtt=2ms,down=100mbit,up=100mbit,loss=0", "lan"), links);
    }

    @Test
    void scenariosAlikeOnceFileSafeAreRefusedBeforeAnythingStarts() throws Exception {
        Path lower = tinyScenario("lower.json", "t");
        Path upper = tinyScenario("upper.json", "T");
        Path out = dir.resolve("run");
        Result result = muxbench("run", "-s", lower.toString(), "-s", upper.toString(), "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, result.exitCode(), result.errLines().toString());
        assertOneLine(result, "lower.json", "upper.json", "rename one");
        assertTrue(Files.notExists(out), "no run folder");
        Result twice = muxbench("run", "-s", lower.toString(), "-s", tinyScenario("again.json", "t").toString(),
                "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, twice.exitCode(), twice.errLines().toString());
        assertOneLine(twice, "both named 't'");
        assertTrue(Files.notExists(out), "no run folder");
    }

    @Test
    void anOutThatIsAFileIsRefusedInWordsNotClassNames() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        Result result = muxbench("run", "--quiet", "--out", file.toString());
        assertEquals(Main.EXIT_BAD_INPUT, result.exitCode(), result.errLines().toString());
        assertOneLine(result, "cannot create the run folder", "a file is in the way");
        assertFalse(result.errLines().get(0).contains("Exception"), result.errLines().get(0));
    }

    @Test
    void anUnwritableOutIsRefusedBeforeTheOriginStarts() throws Exception {
        Path out = Files.createDirectory(dir.resolve("read-only"));
        assumeTrue(out.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(out), "root writes anywhere");
            Result result = muxbench("run", "--quiet", "--out", out.toString());
            assertEquals(Main.EXIT_BAD_INPUT, result.exitCode(), result.errLines().toString());
            assertOneLine(result, "cannot write into the run folder", "permission denied");
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try (var entries = Files.list(out)) {
            assertEquals(0, entries.count(), "nothing written");
        }
    }

    @Test
    void aWriteFailureInTheMiddleOfARunEndsWithOneLineAndExitOne() throws Exception {
        Path out = Files.createDirectory(dir.resolve("run"));
        Files.writeString(out.resolve(HistogramLogs.FOLDER), "a file where the hlogs' folder goes");
        Result result = muxbench("run", "--scenario", tinyScenario("t.json", "t").toString(), "--link", "none",
                "--mode", "h2", "--reuse", "warm", "--page-loads", "1", "--warmup", "0", "--quiet", "--no-report",
                "--out", out.toString());
        assertEquals(Main.EXIT_FAILED, result.exitCode(), result.errLines().toString());
        assertOneLine(result, "cannot write the run's results", HistogramLogs.FOLDER);
        assertTrue(Files.notExists(out.resolve(ResultsFormat.RUN_FILE)), "no lone run.json");
    }

    @Test
    void durationsLongerThanADayAreRefusedWithOneLineAndNoFolder() {
        Path out = dir.resolve("run");
        for (String flag : new String[]{"--think-time", "--timeout"}) {
            Result result = muxbench("run", flag, "PT9999999999999H", "--quiet", "--out", out.toString());
            assertEquals(Main.EXIT_BAD_INPUT, result.exitCode(), flag + ": " + result.errLines());
            assertOneLine(result, "must be at most 24h");
            assertTrue(Files.notExists(out), "no run folder");
        }
    }

    @Test
    void h3InCleartextIsRefusedWhenAskedForAndLeftOutWithOneWarningByDefault() throws Exception {
        Path out = dir.resolve("run");
        Result asked = muxbench("run", "--scenario", tinyScenario("t.json", "t").toString(), "--cleartext", "-m", "h2,h3",
                "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, asked.exitCode(), asked.errLines().toString());
        assertOneLine(asked, "muxbench: h3 needs TLS");
        assertTrue(Files.notExists(out), "no run folder");

        Result byDefault = muxbench("run", "--scenario", tinyScenario("t.json", "t").toString(), "--cleartext",
                "--link", "none", "--reuse", "warm", "--page-loads", "1", "--warmup", "0", "--rounds", "1", "--quiet",
                "--no-report", "--out", out.toString());
        assertEquals(0, byDefault.exitCode(), byDefault.errLines().toString());
        assertEquals(List.of("warning: no h3 cells: h3 needs TLS (QUIC has no cleartext form)"), byDefault.errLines());
        assertEquals(List.of("h1", "h1-pipelined", "h2"),
                ResultsFormat.readRun(out).results().cells().stream().map(CellResult::mode).toList());
    }

    @Test
    void tlsWithCleartextH3OrABadVersionIsRefusedWithOneLine() {
        Path out = dir.resolve("run");
        Result cleartext = muxbench("run", "--tls", "1.2", "--cleartext", "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, cleartext.exitCode(), cleartext.errLines().toString());
        assertOneLine(cleartext, "--tls 1.2 with --cleartext: a TLS version needs TLS");
        Result version = muxbench("run", "--tls", "1.4", "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, version.exitCode(), version.errLines().toString());
        assertOneLine(version, "--tls must be 1.2 or 1.3, got '1.4'");
        Result h3 = muxbench("run", "-m", "h3", "--tls", "1.2", "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, h3.exitCode(), h3.errLines().toString());
        // Where QUIC's native library does not load, that is the one line instead.
        assertOneLine(h3, Quic.isAvailable() ? "h3 is QUIC, always TLS 1.3" : "h3");
        assertTrue(Files.notExists(out), "no run folder");
    }

    @Test
    void aSyntheticPageRunsWithTls12AndH3LeftOutWithOneWarning() throws Exception {
        Path out = dir.resolve("run");
        Result result = muxbench("run", "-s", "synthetic:5x1kb:2hosts", "--tls", "1.2", "--link", "none", "--reuse",
                "warm", "--page-loads", "2", "--warmup", "0", "--rounds", "1", "--quiet", "--no-report", "--out",
                out.toString());
        assertEquals(0, result.exitCode(), result.errLines().toString());
        if (Quic.isAvailable()) {
            assertEquals(List.of("warning: no h3 cells: h3 is QUIC, always TLS 1.3 (--tls 1.2)"), result.errLines());
        }
        RunInfo run = ResultsFormat.readRun(out).run();
        assertEquals(io.muxbench.vocabulary.TlsVersion.V1_2, run.configuration().tlsVersion());
        for (CellResult cell : ResultsFormat.readRun(out).results().cells()) {
            assertEquals("synthetic-5x1kb-2hosts_none_warm_" + cell.mode() + "_tls", cell.id());
            assertEquals(0, cell.pageLoads().failed(), cell.errors().toString());
            assertEquals("TLSv1.2", cell.settings().tlsProtocol(), cell.id());
            assertEquals(10_000 + 5 * 1_000, cell.bytes().bodyReceivedPerPageLoad(), cell.id());
        }
        assertEquals(List.of("h1", "h1-pipelined", "h2"), ResultsFormat.readRun(out).results().cells().stream()
                .map(CellResult::mode).toList());
    }

    @Test
    void aBadSyntheticPageOrOneOnSeveralHostsWithATargetIsOneLine() throws Exception {
        Path out = dir.resolve("run");
        Result zero = muxbench("run", "-s", "synthetic:0x2kb", "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, zero.exitCode(), zero.errLines().toString());
        assertOneLine(zero, "synthetic:0x2kb: object count must be 1 to 10000, got 0");
        Result target = muxbench("run", "-s", "synthetic:8x2kb:4hosts", "--target", "https://127.0.0.1:" + closedPort(),
                "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, target.exitCode(), target.errLines().toString());
        assertOneLine(target, "synthetic:8x2kb:4hosts: its resources are on 5 hosts, and --target is one server",
                "leave out :Khosts");
        assertTrue(Files.notExists(out), "no run folder");
    }

    @Test
    void aShardRunsItsShareOfTheCellsPageLoadsAndRunJsonNamesItWithTheWholeRunsConfiguration() throws Exception {
        Path out = dir.resolve("shard1");
        // A start time long past: the shard starts at once, with a warning line.
        Result result = muxbench("run", "--scenario", tinyScenario("t.json", "t").toString(), "--mode", "h1,h2",
                "--shard", "1/3", "-b", "3", "-n", "4", "--link", "none", "--reuse", "warm", "--warmup-budget", "0",
                "--warmup", "0", "--start-at", "2020-01-01T00:00:00Z", "--quiet", "--no-report", "--out", out.toString());
        assertEquals(0, result.exitCode(), result.errLines().toString());
        assertEquals(1, result.errLines().size(), result.errLines().toString());
        assertTrue(result.errLines().get(0).startsWith("warning: the start time 2020-01-01T00:00:00Z passed "),
                result.errLines().toString());

        ResultsFormat.RunFolder folder = ResultsFormat.readRun(out);
        RunInfo run = folder.run();
        RunInfo.Shard shard = run.shard();
        assertEquals(1, shard.index());
        assertEquals(3, shard.count());
        assertEquals(RunInfo.configurationHash(run.configuration()), shard.configurationHash());
        assertFalse(shard.host().isBlank());
        assertEquals(4, run.configuration().pageLoads(), "the whole run's page loads");
        assertEquals(3, run.configuration().browsers(), "the whole run's browsers");
        assertEquals(List.of("h1", "h2"), folder.results().cells().stream().map(CellResult::mode).toList());
        for (CellResult cell : folder.results().cells()) {
            // 4 page loads in 3 shards: 2, 1, 1
            assertEquals(1, cell.pageLoads().count(), cell.id());
            assertEquals(0, cell.pageLoads().failed(), cell.errors().toString());
            assertEquals(1, HistogramLogs.readTotals(out.resolve(cell.histogramLog())).get(HistogramLogs.PAGE_LOAD)
                    .getTotalCount(), cell.id());
        }
    }

    @Test
    void badShardsAndStartTimesExitTwoWithOneLineAndNoFolder() {
        Path out = dir.resolve("run");
        String[][] cases = {
                {"--shard", "3/3", "shard index must be between 0 and 2, got 3"},
                {"--shard", "0/0", "shard count must be between 1 and 1000, got 0"},
                {"--shard", "one/3", "--shard must be I/N (shard I, from 0, of N) or N, got 'one/3'"},
                {"--start-at", "soon", "--start-at must be an ISO-8601 time such as 2026-12-01T10:00:00Z, got 'soon'"},
                {"--start-at", java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString(), "more than 24h ahead"}};
        for (String[] flag : cases) {
            Result result = muxbench("run", flag[0], flag[1], "--quiet", "--out", out.toString());
            assertEquals(Main.EXIT_BAD_INPUT, result.exitCode(), String.join(" ", flag) + ": " + result.errLines());
            assertOneLine(result, flag[2]);
            assertTrue(Files.notExists(out), "no run folder");
        }
        Result noBrowser = muxbench("run", "-b", "2", "--shard", "2/3", "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_BAD_INPUT, noBrowser.exitCode(), noBrowser.errLines().toString());
        assertEquals(List.of("muxbench: -b 2 --shard 2/3 gives shard 2 no browser"), noBrowser.errLines());
        if (System.getenv("JOB_COMPLETION_INDEX") == null) {
            Result noIndex = muxbench("run", "--shard", "3", "--quiet", "--out", out.toString());
            assertEquals(Main.EXIT_BAD_INPUT, noIndex.exitCode(), noIndex.errLines().toString());
            assertOneLine(noIndex, "$JOB_COMPLETION_INDEX, which is not set");
        }
        assertTrue(Files.notExists(out), "no run folder");
    }

    @Test
    void helpExitsZero() {
        Result run = muxbench("run", "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--target"), run.out());
        assertTrue(run.out().contains("--shard=I/N|N") && run.out().contains("--start-at=TIME"), run.out());
        assertTrue(run.out().replaceAll("\\s+", " ").contains("--link 'rtt=100ms,down=8mbit,up=2mbit,loss=1%' --link 3g"),
                run.out());
        Result serve = muxbench("serve", "--help");
        assertEquals(0, serve.exitCode());
        assertTrue(serve.out().contains("--scenario"), serve.out());
    }
}
