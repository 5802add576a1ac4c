package io.muxbench.scenario.har;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.muxbench.scenario.Authority;
import io.muxbench.scenario.RandomJson;
import io.muxbench.scenario.RequestTarget;
import io.muxbench.scenario.ScenarioException;
import io.muxbench.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Random and mutated HAR documents: the importer either gives a scenario the loader reads back
 * (paths origin-form, hosts valid, fields printable), or refuses with one plain line; never another
 * exception, never a hang. Whatever URL a capture holds, the importer makes a valid target and host of it.
 * Jazzer builds the documents from its input: {@code mvn test} replays the seeds under
 * {@code src/test/resources/io/muxbench/scenario/har/HarImportPropertiesTestInputs/}, the fuzzing
 * executions of {@code mvn verify} search for new ones for {@code maxDuration} each.
 */
class HarImportPropertiesTest {

    private static final List<String> FIELDS = List.of("log", "entries", "pages", "id", "title", "pageref", "request",
            "response", "url", "method", "status", "headers", "name", "value", "startedDateTime", "time", "_initiator",
            "_initiator_detail", "content", "mimeType", "size", "bodySize", "headersSize", "_transferSize", "redirectURL",
            "_fromCache", "stack", "callFrames", "parent", "type");

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @FuzzTest(maxDuration = "8s")
    void randomHarDocumentsGiveAScenarioOrOneLine(FuzzedDataProvider data) {
        RandomJson random = new RandomJson(data, FIELDS);
        boolean withEntries = data.consumeBoolean();
        boolean keepHosts = data.consumeBoolean();
        ObjectNode har = random.object(7);
        if (withEntries) {
            ArrayNode entries = har.putObject("log").putArray("entries");
            for (int i = 0; i < 4; i++) {
                entries.add(random.object(5));
            }
        }
        check(random, har, keepHosts);
    }

    @FuzzTest(maxDuration = "8s")
    void mutatedHarsGiveAScenarioOrOneLine(FuzzedDataProvider data) {
        RandomJson random = new RandomJson(data, FIELDS);
        boolean thrice = data.consumeBoolean();
        boolean keepHosts = data.consumeBoolean();
        JsonNode mutated = random.mutate(random.mutate(smallHar()));
        check(random, thrice ? random.mutate(mutated) : mutated, keepHosts);
    }

    @FuzzTest(maxDuration = "5s")
    void everyRecordedUrlBecomesAValidTargetAndHost(FuzzedDataProvider data) {
        RandomJson random = new RandomJson(data, FIELDS);
        HarUrl url = HarUrl.parse("https://" + random.string().replace("/", "") + "/" + random.string());
        if (url == null) {
            return;
        }
        assertTrue(url.pathAndQuery().length() > RequestTarget.MAX_LENGTH || RequestTarget.problem(url.pathAndQuery()) == null,
                url.pathAndQuery());
        if (!url.host().isEmpty()) {
            assertNull(Authority.problem(HarPaths.hostName(url.host())), url.host());
        }
    }

    private static void check(RandomJson random, JsonNode har, boolean keepHosts) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Path file = Files.createTempFile("random", ".har");
            try {
                Files.write(file, random.text(har).getBytes(StandardCharsets.UTF_8)); // a lone surrogate becomes "?"
                HarImport imported;
                try {
                    imported = HarImporter.importHar(file, HarImporter.Options.defaults().withKeepHosts(keepHosts));
                } catch (ScenarioException e) {
                    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
                    io.muxbench.scenario.ScenarioRefusalsTest.assertPlainLine(e.getMessage().substring(file.toString().length()));
                    return;
                }
                assertTrue(imported.summary().indexOf('\n') < 0 && imported.summary().indexOf('\r') < 0, imported.summary());
                io.muxbench.scenario.ScenarioLoaderPropertiesTest.assertKeepsTheRules(imported.scenario());
                ScenarioLoader.parse("imported", ScenarioLoader.toJson(imported.scenario()));
            } finally {
                Files.deleteIfExists(file);
            }
        });
    }

    private static JsonNode smallHar() {
        HarBuilder har = new HarBuilder();
        ((ObjectNode) har.har.get("log")).putArray("pages").addObject().put("id", "p").put("title", "https://shop.test/");
        har.entry("https://shop.test/", 200, "text/html", 1000, 0, 10).put("pageref", "p");
        ObjectNode css = har.entry("https://cdn.test:8443/site.css", 200, "text/css", 500, 20, 10).put("pageref", "p");
        css.put("_initiator", "https://shop.test/");
        HarBuilder.header((ObjectNode) css.get("response"), "Cache-Control", "max-age=60");
        har.entry("https://cdn.test:8443/logo.png", 200, "image/png", 300, 40, 5).put("pageref", "p");
        har.entry("https://shop.test/old", 301, "text/html", 0, 50, 1).put("pageref", "p")
                .withObjectProperty("response").put("redirectURL", "/new");
        return har.har;
    }
}
