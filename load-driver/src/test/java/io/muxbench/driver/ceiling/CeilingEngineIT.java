package io.muxbench.driver.ceiling;

import io.muxbench.results.Ceiling;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.source.ScenarioSources;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ceiling's engine, briefly, against the embedded origin (a child {@code muxbench serve}) over h1
 * and h2. h2load is a stand-in script that prints a captured h2load 1.52 summary and keeps its
 * arguments, so CI needs neither h2load nor nginx. Nothing here asserts a time or a rate's size.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@EnabledOnOs(OS.LINUX)
class CeilingEngineIT {

    @TempDir
    Path dir;

    @Test
    void measuresEveryModeWithItsConnectionsStreamsAndCostsAndRunsH2loadWithTheSame() throws Exception {
        Path sample = dir.resolve("h2load.txt");
        Files.writeString(sample, H2loadTest.sample("h2load-1.52-h2.txt"));
        Path arguments = dir.resolve("arguments.txt");
        Path h2load = dir.resolve("h2load");
        Files.writeString(h2load, "#!/bin/sh\necho \"$@\" >> '" + arguments + "'\ncat '" + sample + "'\n");
        Files.setPosixFilePermissions(h2load, PosixFilePermissions.fromString("rwx------"));
        Scenario scenario = ScenarioSources.resolve("image-grid",
                io.muxbench.scenario.har.HarImporter.Options.defaults());
        CeilingConfig config = new CeilingConfig(List.of(Mode.of("h1"), Mode.of("h2")), "image-grid", null, false, null,
                true, 1, Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(30),
                6, 1, 128, 128, KeyType.RSA, h2load);

        Ceiling ceiling = new CeilingEngine(config, scenario, line -> { }).measure();

        assertEquals("embedded", ceiling.origin());
        assertTrue(ceiling.target().startsWith("https://127.0.0.1:"), ceiling.target());
        assertEquals(101, ceiling.requestsPerPageLoad());
        assertEquals(List.of("h1", "h2"), ceiling.modes().stream().map(Ceiling.ModeCeiling::mode).toList());
        Ceiling.ModeCeiling h1 = ceiling.modes().get(0);
        Ceiling.ModeCeiling h2 = ceiling.modes().get(1);
        assertEquals(List.of(6, 1), List.of(h1.connections(), h1.streamsPerConnection()));
        assertEquals(List.of(1, 128), List.of(h2.connections(), h2.streamsPerConnection()));
        for (Ceiling.ModeCeiling row : ceiling.modes()) {
            assertEquals(1, row.browsers());
            assertEquals(0, row.failedPageLoads(), row.mode());
            assertTrue(row.pageLoadsPerSecond() > 0, row.mode() + " completed page loads");
            // Every page load completed whole: requests are exactly 101 per page load.
            assertEquals(101, row.requestsPerSecond() / row.pageLoadsPerSecond(), 1e-6, row.mode());
            assertTrue(row.driverMicrosPerRequest() > 0, row.mode() + " driver CPU counted");
            assertNotNull(row.originMicrosPerRequest(), row.mode() + " origin CPU read from /proc");
            assertTrue(row.heapAfterGcBytes() > 0, row.mode());
            assertNotNull(row.heapAtStartBytes(), row.mode() + " heap read at the start of the measured window");
            assertTrue(row.heapAtStartBytes() > 0, row.mode());
            assertTrue(row.warmupSeconds() > 0, row.mode());
            assertNotNull(row.h2load(), row.mode());
            assertEquals(98102.92, row.h2load().requestsPerSecond(), row.mode() + " read from h2load's summary");
            assertEquals(row.connections(), row.h2load().connections());
            assertEquals(row.streamsPerConnection(), row.h2load().streams());
        }
        List<String> calls = Files.readAllLines(arguments);
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).startsWith("-D 1 -c 6 -m 1 --h1 " + ceiling.target() + " "), calls.get(0));
        assertTrue(calls.get(1).startsWith("-D 1 -c 1 -m 128 " + ceiling.target() + " "), calls.get(1));
        assertEquals(1 + 5 + 101, calls.get(1).split(" ").length, "every resource's URL once");

        StringWriter table = new StringWriter();
        CeilingTable.print(ceiling, new PrintWriter(table));
        List<String> lines = table.toString().lines().toList();
        assertEquals(2, lines.stream().filter(l -> l.startsWith("h1 ")).count(), table.toString());
        assertEquals(2, lines.stream().filter(l -> l.startsWith("h2 ")).count(), table.toString());
        assertTrue(table.toString().contains("req/s vs h2load"), table.toString());

        Path json = dir.resolve("ceiling.json");
        CeilingTable.write(ceiling, json);
        assertEquals(ceiling, CeilingTable.read(json));
    }
}
