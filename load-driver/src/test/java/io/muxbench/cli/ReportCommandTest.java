package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ReportCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(out, err, args);
    }

    @Test
    void writesTheReportAndPrintsItsAbsolutePath(@TempDir Path dir) throws Exception {
        ResultsFormat.writeResults(dir, new Results(ResultsFormat.SCHEMA_VERSION, "r1", true, List.of()));
        assertEquals(0, run("report", dir.toString()), err.toString());
        Path report = Path.of(out.toString().trim());
        assertTrue(report.isAbsolute());
        assertEquals(dir.resolve("index.html").toAbsolutePath(), report);
        assertTrue(Files.readString(report).contains("<section id=\"headline\">"));
    }

    @Test
    void missingRunFolderIsOneLineAndExitTwo(@TempDir Path dir) {
        assertEquals(2, run("report", dir.resolve("nope").toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("muxbench: "), err.toString());
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void corruptRunJsonIsToleratedLikeAMissingOne(@TempDir Path dir) throws Exception {
        ResultsFormat.writeResults(dir, new Results(ResultsFormat.SCHEMA_VERSION, "r1", true, List.of()));
        Files.writeString(dir.resolve("run.json"), "{ not json");
        assertEquals(0, run("report", dir.toString()), err.toString());
        assertTrue(Files.readString(dir.resolve("index.html")).contains("run.json is unreadable"));
    }

    @Test
    void malformedResultsAreOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("results.json"), "[1, 2");
        assertEquals(2, run("report", dir.toString()));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("results.json"), err.toString());
    }
}
