package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.literature.Literature;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The literature suite's command line: the flags it refuses, before anything runs, and its verdict table. */
class LiteratureRunTest {

    @TempDir
    Path dir;

    @Test
    void refusesFlagsThatWouldChangeTheStudiesInOneLine() {
        for (String[] flags : List.of(new String[] {"-s", "blog"}, new String[] {"--link", "3g"}, new String[] {"-n", "3"},
                new String[] {"-m", "h2"}, new String[] {"--cleartext"})) {
            List<String> args = new java.util.ArrayList<>(List.of("run", "--suite", "literature", "--runs-dir", dir.toString()));
            args.addAll(List.of(flags));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("does not go with --suite literature"), run.err());
        }
        assertTrue(isEmpty(dir), "no folder left behind");
    }

    @Test
    void quickNeedsTheLiteratureSuite() {
        CliRun run = CliRun.of("run", "--quick", "--runs-dir", dir.toString());
        assertEquals(Main.EXIT_BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("--quick only applies with --suite literature"), run.err());
    }

    @Test
    void printsOneLinePerStudyWithItsVerdictAndGains() {
        Literature literature = new Literature(Literature.SCHEMA_VERSION, "literature", "2026-12-07T23:00:00Z", true,
                List.of(new Literature.Study("row-01-rtt", "1", "RTT", "RTT (ms)", "page", "rises", List.of(), "h1", "h2",
                        List.of(new Literature.Point("20 ms", 20, Map.of(), 12.34), new Literature.Point("200 ms", 200, Map.of(), null)),
                        null, Literature.Verdict.DIRECTION, List.of(), List.of("row-01-rtt"))));
        StringWriter out = new StringWriter();
        LiteratureRun.print(literature, new PrintWriter(out, true));
        String text = out.toString();
        assertTrue(text.contains("reproduced in direction, not in size"), text);
        assertTrue(text.contains("h2 against h1: 20 ms +12.3%, 200 ms –"), text);
    }

    private static boolean isEmpty(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
