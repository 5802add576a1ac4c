package io.muxbench.scenario.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not usable HARs: one clear line naming the file and, where there is one, the place. */
class HarErrorsTest {

    @TempDir
    Path dir;

    private ScenarioException failure(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> HarImporter.importHar(file, HarImporter.Options.defaults()));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void malformedJsonNamesTheLine() throws Exception {
        ScenarioException e = failure("bad.har", "{\n  \"log\": {\n    \"entries\": [ {,} ]\n  }\n}\n");
        assertEquals(3, e.line());
        assertEquals("$.log.entries[0]", e.jsonPath());
        assertTrue(e.problem().startsWith("malformed JSON: Unexpected character (','"), e.problem());
    }

    @Test
    void truncatedFileSaysSo() throws Exception {
        String whole = Files.readString(HarImporterTest.capture("js-app-yahoo-2018.har"));
        ScenarioException e = failure("cut.har", whole.substring(0, whole.length() / 2));
        assertEquals("unexpected end of file (truncated HAR?)", e.problem());
        assertEquals(whole.substring(0, whole.length() / 2).lines().count(), e.line());
        assertTrue(e.jsonPath().startsWith("$.log.entries["), e.jsonPath());
    }

    @Test
    void harWithoutEntriesSaysSo() throws Exception {
        ScenarioException e = failure("empty-log.har", "{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"entries\": []\n  }\n}\n");
        assertEquals(dir.resolve("empty-log.har") + ":4: at $.log.entries: the HAR has no entries", e.getMessage());
    }

    @Test
    void jsonThatIsNotAHarSaysWhatIsMissing() throws Exception {
        assertEquals("not a HAR file: no \"log\" object", failure("scenario.har", "{\"schemaVersion\": 1}").problem());
        ScenarioException e = failure("nolog.har", "{\n  \"log\": {\n    \"pages\": []\n  }\n}");
        assertEquals("not a HAR file: no log.entries", e.problem());
        assertEquals(2, e.line());
        assertEquals("not a HAR file: log.entries is not an array",
                failure("obj.har", "{\"log\": {\"entries\": {}}}").problem());
    }

    @Test
    void emptyFileSaysSo() throws Exception {
        assertEquals("empty file", failure("nothing.har", "  \n").problem());
    }

    @Test
    void pageOutOfRangeNamesTheCount() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> HarImporter.importHar(
                HarImporterTest.capture("news-nytimes-2015.har"), HarImporter.Options.defaults().withPage(5)));
        assertEquals("page 5 is out of range: the HAR has 2 pages (0 to 1)", e.problem());
        assertEquals("$.log.pages", e.jsonPath());
        assertTrue(e.line() > 0);
    }
}
