package io.muxbench.driver;

import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Scenarios built in tests, and a bounded wait for what happens on another thread. */
public final class TestScenarios {

    private TestScenarios() {
    }

    /** A copy of the scenario whose resources below the document each have this server think time. */
    public static Scenario withChildThinkTime(Scenario scenario, long thinkTimeMillis) {
        Resource root = scenario.root();
        List<Resource> children = root.children().stream().map(c -> withThinkTime(c, thinkTimeMillis)).toList();
        return new Scenario(scenario.schemaVersion(), scenario.name() + "-slow", scenario.description(),
                scenario.requestHeaders(), copy(root, root.thinkTimeMillis(), children));
    }

    private static Resource withThinkTime(Resource r, long thinkTimeMillis) {
        return copy(r, thinkTimeMillis, r.children().stream().map(c -> withThinkTime(c, thinkTimeMillis)).toList());
    }

    private static Resource copy(Resource r, long thinkTimeMillis, List<Resource> children) {
        return new Resource(r.path(), r.status(), r.contentType(), r.size(), r.headers(), thinkTimeMillis, children, r.host());
    }

    /** A document and {@code count} leaves {@code /r/<i>.bin} of {@code size} bytes each, all with this think time. */
    public static Scenario flat(String name, int count, long size, long thinkTimeMillis) {
        List<Resource> leaves = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(new Resource("/r/" + i + ".bin", 200, "application/octet-stream", size, Map.of(),
                    thinkTimeMillis, List.of(), null));
        }
        Resource root = new Resource("/", 200, "text/html; charset=utf-8", 2_000, Map.of(), 0, leaves, null);
        return new Scenario(Scenario.SCHEMA_VERSION, name, "built in a test", null, root);
    }

    /** Waits until the condition holds, failing with {@code what} after {@code timeout}; polls, never sleeps blindly. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(5); // polling interval of a bounded wait
        }
    }
}
