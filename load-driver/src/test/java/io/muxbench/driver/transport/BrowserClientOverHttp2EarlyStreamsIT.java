package io.muxbench.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.tls.SelfSignedCertificate;
import io.muxbench.scenario.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The h2 client begins its streams right after the TLS handshake, as a browser does, before the
 * server's SETTINGS say how many it takes; the streams the server then refuses for being beyond
 * its limit are retried and succeed, and later ones keep to the limit. Against a scripted server
 * that sends nothing until the client's first HEADERS arrived, so that the order is certain.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BrowserClientOverHttp2EarlyStreamsIT {

    private static SelfSignedCertificate certificate;

    private HeldSettingsHttp2Server server;
    private ClientEnvironment environment;
    private BrowserClient client;

    @BeforeAll
    static void generateCertificate() {
        certificate = SelfSignedCertificate.generate(KeyType.RSA);
    }

    private void start(int heldFor, int limit) throws Exception {
        server = new HeldSettingsHttp2Server(certificate, heldFor, limit);
        environment = new ClientEnvironment(ClientEnvironment.Options.defaults(server.uri(), certificate.trustStore()));
        client = BrowserClients.http2(environment, 0);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        environment.close();
        server.close();
        assertNull(server.failure(), "the scripted server failed");
    }

    @Test
    void sendsItsFirstRequestBeforeTheServersSettings() throws Exception {
        start(1, 100);

        Exchange root = Batches.sendAndWait(client, List.of(Resource.leaf("/", "text/html", 0))).get(0);

        assertFalse(root.failed(), root.failureDetail);
        assertEquals(200, root.status);
        assertEquals(1, server.headersBeforeSettings(), "the server held its SETTINGS until the request came");
        assertEquals(100, client.negotiated().maxInFlightPerConnection());
    }

    @Test
    void retriesTheStreamsRefusedBeyondALimitLearntLateAndThenKeepsToIt() throws Exception {
        int batchSize = 6;
        int limit = 2;
        start(batchSize, limit);
        List<Resource> images = new ArrayList<>();
        for (int i = 0; i < batchSize; i++) {
            images.add(Resource.leaf("/" + i + ".png", "image/png", 0));
        }

        List<Exchange> first = Batches.sendAndWait(client, images);

        assertEquals(batchSize, server.headersBeforeSettings(), "the whole batch went out before the SETTINGS");
        assertEquals(batchSize - limit, server.refused());
        for (int i = 0; i < batchSize; i++) {
            Exchange exchange = first.get(i);
            assertFalse(exchange.failed(), exchange.resource.path() + ": " + exchange.failureDetail);
            assertEquals(200, exchange.status, exchange.resource.path());
            // The first attempts took streams 1, 3, ... 11: a refused request ends on a later one.
            assertTrue(i < limit ? exchange.streamId == 2 * i + 1 : exchange.streamId > 2 * batchSize - 1,
                    exchange.resource.path() + " on stream " + exchange.streamId);
        }
        Batches.assertKeptToTheLimit(first, limit);

        List<Exchange> second = Batches.sendAndWait(client, images);
        second.forEach(e -> assertFalse(e.failed(), e.resource.path() + ": " + e.failureDetail));
        Batches.assertKeptToTheLimit(second, limit);
        assertEquals(batchSize - limit, server.refused(), "no stream refused once the limit was known");
        assertEquals(0, server.overLimit());
        assertEquals(1, client.connectionsOpened());
        assertEquals(limit, client.negotiated().maxInFlightPerConnection());
    }
}
