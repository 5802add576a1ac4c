package io.muxbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.muxbench.results.CellResult.Bytes;
import io.muxbench.results.CellResult.PageLoads;
import io.muxbench.results.CellResult.Requests;
import io.muxbench.results.CellResult.ServerCounters;
import io.muxbench.results.CellResult.Settings;
import io.muxbench.results.CellResult.Uncorrected;
import io.muxbench.results.PageLoadSample.RequestRecord;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.Load;
import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.vocabulary.Reuse;
import io.muxbench.vocabulary.RunConfiguration;
import io.muxbench.vocabulary.RunConfiguration.LinkProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results format sealed by golden files under {@code src/test/resources/golden/}: what this version
 * writes (schema 2), byte for byte, and what version 1 wrote, which must still read. After a deliberate
 * change of the format, rewrite the version-2 files with {@code -Dmuxbench.updateGolden=true} (run from the
 * module's folder), read the difference, and move the schema version if an old reader would be misled.
 */
class GoldenFilesTest {

    private static final Path SOURCE = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    @Test
    void resultsOfVersionTwoAreWrittenExactlyAsTheGoldenFile() throws Exception {
        ResultsFormat.writeResults(dir, results());
        assertGolden("results-v2.json", dir.resolve(ResultsFormat.RESULTS_FILE));
    }

    @Test
    void runOfVersionTwoIsWrittenExactlyAsTheGoldenFile() throws Exception {
        ResultsFormat.writeRun(dir, run());
        assertGolden("run-v2.json", dir.resolve(ResultsFormat.RUN_FILE));
    }

    @Test
    void goldenFilesOfVersionTwoReadBackAsTheSameObjects() throws Exception {
        assertEquals(results(), ResultsFormat.read(golden("results-v2.json"), Results.class));
        assertEquals(run(), ResultsFormat.read(golden("run-v2.json"), RunInfo.class));
    }

    @Test
    void runOfVersionOneReadsWithTheBuiltInModesDescribed() throws Exception {
        RunInfo run = ResultsFormat.read(golden("run-v1.json"), RunInfo.class);
        assertEquals(1, run.schemaVersion());
        assertEquals(TCP_MODES, run.modes());
        assertEquals(ModeDescription.H1, run.baseline());
        RunConfiguration config = run.configuration();
        assertEquals(List.of("lan", "cable", "4g"), config.links());
        assertEquals(new LinkProfile("cable", 28, 5_000_000, 1_000_000, 0), config.profile("cable"));
        assertEquals(List.of(Reuse.COLD, Reuse.WARM), config.reuse());
        assertEquals(Load.CLOSED, config.load());
        assertNull(config.browser());
        assertEquals(1, run.driver().warnings().size());
    }

    /** A trimmed results.json written before the vocabulary types: version 2 writes the same fields in the same order. */
    @Test
    void resultsOfVersionOneReadAndWriteBackByteForByte() throws Exception {
        Results results = ResultsFormat.read(golden("results-v1.json"), Results.class);
        assertEquals(Reuse.COLD, results.cells().get(0).reuse());
        assertEquals(ClientKind.DRIVER, results.cells().get(0).client());
        ResultsFormat.writeResults(dir, results);
        assertEquals(read(golden("results-v1.json")), read(dir.resolve(ResultsFormat.RESULTS_FILE)));
    }

    @Test
    void runOfVersionOneWritesBackWithOnlyItsModesAdded() throws Exception {
        RunInfo v1 = ResultsFormat.read(golden("run-v1.json"), RunInfo.class);
        ResultsFormat.writeRun(dir, v1);
        var written = ResultsFormat.MAPPER.readTree(dir.resolve(ResultsFormat.RUN_FILE).toFile());
        var original = (com.fasterxml.jackson.databind.node.ObjectNode) ResultsFormat.MAPPER.readTree(golden("run-v1.json").toFile());
        original.set("modes", ResultsFormat.MAPPER.valueToTree(TCP_MODES));
        assertEquals(original, written);
    }

    /** The modes the golden files were written with, before h3. */
    private static final List<ModeDescription> TCP_MODES =
            List.of(ModeDescription.H1, ModeDescription.H1_PIPELINED, ModeDescription.H2);

    /** Every field of both files, with values a reader cannot mistake for defaults. */
    static Results results() {
        Settings tls = new Settings(6, 1, 0, 0, "TLSv1.3", "TLS_AES_128_GCM_SHA256", "http/1.1");
        PageLoads pageLoads = new PageLoads(40, 2, 120.5, 180.25, 240.125, 250.0, 130.75, 30.5,
                new Uncorrected(110.5, 170.25, 230.125, 245.0));
        RequestRecord ok = new RequestRecord("/", 7, 1, 200, null, 0, 10, 1_200, 2_400, 2_500, 30_000, 31_000, 9_000, null);
        RequestRecord failed = new RequestRecord("//cdn.example/app.js", 8, 1, 0, "reset", 31_020, 31_050, 32_000,
                33_500, 33_600, -1, -1, 0, "Connection reset by peer");
        CellResult driver = new CellResult("blog_cable_cold_h1_tls", "blog", "h1", "cable", Reuse.COLD, true,
                ClientKind.DRIVER, tls, pageLoads, new Requests(800, 3, 20.5, 60.25, 90.125, 99.0), 5.5,
                new Bytes(12_000, 350_000, 11_000, 1_000, 40_000, 310_000), Map.of("reset", 2L, "status-5xx", 1L),
                new ServerCounters(220, 798, 1), "cells/blog_cable_cold_h1_tls.hlog",
                List.of(new PageLoadSample(33.5, true, List.of(ok, failed)), new PageLoadSample(120.25, false, List.of(ok))));
        CellResult browser = new CellResult("blog_cable_warm_h2_clear_chromium", "blog", "h2", "cable", Reuse.WARM, false,
                ClientKind.CHROMIUM, new Settings(1, 100, 65_535, 1_048_576, null, null, null),
                new PageLoads(10, 0, 90.5, 95.0, 99.0, 99.5, 91.0, 2.5, null), new Requests(200, 0, 10, 20, 30, 40), 0,
                new Bytes(0, 300_000, 0, 0, 0, 0), Map.of(), null, "cells/blog_cable_warm_h2_clear_chromium.hlog", List.of());
        return new Results(ResultsFormat.SCHEMA_VERSION, "20261201-101500", false, List.of(driver, browser));
    }

    static RunInfo run() {
        RunConfiguration configuration = new RunConfiguration(List.of("blog", "page.har"), List.of("h1", "h1-pipelined", "h2"),
                List.of("cable", "rtt=100ms,down=8mbit"),
                List.of(new LinkProfile("cable", 28, 5_000_000, 1_000_000, 0),
                        new LinkProfile("rtt=100ms,down=8mbit", 100, 8_000_000, 8_000_000, 0.01)),
                List.of(Reuse.COLD, Reuse.WARM), true, Load.OPEN, 8, 2.5, 0, 40, 3, 4, 5, 60_000,
                RunConfiguration.EMBEDDED, true, 6, 1, 128, 100, "EC", 42, null);
        return new RunInfo(ResultsFormat.SCHEMA_VERSION, "20261201-101500", "2026-12-01T10:15:00Z", "2026-12-01T10:20:30Z",
                330.5, false, "0.1.0-SNAPSHOT",
                new RunInfo.Environment("17.0.15", "Debian", "Linux 6.1", "amd64", 2, 2_147_483_648L, "12.1.14", "ci"),
                configuration, TCP_MODES,
                new RunInfo.DriverHealth(45.5, 12.25, true, List.of("the machine was at 95% CPU in 1 of 24 cell rounds"),
                        40.0, 900.0));
    }

    private void assertGolden(String name, Path written) throws IOException {
        if (Boolean.getBoolean("muxbench.updateGolden")) {
            Files.copy(written, SOURCE.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(read(golden(name)), read(written), name);
    }

    private Path golden(String name) throws IOException {
        Path copy = dir.resolve("golden-" + name);
        try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IOException("no golden file " + name + ": run once with -Dmuxbench.updateGolden=true");
            }
            Files.write(copy, in.readAllBytes());
        }
        return copy;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
