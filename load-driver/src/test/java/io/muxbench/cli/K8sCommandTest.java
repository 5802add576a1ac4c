package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code muxbench k8s}: the YAML it prints is sealed by the golden file {@code k8s/job.yaml}, for the
 * flags in {@link #GOLDEN_FLAGS} and the scenario file {@code k8s/shop.json}. After a deliberate change,
 * rewrite it with {@code -Dmuxbench.updateGolden=true} (run from load-driver's folder, e.g.
 * {@code mvn -B -o -pl load-driver -am verify -Dfuzz.skip -Dtest=K8sCommandTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false -Dmuxbench.updateGolden=true}) and read the difference.
 */
class K8sCommandTest {

    private static final Path GOLDEN = Path.of("src/test/resources/io/muxbench/cli/k8s/job.yaml");

    /** Every flag that changes the objects, apart from those of the claim (see below). */
    static final List<String> GOLDEN_FLAGS = List.of("k8s", "--name", "h2-vs-h1", "--namespace", "bench",
            "--image", "registry.example/muxbench:0.1.0", "--shards", "3", "--start-at", "2026-12-01T10:00:00Z",
            "--target", "https://shop.bench.svc:8443", "-s", "blog", "-m", "h1,h2", "--reuse", "warm",
            "-b", "30", "-n", "3000", "--rate", "25", "--rounds", "2", "--insecure",
            "--cpu", "2", "--memory", "3Gi", "--storage", "5Gi", "--storage-class", "nfs");

    @TempDir
    Path dir;

    /** The golden flags, with the scenario file copied where the test can name it. */
    static List<String> goldenFlags(Path dir) throws IOException {
        Path shop = dir.resolve("shop.json");
        try (InputStream in = K8sCommandTest.class.getResourceAsStream("k8s/shop.json")) {
            Files.write(shop, in.readAllBytes());
        }
        List<String> flags = new ArrayList<>(GOLDEN_FLAGS);
        flags.addAll(List.of("-s", shop.toString()));
        return flags;
    }

    @Test
    void printsExactlyTheGoldenObjects() throws Exception {
        CliRun run = CliRun.of(goldenFlags(dir).toArray(String[]::new));
        assertEquals("", run.err());
        assertEquals(0, run.exitCode());
        if (Boolean.getBoolean("muxbench.updateGolden")) {
            Files.writeString(GOLDEN, run.out(), StandardCharsets.UTF_8);
        }
        try (InputStream in = K8sCommandTest.class.getResourceAsStream("k8s/job.yaml")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), run.out());
        }
    }

    @Test
    void theSameFlagsPrintTheSameBytes() throws Exception {
        List<String> flags = goldenFlags(dir);
        assertEquals(CliRun.of(flags.toArray(String[]::new)).out(), CliRun.of(flags.toArray(String[]::new)).out());
    }

    @Test
    void bundledScenariosAndAnExistingClaimNeedNeitherConfigMapNorNewClaim() {
        CliRun run = CliRun.of("k8s", "--shards", "2", "--start-at", "2026-12-01T10:00:00Z",
                "--target", "http://web:8080", "--claim", "shared-results");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.out().contains("kind: \"ConfigMap\""), run.out());
        assertFalse(run.out().contains("kind: \"PersistentVolumeClaim\""), run.out());
        assertTrue(run.out().contains("claimName: \"shared-results\""), run.out());
        assertTrue(run.out().contains("- \"none\""), "the link defaults to none: " + run.out());
        assertTrue(run.out().contains("image: \"" + K8sCommand.DEFAULT_IMAGE + "\""), run.out());
    }

    @Test
    void mistakesEndInOneLineAndExitTwo() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"schemaVersion\": 1, \"name\": ");
        List<List<String>> mistakes = List.of(
                List.of("--shards", "2", "--start-at", "2026-12-01T10:00:00Z"),                         // no --target
                List.of("--shards", "0", "--target", "http://web:8080"),
                List.of("--shards", "2", "--target", "ftp://web"),
                List.of("--shards", "2", "--target", "http://web:8080", "--start-at", "tomorrow"),
                List.of("--shards", "2", "--target", "http://web:8080", "--name", "Bench_1"),
                List.of("--shards", "2", "--target", "http://web:8080", "--memory", "lots"),
                List.of("--shards", "2", "--target", "http://web:8080", "-m", "h4"),
                List.of("--shards", "2", "--target", "http://web:8080", "-l", "cable"),
                List.of("--shards", "2", "--target", "http://web:8080", "--reuse", "tepid"),
                List.of("--shards", "2", "--target", "http://web:8080", "-s", bad.toString()),
                List.of("--shards", "2", "--target", "http://web:8080", "-s", dir.resolve("absent.json").toString()),
                List.of("--shards", "2", "--target", "http://web:8080", "-n", "0"));
        for (List<String> flags : mistakes) {
            List<String> args = new ArrayList<>(List.of("k8s"));
            args.addAll(flags);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), flags + ": " + run.err());
            assertEquals("", run.out(), flags.toString());
            assertTrue(run.err().startsWith("muxbench: "), flags + ": " + run.err());
            assertEquals(1, run.err().lines().filter(line -> line.startsWith("muxbench:")).count(), run.err());
        }
    }

    @Test
    void anEmulatedLinkIsAllowedWhenTheTargetIsOnThePodsLoopback() {
        for (String target : List.of("http://localhost:8080", "http://127.0.0.1:8080", "https://[::1]:8443")) {
            CliRun run = CliRun.of("k8s", "--shards", "2", "--start-at", "2026-12-01T10:00:00Z", "--target", target,
                    "-l", "cable");
            assertEquals(0, run.exitCode(), target + ": " + run.err());
        }
        assertFalse(K8sCommand.isLoopbackLiteral("web.bench.svc"), "a name is never looked up");
    }
}
