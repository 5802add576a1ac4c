package io.muxbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Random and mutated scenario documents: the loader either gives a scenario that keeps every rule of
 * the format, or refuses with one plain line; never another exception, never a hang. Jazzer builds
 * the documents from its input: {@code mvn test} replays the seeds under
 * {@code src/test/resources/io/muxbench/scenario/ScenarioLoaderPropertiesTestInputs/}, the fuzzing
 * executions of {@code mvn verify} search for new ones for {@code maxDuration} each.
 */
public class ScenarioLoaderPropertiesTest {

    static final List<String> FIELDS = List.of("schemaVersion", "name", "description", "requestHeaders", "root", "path",
            "host", "status", "contentType", "size", "thinkTimeMillis", "headers", "children", "x-a", "user-agent");

    private static final Duration LIMIT = Duration.ofSeconds(20);

    @FuzzTest(maxDuration = "8s")
    void randomDocumentsGiveAValidScenarioOrOneLine(FuzzedDataProvider data) {
        RandomJson random = new RandomJson(data, FIELDS);
        boolean versioned = data.consumeBoolean();
        ObjectNode document = random.object(6);
        if (versioned) {
            document.put("schemaVersion", 1).put("name", "t");
        }
        check(() -> random.text(document));
    }

    @FuzzTest(maxDuration = "8s")
    void mutatedScenariosGiveAValidScenarioOrOneLine(FuzzedDataProvider data) throws Exception {
        RandomJson random = new RandomJson(data, FIELDS);
        JsonNode golden = RandomJson.MAPPER.readTree(golden());
        JsonNode mutated = random.mutate(data.consumeBoolean() ? random.mutate(golden) : golden);
        check(() -> random.text(mutated));
    }

    interface Text {
        String get() throws Exception;
    }

    private static void check(Text text) {
        assertTimeoutPreemptively(LIMIT, () -> {
            String json = text.get();
            Scenario scenario;
            try {
                scenario = ScenarioLoader.parse("t.json", json);
            } catch (ScenarioException e) {
                ScenarioRefusalsTest.assertPlainLine(e.getMessage());
                return;
            }
            assertKeepsTheRules(scenario);
        });
    }

    /** What every accepted scenario satisfies, whatever it was read from. */
    public static void assertKeepsTheRules(Scenario scenario) throws ScenarioException {
        assertNull(scenario.root().host());
        assertTrue(scenario.root().depth() <= Resource.MAX_DEPTH);
        scenario.requestHeaders().forEach((name, value) -> {
            assertTrue(HttpFields.isToken(name), name);
            assertTrue(HttpFields.isValidValue(value), value);
        });
        scenario.root().forEach(r -> {
            assertNull(RequestTarget.problem(r.path()), r.path());
            assertTrue(r.host() == null || Authority.problem(r.host()) == null, r.host());
            assertTrue(r.status() >= 200 && r.status() <= 599);
            assertTrue(HttpFields.isValidValue(r.contentType()), r.contentType());
            r.headers().forEach((name, value) -> {
                assertTrue(HttpFields.isToken(name), name);
                assertTrue(HttpFields.isValidValue(value), value);
            });
        });
        assertEquals(scenario, ScenarioLoader.parse("again", ScenarioLoader.toJson(scenario)));
    }

    private static String golden() throws Exception {
        try (InputStream in = ScenarioLoaderPropertiesTest.class.getResourceAsStream("/golden/scenario-v1.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
