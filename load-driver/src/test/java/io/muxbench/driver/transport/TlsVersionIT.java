package io.muxbench.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.origin.Origin;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.source.ScenarioSources;
import io.muxbench.vocabulary.TlsVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --tls}: each TCP client negotiates the version it is held to with the embedded origin, which
 * accepts both (TLS 1.2 with an ECDHE AES-GCM suite), and TLS 1.3 when held to none.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsVersionIT {

    private static Origin origin;
    private static Scenario page;

    @BeforeAll
    static void startOrigin() throws Exception {
        origin = Origin.start(Origin.Options.defaults());
        page = ScenarioSources.resolve("synthetic:20x2kb");
        origin.serve(page);
    }

    @AfterAll
    static void stopOrigin() throws Exception {
        origin.close();
    }

    static Stream<Arguments> modesAndVersions() {
        List<Arguments> list = new ArrayList<>();
        for (Mode mode : List.of(BuiltInMode.H1, BuiltInMode.H1_PIPELINED, BuiltInMode.H2)) {
            list.add(Arguments.of(mode, null, "TLSv1.3"));
            list.add(Arguments.of(mode, TlsVersion.V1_2, "TLSv1.2"));
            list.add(Arguments.of(mode, TlsVersion.V1_3, "TLSv1.3"));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} --tls {1}")
    @MethodSource("modesAndVersions")
    void negotiatesTheVersionItIsHeldTo(Mode mode, TlsVersion version, String expected) throws Exception {
        ClientEnvironment.Options options = ClientEnvironment.Options.defaults(origin.tlsUri(),
                origin.certificate().trustStore()).withTlsVersion(version);
        origin.resetStats();
        try (ClientEnvironment environment = new ClientEnvironment(options);
             BrowserClient client = mode.newClient(environment, 0)) {
            List<Exchange> exchanges = new ArrayList<>(Batches.sendAndWait(client, List.of(page.root())));
            exchanges.addAll(Batches.sendAndWait(client, page.root().children()));

            for (Exchange e : exchanges) {
                assertFalse(e.failed(), e.resource.path() + ": " + e.failure + " " + e.failureDetail);
                assertEquals(e.resource.size(), e.bodyBytesReceived, e.resource.path());
            }
            assertEquals(21, origin.stats().requestsReceived());
            BrowserClient.Negotiated negotiated = client.negotiated();
            assertEquals(expected, negotiated.tlsProtocol());
            assertEquals(mode.alpn(), negotiated.alpn());
            if (version == TlsVersion.V1_2) {
                assertTrue(negotiated.cipherSuite().matches("TLS_ECDHE_(RSA|ECDSA)_WITH_AES_(128|256)_GCM_SHA(256|384)"),
                        negotiated.cipherSuite());
            }
        }
    }
}
