package io.muxbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.vocabulary.RunConfiguration;
import io.muxbench.vocabulary.TlsVersion;

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
    void aTlsVersionIsWrittenOnlyWhenGivenAndReadsBack(@TempDir Path dir) throws Exception {
        RunConfiguration free = GoldenFilesTest.run().configuration();
        assertFalse(ResultsFormat.MAPPER.valueToTree(free).has("tlsVersion"), "absent when the clients negotiated freely");
        RunConfiguration held = new RunConfiguration(free.scenarios(), free.modes(), free.links(), free.linkProfiles(),
                free.reuse(), true, free.load(), free.browsers(), free.ratePerSecond(), free.thinkTimeMs(), free.pageLoads(),
                free.warmupPageLoads(), free.rounds(), free.samplesPerCell(), free.pageLoadTimeoutMs(), free.target(),
                free.certificateVerified(), free.h1Connections(), free.pipelineConnections(), free.pipelineDepth(),
                free.maxConcurrentStreams(), free.keyType(), free.seed(), free.browser(), TlsVersion.V1_2);
        assertEquals("1.2", ResultsFormat.MAPPER.valueToTree(held).get("tlsVersion").asText());
        RunInfo run = GoldenFilesTest.run();
        ResultsFormat.writeRun(dir, new RunInfo(run.schemaVersion(), run.runId(), run.startedAt(), run.finishedAt(),
                run.durationSeconds(), run.complete(), run.muxbenchVersion(), run.environment(), held, run.modes(),
                run.driver()));
        assertEquals(held, ResultsFormat.read(dir.resolve(ResultsFormat.RUN_FILE), RunInfo.class).configuration());
        assertEquals(TlsVersion.V1_3, ResultsFormat.MAPPER.readValue("\"1.3\"", TlsVersion.class));
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
