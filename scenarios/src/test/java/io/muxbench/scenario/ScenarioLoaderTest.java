package io.muxbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The scenario format: the golden file of version 1, the bundled scenarios, and one clear line per mistake. */
class ScenarioLoaderTest {

    /** A valid scenario; each case below breaks it in one place. Line 8 holds the child. */
    private static final String VALID = """
            {
              "schemaVersion": 1,
              "name": "t",
              "root": {
                "path": "/",
                "size": 10,
                "children": [
                  {"path": "/a.css", "size": 5}
                ]
              }
            }
            """;

    static final List<String[]> MISTAKES = List.of(
            // name, JSON, expected message without the "name.json" prefix
            new String[]{"malformed", VALID.replace("\"size\": 5}", "\"size\": 5,}"),
                    ":8: at $.root.children[0]: malformed JSON: Unexpected character ('}' (code 125)):"
                            + " was expecting double-quote to start field name"},
            new String[]{"unknown-field", VALID.replace("\"size\": 5}", "\"size\": 5, \"colour\": \"red\"}"),
                    ":8: at $.root.children[0].colour: unknown field \"colour\"; known fields: children, contentType,"
                            + " headers, host, path, size, status, thinkTimeMillis"},
            new String[]{"wrong-type", VALID.replace("\"size\": 5}", "\"size\": \"five\"}"),
                    ":8: at $.root.children[0].size: expected a whole number here"},
            new String[]{"fraction", VALID.replace("\"size\": 10", "\"size\": 1.5"),
                    ":6: at $.root.size: expected a whole number, got 1.5"},
            new String[]{"missing-path", VALID.replace("\"path\": \"/a.css\", ", ""),
                    ":8: at $.root.children[0].path: required field \"path\" is missing"},
            new String[]{"negative-size", VALID.replace("\"size\": 5}", "\"size\": -5}"),
                    ":8: at $.root.children[0].size: size must be between 0 and 1073741824 bytes, got -5"},
            new String[]{"no-slash", VALID.replace("/a.css", "a.css"),
                    ":8: at $.root.children[0].path: path must start with '/', got \"a.css\""},
            new String[]{"duplicate-path", VALID.replace("/a.css", "/"),
                    ":8: at $.root.children[0].path: duplicate path \"/\" (first at $.root)"},
            new String[]{"schema-version", VALID.replace("\"schemaVersion\": 1", "\"schemaVersion\": 2"),
                    ":2: at $.schemaVersion: schemaVersion must be 1, got 2"},
            new String[]{"bad-name", VALID.replace("\"t\"", "\"no spaces\""),
                    ":3: at $.name: name must be 1 to 64 letters, digits, '.', '_' or '-', got \"no spaces\""});

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @FieldSource("MISTAKES")
    void eachMistakeIsOneLineNamingFilePathAndLine(String name, String json, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve(name + ".json"), json);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals(file + expected, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void truncatedFileSaysSoWithTheLineItStops() throws IOException {
        String cut = VALID.substring(0, VALID.indexOf("\"children\""));
        Path file = Files.writeString(dir.resolve("cut.json"), cut);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals("unexpected end of file (truncated JSON?)", e.problem());
        assertEquals(cut.lines().count(), e.line(), "the last line, where the file stops");
        assertEquals("$.root", e.jsonPath());
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
    }

    @Test
    void missingRootIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("noroot.json"), "{\n  \"schemaVersion\": 1,\n  \"name\": \"t\"\n}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals("required field \"root\" is missing", e.problem());
        assertEquals("$.root", e.jsonPath());
    }

    @Test
    void emptyAndMissingFilesSaySo() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), " \n");
        assertEquals(empty + ": empty file", assertThrows(ScenarioException.class, () -> ScenarioLoader.load(empty)).getMessage());
        Path missing = dir.resolve("missing.json");
        assertEquals(missing + ": no such file",
                assertThrows(ScenarioException.class, () -> ScenarioLoader.resolve(missing.toString())).getMessage());
        assertTrue(assertThrows(ScenarioException.class, () -> ScenarioLoader.resolve("no-such-scenario"))
                .getMessage().startsWith("no-such-scenario: no such scenario: not a bundled one ("));
    }

    @Test
    void goldenFileOfVersionOneReadsAndWritesBackUnchanged() throws Exception {
        String golden;
        try (InputStream in = getClass().getResourceAsStream("/golden/scenario-v1.json")) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Scenario scenario = ScenarioLoader.parse("scenario-v1.json", golden);

        assertEquals(golden, ScenarioLoader.toJson(scenario));
        assertEquals("golden-v1", scenario.name());
        assertEquals(List.of("user-agent", "accept", "accept-encoding"), List.copyOf(scenario.requestHeaders().keySet()));
        Resource cdn = scenario.root().children().get(1);
        assertEquals("cdn.example", cdn.host());
        assertEquals(Map.of("cache-control", "max-age=3600", "vary", "Accept-Encoding"), cdn.headers());
        assertEquals(List.of("cache-control", "vary"), List.copyOf(cdn.headers().keySet()), "header order is kept");
        assertEquals(40, cdn.children().get(0).thinkTimeMillis());
        assertEquals("/api/items?page=1&size=20", cdn.children().get(0).path());
        assertEquals(404, scenario.root().children().get(2).status());
        assertEquals(6, scenario.root().count());
        assertEquals(3, scenario.root().depth());
        assertEquals(42000 + 24000 + 48000 + 91000 + 3500 + 512, scenario.root().totalBytes());
    }

    @Test
    void everyBundledScenarioLoadsAndWritesBackEqual() throws Exception {
        for (String name : ScenarioLoader.BUNDLED) {
            Scenario scenario = ScenarioLoader.resolve(name);
            assertEquals(name, scenario.name());
            assertEquals(scenario, ScenarioLoader.parse(name, ScenarioLoader.toJson(scenario)), name);
        }
    }
}
