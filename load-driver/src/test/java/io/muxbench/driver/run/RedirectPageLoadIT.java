package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.ClientEnvironment;
import io.muxbench.driver.transport.Exchange;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.har.HarImporter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A HAR page whose URL redirects, imported with the defaults, loads as a browser pays it: the 301
 * completes before the document it leads to is asked for, and the 302 before its image. The HAR is
 * the scenarios module's test capture (http://example.test/ 301 to https://www.example.test/, whose
 * /ad.gif 302s to https://cdn.example.test/pixel.gif).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RedirectPageLoadIT {

    private static final Path HAR = Path.of("../scenarios/src/test/resources/har/redirects-example.har");

    private static Origin origin;
    private static Scenario scenario;

    @BeforeAll
    static void start() throws Exception {
        scenario = HarImporter.importHar(HAR, HarImporter.Options.defaults()).scenario();
        origin = Origin.start(Origin.Options.defaults());
        origin.serve(scenario);
    }

    @AfterAll
    static void stop() throws Exception {
        origin.close();
    }

    static Stream<Mode> modes() {
        return Mode.builtIn().stream().filter(mode -> mode.whyUnavailable(true) == null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void eachRedirectCompletesBeforeWhatItLeadsToIsAskedFor(Mode mode) throws Exception {
        PageLoad.Outcome outcome;
        try (ClientEnvironment environment = new ClientEnvironment(ClientEnvironment.Options.defaults(origin.tlsUri(),
                origin.certificate().trustStore()));
             BrowserClient client = mode.newClient(environment, 0)) {
            outcome = new PageLoad(client, scenario).start().get(30, TimeUnit.SECONDS);
        }

        assertFalse(outcome.failed(), "first failure: " + outcome.firstFailure());
        Map<String, Exchange> byPath = new HashMap<>();
        for (Exchange exchange : outcome.exchanges()) {
            byPath.put(exchange.resource.path(), exchange);
        }
        assertEquals(5, byPath.size(), byPath.keySet().toString());
        Exchange root = byPath.get("/");
        Exchange document = byPath.get("/_h/www.example.test/");
        Exchange ad = byPath.get("/ad.gif");
        Exchange pixel = byPath.get("/pixel.gif");
        assertEquals(301, root.status);
        assertEquals(200, document.status);
        assertEquals(302, ad.status);
        assertEquals(200, pixel.status);
        assertEquals(43, pixel.bodyBytesReceived);
        assertTrue(document.startNanos >= root.lastByteNanos, "the document is asked for after the 301's last byte");
        assertTrue(document.sentNanos > root.lastByteNanos, "and sent after it");
        assertTrue(pixel.startNanos >= ad.lastByteNanos, "the image is asked for after the 302's last byte");
        assertTrue(pixel.sentNanos > ad.lastByteNanos, "and sent after it");
    }
}
