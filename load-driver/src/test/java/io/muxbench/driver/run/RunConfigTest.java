package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.mode.Mode;
import io.muxbench.vocabulary.Reuse;
import com.fasterxml.jackson.databind.JsonNode;
import io.muxbench.results.ResultsFormat;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.TlsVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunConfigTest {

    private static RunConfig withDurations(Duration thinkTime, Duration timeout) {
        return RunConfig.builder().scenarios(List.of("image-grid")).modes(List.of(BuiltInMode.H2))
                .links(List.of("lan")).reuse(List.of(Reuse.COLD)).tls(true).browsers(1)
                .thinkTime(thinkTime).pageLoads(1).warmupPageLoads(0).rounds(1)
                .samplesPerCell(1).pageLoadTimeout(timeout).keyType(KeyType.RSA)
                .build();
    }

    @Test
    void durationsLongerThanADayAreRefusedBeforeTheyCanOverflow() {
        Duration huge = Duration.parse("PT9999999999999H");
        assertEquals("think time must be at most 24h, got 9999999999999h",
                assertThrows(IllegalArgumentException.class, () -> withDurations(huge, Duration.ofSeconds(1))).getMessage());
        assertEquals("page-load timeout must be at most 24h, got 25h",
                assertThrows(IllegalArgumentException.class, () -> withDurations(Duration.ZERO, Duration.ofHours(25)))
                        .getMessage());
        withDurations(RunConfig.MAX_DURATION, RunConfig.MAX_DURATION).toConfiguration(null); // a day is fine, and fits run.json
    }

    @Test
    void flagsOverrideTheSuiteAndTheSuiteOverridesTheDefaults() {
        RunConfig config = Suite.CI.applyTo(RunConfig.builder()).pageLoads(3).build();

        assertEquals(3, config.measurement().pageLoads(), "the flag");
        assertEquals(List.of("image-grid", "hol-blocking"), config.scenarios(), "the suite");
        assertEquals(2, config.measurement().rounds(), "the suite");
        assertEquals(Duration.ofSeconds(RunDefaults.PAGE_LOAD_TIMEOUT_SECONDS), config.pageLoadTimeout(), "the default");
        assertEquals(Mode.runnable(true), config.modes(), "the default");
    }

    @Test
    void aTlsVersionOf12LeavesH3OutOfTheDefaultsRefusesItByNameAndGoesIntoRunJson() {
        RunConfig config = RunConfig.builder().tlsVersion(TlsVersion.V1_2).build();
        assertEquals(Mode.runnable(true).stream().filter(m -> m != BuiltInMode.H3).toList(), config.modes());
        assertEquals(TlsVersion.V1_2, config.client().tlsVersion());
        assertEquals(TlsVersion.V1_2, config.toConfiguration(null).tlsVersion());
        assertEquals(TlsVersion.V1_2, config.client().options(java.net.URI.create("https://127.0.0.1:1"), null, null)
                .tlsVersion());
        assertEquals(Mode.runnable(true), RunConfig.builder().tlsVersion(TlsVersion.V1_3).build().modes());
        assertEquals("h3 is QUIC, always TLS 1.3: it cannot be held to TLS 1.2 (--tls 1.2)",
                assertThrows(IllegalArgumentException.class, () -> RunConfig.builder().tlsVersion(TlsVersion.V1_2)
                        .modes(List.of(BuiltInMode.H2, BuiltInMode.H3)).build()).getMessage());
        assertEquals("TLS version 1.2 given for a cleartext run", assertThrows(IllegalArgumentException.class,
                () -> RunConfig.builder().tls(false).tlsVersion(TlsVersion.V1_2).build()).getMessage());
    }

    @Test
    void withoutATlsVersionRunJsonHasNone() {
        RunConfig config = RunConfig.defaults();
        assertEquals(null, config.client().tlsVersion());
        assertFalse(ResultsFormat.MAPPER.valueToTree(config.toConfiguration(null)).has("tlsVersion"));
    }

    @Test
    void theDefaultModesInCleartextLeaveOutH3AndAnExplicitH3IsRefused() {
        assertEquals(List.of(BuiltInMode.H1, BuiltInMode.H1_PIPELINED, BuiltInMode.H2),
                RunConfig.builder().tls(false).build().modes());
        assertEquals("h3 needs TLS (QUIC has no cleartext form)", assertThrows(IllegalArgumentException.class,
                () -> RunConfig.builder().tls(false).modes(List.of(BuiltInMode.H2, BuiltInMode.H3)).build()).getMessage());
    }

    @Test
    void aRateMakesOpenLoadWithTheBrowsersAsTheMostInFlightAndNoRateClosedLoad() {
        assertEquals(new LoadModel.Closed(2, Duration.ofMillis(5)),
                RunConfig.builder().browsers(2).thinkTime(Duration.ofMillis(5)).build().load());
        assertEquals(new LoadModel.Open(20, 4), RunConfig.builder().browsers(4).ratePerSecond(20).build().load());
        assertEquals("rate must be between 0 and 10000 page loads per second, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> RunConfig.builder().ratePerSecond(-1).build())
                        .getMessage());
    }

    @Test
    void runJsonGetsTheFieldsInTheOrderAndUnitsItAlwaysHad() throws Exception {
        RunConfig config = RunConfig.builder().links(List.of("none", "cable")).ratePerSecond(2.5)
                .modes(List.of(BuiltInMode.H1, BuiltInMode.H1_PIPELINED, BuiltInMode.H2)).pageLoadTimeout(Duration.ofSeconds(7)).build();
        JsonNode json = ResultsFormat.MAPPER.valueToTree(config.toConfiguration(ClientKind.CHROMIUM));

        List<String> fields = new ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("scenarios", "modes", "links", "linkProfiles", "reuse", "tls", "load", "browsers",
                "ratePerSecond", "thinkTimeMs", "pageLoads", "warmupPageLoads", "rounds", "samplesPerCell",
                "pageLoadTimeoutMs", "target", "certificateVerified", "h1Connections", "pipelineConnections",
                "pipelineDepth", "maxConcurrentStreams", "keyType", "seed", "browser"), fields);
        assertEquals("[\"h1\",\"h1-pipelined\",\"h2\"]", json.get("modes").toString());
        assertEquals("[\"cold\",\"warm\"]", json.get("reuse").toString());
        assertEquals(1, json.get("linkProfiles").size(), "none has no profile");
        assertEquals("cable", json.get("linkProfiles").get(0).get("name").asText());
        assertEquals("open", json.get("load").asText());
        assertEquals(2.5, json.get("ratePerSecond").asDouble());
        assertEquals(7000, json.get("pageLoadTimeoutMs").asLong());
        assertEquals("embedded", json.get("target").asText());
        assertEquals("RSA", json.get("keyType").asText());
        assertEquals("chromium", json.get("browser").asText());
    }
}
