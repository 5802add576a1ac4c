package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.Ceiling;
import io.muxbench.results.CellResult;
import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import io.muxbench.vocabulary.ModeDescription;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console table of a run. {@code console-table/expected.txt} is what the table printed for
 * {@code console-table/results.json} before the vocabulary types (cells of a real run, with errors,
 * a cell whose every page load failed, a cleartext group and Chromium cells added), with the column
 * against h2 that came with h3.
 */
class ConsoleTableTest {

    @TempDir
    Path dir;

    @Test
    void aNormalRunPrintsExactlyAsBefore() throws Exception {
        Results results = results();
        assertEquals(resource("expected.txt"), print(out -> ConsoleTable.print(results, out)));
    }

    @Test
    void aRunDescribingTheBuiltInModesPrintsTheSameTable() throws Exception {
        Results results = results();
        RunInfo run = run(ModeDescription.builtIn(), steady(true), null);
        assertEquals(resource("expected.txt"), print(out -> ConsoleTable.print(results, run, out)));
    }

    @Test
    void aRunWithoutAWarmUpToSteadyStateSaysSoUnderTheTable() throws Exception {
        Results results = results();
        RunInfo run = run(ModeDescription.builtIn());
        assertEquals(resource("expected.txt") + "warning: measured before steady state: it did not warm up to steady"
                + " state, so its first rounds may measure the JIT, not the protocols\n",
                print(out -> ConsoleTable.print(results, run, out)));
    }

    @Test
    void aModeNotSteadyAndTheCeilingAreEachOneLine() throws Exception {
        Results results = results();
        Ceiling ceiling = new Ceiling("https://127.0.0.1:8443/", "embedded", "child process", "home", 12, 2, 5, null,
                List.of(new Ceiling.ModeCeiling("h1", 4, 24, 1, 250, 3000, 80, 70.0, 0, 15_000_000, 4.2, true, null),
                        new Ceiling.ModeCeiling("h2", 4, 4, 128, 1333.33, 16000, 60, 45.0, 0, 16_800_000, 5.5, true, null)));
        RunInfo run = run(ModeDescription.builtIn(), steady(false), ceiling);
        assertEquals(resource("expected.txt")
                + "warning: measured before steady state: the CPU per request of h2 was still falling when the 30 s"
                + " warm-up budget ended, so the first rounds may measure the JIT, not the protocols\n"
                + "ceiling of h1 on this machine: 3,000 req/s (250.0 page loads/s, plain loopback, warm connections)\n"
                + "ceiling of h2 on this machine: 16,000 req/s (1,333.3 page loads/s, plain loopback, warm connections)\n",
                print(out -> ConsoleTable.print(results, run, out)));
    }

    @Test
    void theRatioIsAgainstTheBaselineTheRunNames() throws Exception {
        Results results = results();
        RunInfo run = run(List.of(new ModeDescription("h1", null, null, false), ModeDescription.H1_PIPELINED,
                new ModeDescription("h2", null, null, true)));
        String table = print(out -> ConsoleTable.print(results, run, out));
        assertTrue(table.contains("p50 vs h2"), table);
        assertTrue(table.contains("  h2                  6      0     687.1     704.5     704.5       1.00"), table);
        assertTrue(table.contains("  h1                  6      0     902.1     934.9     934.9       1.31"), table);
    }

    @Test
    void aModeOnlyThisTestKnowsIsComparedLikeTheOthers() throws Exception {
        Results known = results();
        Results results = new Results(known.schemaVersion(), known.runId(), true, known.cells().stream()
                .map(c -> c.mode().equals("h1-pipelined") ? renamed(c, "h1-two") : c).toList());
        RunInfo run = run(List.of(ModeDescription.H1, new ModeDescription("h1-two", null, null, false), ModeDescription.H2));
        String table = print(out -> ConsoleTable.print(results, run, out));
        assertTrue(table.contains("  h1-two              6      0     798.2     821.8     821.8       0.88"), table);
    }

    @Test
    void h3IsComparedWithH2AsWellAsWithTheBaseline() throws Exception {
        Results known = results();
        Results results = new Results(known.schemaVersion(), known.runId(), true, known.cells().stream()
                .map(c -> c.mode().equals("h1-pipelined") ? renamed(c, "h3") : c).toList());
        String table = print(out -> ConsoleTable.print(results, run(ModeDescription.builtIn()), out));
        assertTrue(table.contains("p50 vs h1  p50 vs h2"), table);
        assertTrue(table.contains("  h3                  6      0     798.2     821.8     821.8       0.88       1.16"), table);
    }

    @Test
    void withoutAThirdModeThereIsNoColumnAgainstH2() throws Exception {
        Results known = results();
        Results results = new Results(known.schemaVersion(), known.runId(), true, known.cells().stream()
                .filter(c -> !c.mode().equals("h1-pipelined")).toList());
        String table = print(out -> ConsoleTable.print(results, run(ModeDescription.builtIn()), out));
        assertTrue(table.contains("p50 vs h1   conns"), table);
        assertTrue(!table.contains("p50 vs h2"), table);
    }

    private interface Printing {
        void print(PrintWriter out);
    }

    private static String print(Printing printing) {
        StringWriter text = new StringWriter();
        printing.print(new PrintWriter(text));
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    private Results results() throws Exception {
        Path file = dir.resolve(ResultsFormat.RESULTS_FILE);
        Files.writeString(file, resource("results.json"));
        return ResultsFormat.read(file, Results.class);
    }

    private static RunInfo run(List<ModeDescription> modes) {
        return new RunInfo(ResultsFormat.SCHEMA_VERSION, "20261130-212836", null, null, 1, true, "test", null, null, modes,
                null);
    }

    private static RunInfo run(List<ModeDescription> modes, RunInfo.WarmUp warmUp, Ceiling ceiling) {
        return new RunInfo(ResultsFormat.SCHEMA_VERSION, "20261130-212836", null, null, 1, true, "test", null, null, modes,
                null, warmUp, ceiling);
    }

    /** h1 steady, and h2 too or still getting cheaper when the budget ended. */
    private static RunInfo.WarmUp steady(boolean h2Steady) {
        return new RunInfo.WarmUp(30, 0.5, 3, 0.02, List.of(
                new RunInfo.ModeWarmUp("h1", 4.2, 900, 10_800, 9, true, 312.0, 95.0),
                new RunInfo.ModeWarmUp("h2", 30, 4000, 48_000, 60, h2Steady, 400.0, 120.0)));
    }

    private static CellResult renamed(CellResult c, String mode) {
        return new CellResult(c.id(), c.scenario(), mode, c.link(), c.reuse(), c.tls(), c.client(), c.settings(),
                c.pageLoads(), c.requests(), c.connectionsPerPageLoad(), c.bytes(), c.errors(), c.server(),
                c.histogramLog(), c.samples());
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ConsoleTableTest.class.getResourceAsStream("console-table/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
