package io.muxbench.scenario.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.muxbench.scenario.Authority;
import io.muxbench.scenario.RequestTarget;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What hostile HARs once did (deep chains, credentials in URLs, odd statuses, clashing paths, big headers), and what every import must give: a scenario the loader reads back. */
class HarHardeningTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void importsTwentyThousandImagesWithoutRescanningEarlierEntries() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 1000, 0, 10);
        har.entry("https://shop.test/site.css", 200, "text/css", 1000, 10, 10);
        for (int i = 0; i < 20_000; i++) {
            har.entry("https://img.test/" + i + ".png", 200, "image/png", 100, 30 + i, 1);
        }
        HarImport imported = HarImporter.importHar(har.write(dir, "images.har"), HarImporter.Options.defaults());
        assertEquals(20_002, imported.scenario().root().count());
        assertEquals(20_000, imported.scenario().root().children().get(0).children().size(), "images under the stylesheet");
    }

    @Test
    void deepInitiatorChainsAreCappedSoTheScenarioReadsBack() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 1000, 0, 10);
        for (int i = 0; i < 5000; i++) {
            har.entry("https://shop.test/s" + i + ".js", 200, "text/javascript", 10, 10 + i, 1)
                    .put("_initiator", i == 0 ? "https://shop.test/" : "https://shop.test/s" + (i - 1) + ".js");
        }
        Scenario scenario = HarImporter.importHar(har.write(dir, "deep.har"), HarImporter.Options.defaults()).scenario();
        assertEquals(5001, scenario.root().count());
        assertEquals(Resource.MAX_DEPTH, scenario.root().depth());
        assertEquals(scenario, ScenarioLoader.parse("deep", ScenarioLoader.toJson(scenario)));
    }

    @Test
    void urlCredentialsNeverReachTheScenario() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("http://user:pw@h.example:8080/", 200, "text/html", 10, 0, 1);
        har.entry("http://user:pw@h.example:8080/a.js", 200, "text/javascript", 10, 1, 1)
                .put("_initiator", "http://user:pw@h.example:8080/");
        HarImport imported = HarImporter.importHar(har.write(dir, "creds.har"), HarImporter.Options.defaults().withKeepHosts(true));
        assertFalse(imported.summary().contains("user") || imported.summary().contains("pw@"), imported.summary());
        assertFalse(ScenarioLoader.toJson(imported.scenario()).contains("pw@"));
        assertTrue(imported.summary().contains("'http://h.example:8080/'"), imported.summary());
        assertEquals("/a.js", imported.scenario().root().children().get(0).path());
    }

    @Test
    void oddStatusesAndMissingResponsesAreUnusableNotUpgradesOrCached() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 10, 0, 1);
        har.entry("https://shop.test/42", 42, "text/plain", 1, 1, 1);
        har.entry("https://shop.test/99", 99, "text/plain", 1, 2, 1);
        har.entry("https://shop.test/ws", 101, "", 0, 3, 1);
        har.entry("https://shop.test/none", 200, "", 0, 4, 1).remove("response");
        HarImport imported = HarImporter.importHar(har.write(dir, "statuses.har"), HarImporter.Options.defaults());
        assertEquals(Map.of(SkipReason.INVALID, 3, SkipReason.INFORMATIONAL, 1), imported.counts().skipped());
    }

    @Test
    void keptHostsAreValidAuthoritiesNamedTheSameEveryTime() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 10, 0, 1);
        List<String> recorded = List.of("http://93.184.216.34/a", "http://93.184.216.34:8080/b", "http://[::1]:99/c",
                "http://H.Example:99999/d", "https://CDN.Test:8443/e", "http://localhost/f", "http://a_b.test/g");
        for (int i = 0; i < recorded.size(); i++) {
            har.entry(recorded.get(i), 200, "text/plain", 1, 1 + i, 1);
        }
        Path file = har.write(dir, "hosts.har");
        Scenario kept = HarImporter.importHar(file, HarImporter.Options.defaults().withKeepHosts(true)).scenario();
        List<String> hosts = kept.root().children().stream().map(Resource::host).toList();
        assertEquals("ip-93-184-216-34.invalid", hosts.get(0));
        assertEquals("ip-93-184-216-34.invalid:8080", hosts.get(1));
        assertEquals("cdn.test:8443", hosts.get(4));
        for (String host : hosts) {
            assertNull(Authority.problem(host), host);
        }
        assertEquals(hosts, HarImporter.importHar(file, HarImporter.Options.defaults().withKeepHosts(true)).scenario()
                .root().children().stream().map(Resource::host).toList());
        assertEquals(kept, ScenarioLoader.parse("hosts", ScenarioLoader.toJson(kept)));
    }

    @Test
    void importedPathsAreAlwaysOriginForm() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 10, 0, 1);
        List<String> urls = List.of("https://shop.test/a/../b", "https://shop.test/%2e%2e/x", "https://shop.test/a%2Fb?q=%2F",
                "https://shop.test/a\\b", "https://shop.test/a|b", "https://shop.test/caf\u00e9", "https://shop.test//x//y",
                "https://shop.test/./.;x/..;y/z", "https://shop.test/100%", "https://other.test/a/../b");
        for (int i = 0; i < urls.size(); i++) {
            har.entry(urls.get(i), 200, "text/plain", 1, 1 + i, 1);
        }
        Path file = har.write(dir, "paths.har");
        for (boolean keepHosts : new boolean[]{false, true}) {
            Scenario scenario = HarImporter.importHar(file, HarImporter.Options.defaults().withKeepHosts(keepHosts)).scenario();
            scenario.root().forEach(r -> assertNull(RequestTarget.problem(r.path()), r.path()));
            assertEquals(scenario, ScenarioLoader.parse("paths", ScenarioLoader.toJson(scenario)));
        }
        Map<String, Resource> byPath = HarImporter.importHar(file, HarImporter.Options.defaults()).scenario().byPath();
        assertTrue(byPath.containsKey("/b"), byPath.keySet().toString());
        assertTrue(byPath.containsKey("/a%252Fb?q=%2F"), byPath.keySet().toString());
        assertTrue(byPath.containsKey("/_h/other.test/b"), byPath.keySet().toString());
    }

    @ParameterizedTest
    @CsvSource({"news-nytimes-2015.har, false", "news-nytimes-2015.har, true", "image-heavy-assa-2017.har, false",
            "image-heavy-assa-2017.har, true", "js-app-yahoo-2018.har, false", "js-app-yahoo-2018.har, true"})
    void everyCaptureImportsToAScenarioTheLoaderReadsBack(String file, boolean keepHosts) throws Exception {
        Scenario scenario = HarImporter.importHar(HarImporterTest.capture(file),
                HarImporter.Options.defaults().withKeepHosts(keepHosts)).scenario();
        assertEquals(scenario, ScenarioLoader.parse(file, ScenarioLoader.toJson(scenario)));
        scenario.root().forEach(r -> {
            assertNull(RequestTarget.problem(r.path()), r.path());
            assertTrue(r.host() == null || Authority.problem(r.host()) == null, r.host());
        });
    }

    @Test
    void headerBlocksStayUnderTheCaps() throws Exception {
        HarBuilder har = new HarBuilder();
        ObjectNode doc = har.entry("https://shop.test/", 200, "text/html", 10, 0, 1);
        for (int i = 0; i < 10; i++) {
            HarBuilder.header((ObjectNode) doc.get("response"), "x-" + i, "v".repeat(1000));
            HarBuilder.header((ObjectNode) doc.get("request"), "x-" + i, "v".repeat(1000));
        }
        HarBuilder.header((ObjectNode) doc.get("response"), "x-huge", "v".repeat(10_000));
        HarBuilder.header((ObjectNode) doc.get("request"), "Expect", "100-continue");
        Scenario scenario = HarImporter.importHar(har.write(dir, "big-headers.har"), HarImporter.Options.defaults()).scenario();
        assertEquals(6, scenario.root().headers().size());
        assertEquals(3, scenario.requestHeaders().size());
        assertFalse(scenario.requestHeaders().containsKey("expect"));
    }
}
