package io.muxbench.scenario.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioException;
import io.muxbench.scenario.ScenarioLoader;
import io.muxbench.scenario.har.HarImporter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioSourcesTest {

    @TempDir
    Path dir;

    private static Path capture(String name) throws URISyntaxException {
        return Path.of(ScenarioSourcesTest.class.getResource("/har/" + name).toURI());
    }

    @Test
    void resolvesAHarFileByImportingIt() throws Exception {
        Scenario scenario = ScenarioSources.resolve(capture("image-heavy-assa-2017.har").toString());
        assertEquals("image-heavy-assa-2017", scenario.name());
        assertEquals(41, scenario.root().count(), "38 entries and 3 redirects");
    }

    @Test
    void passesTheHarOptionsToTheImporter() throws Exception {
        String har = capture("js-app-yahoo-2018.har").toString();
        Scenario kept = ScenarioSources.resolve(har, HarImporter.Options.defaults().withKeepHosts(true));
        assertEquals(HarImporter.importHar(Path.of(har), HarImporter.Options.defaults().withKeepHosts(true)).scenario(), kept);
    }

    @Test
    void resolvesBundledNamesAndScenarioFilesAsTheLoaderDoes() throws Exception {
        assertEquals(ScenarioLoader.bundled("blog"), ScenarioSources.resolve("blog"));
        Path file = Files.writeString(dir.resolve("page.json"), ScenarioLoader.toJson(ScenarioLoader.bundled("image-grid")));
        assertEquals(ScenarioLoader.load(file), ScenarioSources.resolve(file.toString()));
    }

    @Test
    void missingHarFileIsOneLine() throws IOException {
        Path missing = dir.resolve("gone.har");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioSources.resolve(missing.toString()));
        assertEquals(missing + ": no such file", e.getMessage());
        assertTrue(Files.notExists(missing));
    }

    @Test
    void unknownNameListsTheBundledScenarios() {
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioSources.resolve("no-such-scenario"))
                .getMessage().startsWith("no-such-scenario: no such scenario: not a bundled one ("));
    }
}
