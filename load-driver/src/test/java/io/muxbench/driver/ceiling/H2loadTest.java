package io.muxbench.driver.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** h2load's summary, read from outputs captured from h2load 1.52 against nginx. */
class H2loadTest {

    static String sample(String name) throws IOException {
        try (InputStream in = H2loadTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsRequestsPerSecondAndCountsOfACountedH2Run() throws IOException {
        H2load.Report report = H2load.parse(sample("h2load-1.52-h2.txt"));
        assertEquals(new H2load.Report(1.03, 98102.92, 101_000, 101_000, 0), report);
    }

    @Test
    void readsAnH1Run() throws IOException {
        H2load.Report report = H2load.parse(sample("h2load-1.52-h1.txt"));
        assertEquals(77473.53, report.requestsPerSecond());
        assertEquals(101_000, report.done());
    }

    @Test
    void readsATimedRunWhereStartedAndDoneDiffer() throws IOException {
        H2load.Report report = H2load.parse(sample("h2load-1.52-h2-duration.txt"));
        assertEquals(new H2load.Report(2.00, 24452.00, 48_904, 48_904, 0), report);
    }

    @Test
    void readsMillisecondsAndFailures() {
        String output = "finished in 850.12ms, 1200.50 req/s, 2.00MB/s\n"
                + "requests: 1000 total, 1000 started, 1000 done, 990 succeeded, 7 failed, 3 errored, 0 timeout\n";
        assertEquals(new H2load.Report(0.85012, 1200.50, 1000, 990, 10), H2load.parse(output));
    }

    @Test
    void anOutputWithoutSummaryNamesItsLastLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> H2load.parse("starting benchmark...\nNo protocol negotiated. Aborted.\n"));
        assertEquals("h2load printed no summary: No protocol negotiated. Aborted.", e.getMessage());
    }

    @Test
    void asksForHttp11WithItsConnectionsAndTheDurationInSeconds() {
        List<String> args = H2load.arguments(Path.of("/usr/bin/h2load"), true, 24, 1, Duration.ofSeconds(5),
                List.of("https://127.0.0.1:1/", "https://127.0.0.1:1/a"));
        assertEquals(List.of("/usr/bin/h2load", "-D", "5", "-c", "24", "-m", "1", "--h1", "https://127.0.0.1:1/",
                "https://127.0.0.1:1/a"), args);
        assertTrue(H2load.arguments(Path.of("h2load"), false, 1, 128, Duration.ofMillis(300), List.of("u"))
                .containsAll(List.of("-D", "1", "-m", "128")));
    }
}
