package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.Ceiling;
import io.muxbench.driver.ceiling.CeilingTable;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code muxbench ceiling} as a user meets it: its table and JSON, and one line for each mistake. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CeilingCommandIT {

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs(OS.LINUX)
    void printsATableAndWritesItsJsonWithoutH2load() throws Exception {
        Path json = dir.resolve("ceiling.json");
        CliRun run = CliRun.of("ceiling", "-m", "h2", "-b", "1", "-d", "300ms", "--warmup-budget", "200ms",
                "--warmup-window", "100ms", "--no-h2load", "-q", "-o", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Ceiling of image-grid (101 requests per page load) on https://127.0.0.1:"),
                run.out());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("h2 ")).count(), run.out());
        assertTrue(lines.contains("h2load: not on PATH, no reference figures (install nghttp2-client)"), run.out());
        Ceiling ceiling = CeilingTable.read(json);
        assertEquals("h2", ceiling.modes().get(0).mode());
        assertEquals(null, ceiling.h2load());
    }

    @Test
    void aTargetOffLoopbackIsRefusedInOneLine() {
        assertOneLine(CliRun.of("ceiling", "--target", "https://192.0.2.1/"), 2,
                "muxbench: --target 192.0.2.1 is not a loopback address");
    }

    @Test
    void anUnreachableTargetEndsInOneLine() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CliRun run = CliRun.of("ceiling", "-m", "h1", "--no-h2load", "-q", "--target", "http://127.0.0.1:" + port + "/");
        assertOneLine(run, 1, "muxbench: cannot load http://127.0.0.1:" + port + "/ over h1: /: refused");
    }

    @Test
    void badFlagsAreRefusedInOneLine() {
        assertOneLine(CliRun.of("ceiling", "-b", "0"), 2, "muxbench: browsers must be 1..100, got 0");
        assertOneLine(CliRun.of("ceiling", "-m", "h4"), 2, "muxbench: unknown mode 'h4'");
        assertOneLine(CliRun.of("ceiling", "-m", "h2,h3"), 2,
                "muxbench: the ceiling cannot measure h3 (h2load cannot speak HTTP/3)");
        assertOneLine(CliRun.of("ceiling", "--insecure"), 2, "muxbench: insecure only applies with a target");
        assertOneLine(CliRun.of("ceiling", "--h2load", dir.resolve("none").toString()), 2, "muxbench: --h2load ");
    }

    private static void assertOneLine(CliRun run, int exitCode, String start) {
        assertEquals(exitCode, run.exitCode(), run.err());
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).startsWith(start), lines.get(0));
    }
}
