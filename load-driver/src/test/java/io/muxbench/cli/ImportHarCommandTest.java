package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code muxbench import-har}: the scenario to a file or stdout, the summary to stderr, bad input exit 2. */
class ImportHarCommandTest {

    static final String HAR = """
            {"log": {"version": "1.2", "pages": [{"id": "p", "title": "https://shop.test/"}], "entries": [
              {"pageref": "p", "startedDateTime": "2024-01-01T00:00:00.000Z", "time": 10,
               "request": {"method": "GET", "url": "https://shop.test/", "headers": [{"name": "User-Agent", "value": "T/1"}]},
               "response": {"status": 200, "bodySize": 1000, "content": {"size": 1000, "mimeType": "text/html"}, "headers": []}},
              {"pageref": "p", "startedDateTime": "2024-01-01T00:00:00.020Z", "time": 10,
               "request": {"method": "GET", "url": "data:image/gif;base64,R0lGOD"},
               "response": {"status": 200, "content": {"size": 4, "mimeType": "image/gif"}}},
              {"pageref": "p", "startedDateTime": "2024-01-01T00:00:00.030Z", "time": 10, "_initiator": "https://shop.test/",
               "request": {"method": "GET", "url": "https://cdn.test/app.js"},
               "response": {"status": 200, "bodySize": 2000, "content": {"mimeType": "text/javascript"}, "headers": []}}
            ]}}
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRun.execute(out, err, args);
    }

    @Test
    void writesTheScenarioAndPrintsTheSummary() throws Exception {
        Path har = Files.writeString(dir.resolve("shop.har"), HAR);
        Path json = dir.resolve("shop.json");

        assertEquals(0, run("import-har", har.toString(), "-o", json.toString()));

        Scenario scenario = ScenarioLoader.load(json);
        assertEquals("shop", scenario.name());
        assertEquals(3000, scenario.root().totalBytes());
        assertEquals("imported 2 of 3 entries of page 0 'https://shop.test/': skipped 1 data: URLs;"
                + " all 2 hosts mapped onto the origin under test\n", err.toString());
        assertEquals("", out.toString());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void withoutOutputWritesToStdoutAndKeepsHostsWhenAsked() throws Exception {
        Path har = Files.writeString(dir.resolve("shop.har"), HAR);

        assertEquals(0, run("import-har", har.toString(), "--keep-hosts", "--name", "mine"));

        Scenario scenario = ScenarioLoader.parse("stdout", out.toString());
        assertEquals("mine", scenario.name());
        assertEquals("cdn.test", scenario.root().children().get(0).host());
    }

    @Test
    void keepsRedirectsUnlessToldToDropThem() throws Exception {
        Path har = Path.of("../scenarios/src/test/resources/har/redirects-example.har");

        assertEquals(0, run("import-har", har.toString()));
        Scenario kept = ScenarioLoader.parse("kept", out.toString());
        assertEquals(301, kept.root().status());
        assertEquals("/_h/www.example.test/", kept.root().headers().get("location"));
        assertTrue(err.toString().startsWith("imported 5 of 5 entries of page 0 'http://example.test/' (kept 2 redirects);"),
                err.toString());

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(0, run("import-har", har.toString(), "--drop-redirects"));
        Scenario dropped = ScenarioLoader.parse("dropped", out.toString());
        assertEquals(200, dropped.root().status());
        assertEquals(3, dropped.root().count());
        assertTrue(err.toString().contains(": skipped 2 redirects;"), err.toString());
    }

    @Test
    void badHarFilesExitTwoWithOneLine() throws Exception {
        Path malformed = Files.writeString(dir.resolve("malformed.har"), "{\"log\": {\"entries\": [}}");
        Path truncated = Files.writeString(dir.resolve("truncated.har"), HAR.substring(0, HAR.length() / 2));
        Path empty = Files.writeString(dir.resolve("empty.har"), "{\"log\": {\"entries\": []}}");
        Path json = dir.resolve("out.json");
        for (Path bad : new Path[]{malformed, truncated, empty, dir.resolve("missing.har")}) {
            err.getBuffer().setLength(0);
            assertEquals(Main.EXIT_BAD_INPUT, run("import-har", bad.toString(), "-o", json.toString()), bad.toString());
            String message = err.toString();
            assertTrue(message.startsWith("muxbench: " + bad), message);
            assertEquals(1, message.lines().count(), message);
            assertTrue(Files.notExists(json));
        }
    }

    @Test
    void pageOutOfRangeExitsTwo() throws Exception {
        Path har = Files.writeString(dir.resolve("shop.har"), HAR);
        assertEquals(Main.EXIT_BAD_INPUT, run("import-har", har.toString(), "--page", "3"));
        assertEquals("muxbench: " + har + ":1: at $.log.pages: page 3 is out of range: the HAR has 1 page (page 0)\n",
                err.toString());
    }
}
