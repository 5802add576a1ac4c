package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.cli.CliRun;
import io.muxbench.driver.TestScenarios;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.mode.Mode;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.vocabulary.Reuse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compare on real runs, not synthetic histograms: an origin that adds 30 ms of think time to every
 * response is a regression, named by cell, against the same page answered at once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CompareRunsIT {

    @TempDir
    Path dir;

    private static RunConfig config() {
        return RunConfig.builder().warmupBudget(Duration.ZERO).scenarios(List.of("page")).modes(List.of(BuiltInMode.H1, BuiltInMode.H2))
                .links(List.of("none")).reuse(List.of(Reuse.WARM)).tls(true).browsers(1)
                .pageLoads(20).warmupPageLoads(2).rounds(2).samplesPerCell(1)
                .pageLoadTimeout(Duration.ofSeconds(30)).keyType(KeyType.ECDSA)
                .build();
    }

    /** The same page, with {@code thinkMillis} added to every response. */
    private static Scenario slower(Scenario page, long thinkMillis) {
        return new Scenario(page.schemaVersion(), page.name(), page.description(), page.requestHeaders(),
                slower(page.root(), thinkMillis));
    }

    private static Resource slower(Resource r, long thinkMillis) {
        List<Resource> children = new ArrayList<>();
        for (Resource child : r.children()) {
            children.add(slower(child, thinkMillis));
        }
        return new Resource(r.path(), r.status(), r.contentType(), r.size(), r.headers(),
                r.thinkTimeMillis() + thinkMillis, children, r.host());
    }

    @Test
    void thirtyMillisecondsOfServerThinkTimeIsARegressionNamedByCell() throws Exception {
        Scenario page = TestScenarios.flat("page", 8, 2_000, 0);
        Path baseline = dir.resolve("baseline");
        Path current = dir.resolve("current");
        new Runner(config(), List.of(page), baseline, ProgressListener.NONE).run();
        new Runner(config(), List.of(slower(page, 30)), current, ProgressListener.NONE).run();

        CliRun compare = CliRun.of("compare", baseline.toString(), current.toString());

        assertEquals(1, compare.exitCode(), compare.out());
        String table = compare.out();
        assertTrue(table.contains("h1") && table.contains("h2"), table);
        assertTrue(table.toLowerCase(java.util.Locale.ROOT).contains("regression"), table);
    }
}
