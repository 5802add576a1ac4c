package io.muxbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.vocabulary.ModeDescription;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFormatTest {

    @Test
    void aScenarioGivenAsResultsNamesTheMissingFieldWithoutJacksonsWords(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("blog.json"),
                "{\"schemaVersion\": 1, \"name\": \"blog\", \"root\": {\"path\": \"/\", \"size\": 10}}");
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> ResultsFormat.read(file, Results.class));
        assertEquals(file + ": not a muxbench results file: field complete is missing", e.getMessage());
    }

    @Test
    void aConfigurationLackingANumberOrAFlagStillReadsWithZeroAndFalse(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(ResultsFormat.RUN_FILE), "{\"schemaVersion\": 1, \"runId\": \"r\", \"durationSeconds\": 1,"
                + " \"complete\": true, \"configuration\": {\"modes\": [\"h2\"], \"pageLoads\": 7}}");
        RunInfo run = ResultsFormat.read(file, RunInfo.class);
        assertEquals(7, run.configuration().pageLoads());
        assertEquals(0, run.configuration().browsers());
        assertFalse(run.configuration().tls());
        assertEquals(List.of(ModeDescription.H2), run.modes());
    }

    @Test
    void aConfigurationFieldOfTheWrongTypeIsOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve(ResultsFormat.RUN_FILE), "{\"schemaVersion\": 2, \"runId\": \"r\", \"durationSeconds\": 1,"
                + " \"complete\": true, \"configuration\": {\"pageLoads\": \"many\"}}");
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> ResultsFormat.read(file, RunInfo.class));
        assertTrue(e.getMessage().startsWith(file + ": at $.configuration.pageLoads: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void readResultsLeavesRunJsonUnread(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ResultsFormat.RESULTS_FILE), "{\"schemaVersion\": 1, \"runId\": \"r\","
                + " \"complete\": true, \"cells\": []}");
        Files.writeString(dir.resolve(ResultsFormat.RUN_FILE), "{ broken");
        assertEquals("r", ResultsFormat.readResults(dir).results().runId());
        assertThrows(ResultsFormatException.class, () -> ResultsFormat.readRun(dir));
    }
}
