package io.muxbench.scenario.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redirects replayed as a browser pays them: {@code redirects-example.har} is a page whose URL
 * http://example.test/ answers 301 to https://www.example.test/, a document with two images, one of
 * them asked for as /ad.gif, which answers 302 to https://cdn.example.test/pixel.gif.
 */
class HarRedirectsTest {

    @TempDir
    Path dir;

    private static HarImport importOf(HarImporter.Options options) throws Exception {
        return HarImporter.importHar(HarImporterTest.capture("redirects-example.har"), options);
    }

    @Test
    void eachRedirectIsAResourceWhoseOneChildIsWhereItLeads() throws Exception {
        HarImport imported = importOf(HarImporter.Options.defaults());
        Resource root = imported.scenario().root();

        assertEquals("/", root.path());
        assertEquals(301, root.status());
        assertEquals(0, root.size());
        assertEquals(Map.of("location", "/_h/www.example.test/", "cache-control", "max-age=3600"), root.headers());
        assertEquals("location", root.headers().keySet().iterator().next(), "the scenario's location comes first");
        assertEquals(1, root.children().size());

        Resource document = root.children().get(0);
        assertEquals("/_h/www.example.test/", document.path(), "the page's URL took / first");
        assertEquals(200, document.status());
        assertEquals(6000, document.size());
        assertEquals(List.of("/logo.png", "/ad.gif"), document.children().stream().map(Resource::path).toList());

        Resource ad = document.children().get(1);
        assertEquals(302, ad.status());
        assertEquals(Map.of("location", "/pixel.gif"), ad.headers());
        assertEquals(1, ad.children().size());
        Resource pixel = ad.children().get(0);
        assertEquals("/pixel.gif", pixel.path());
        assertEquals(200, pixel.status());
        assertEquals(43, pixel.size());
        assertEquals(List.of(), pixel.children());

        assertEquals(5, root.count());
        assertEquals(2, imported.counts().redirects());
        assertEquals(Map.of(), imported.counts().skipped());
        assertEquals("imported 5 of 5 entries of page 0 'http://example.test/' (kept 2 redirects); all 3 hosts mapped"
                + " onto the origin under test (1 paths used by two hosts moved under /_h/<host>)", imported.summary());
        assertTrue(imported.scenario().description().contains("2 of them redirects"), imported.scenario().description());
        assertEquals(imported.scenario(), ScenarioLoader.parse("r", ScenarioLoader.toJson(imported.scenario())));
    }

    @Test
    void withHostsKeptApartALocationOnAnotherHostIsANetworkPathReference() throws Exception {
        Resource root = importOf(HarImporter.Options.defaults().withKeepHosts(true)).scenario().root();

        assertNull(root.host(), "the page's first host is the origin under test");
        assertEquals("//www.example.test/", root.headers().get("location"));
        Resource document = root.children().get(0);
        assertEquals("www.example.test", document.host());
        assertEquals("/", document.path());

        Resource ad = document.children().get(1);
        assertEquals("www.example.test", ad.host());
        assertEquals("//cdn.example.test/pixel.gif", ad.headers().get("location"));
        Resource pixel = ad.children().get(0);
        assertEquals("cdn.example.test", pixel.host());
        assertEquals("/pixel.gif", pixel.path());
    }

    @Test
    void dropRedirectsGivesTheShapeBeforeRedirectsWereReplayed() throws Exception {
        HarImport imported = importOf(HarImporter.Options.defaults().withDropRedirects(true));
        Resource root = imported.scenario().root();

        assertEquals("/", root.path());
        assertEquals(200, root.status());
        assertEquals(6000, root.size());
        assertEquals(List.of("/logo.png", "/pixel.gif"), root.children().stream().map(Resource::path).toList());
        root.forEach(r -> assertTrue(r.status() == 200 && !r.headers().containsKey("location"), r.path()));
        assertEquals(0, imported.counts().redirects());
        assertEquals(Map.of(SkipReason.REDIRECT, 2), imported.counts().skipped());
        assertEquals("imported 3 of 5 entries of page 0 'https://www.example.test/': skipped 2 redirects; all 2 hosts mapped"
                + " onto the origin under test", imported.summary());
    }

    @Test
    void aRedirectWithNothingToLeadToIsSkippedAndCounted() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("https://shop.test/", 200, "text/html", 1000, 0, 10);
        // Its target was never captured.
        har.entry("https://shop.test/gone", 302, "text/html", 0, 5, 1).withObjectProperty("response")
                .put("redirectURL", "https://elsewhere.test/x");
        // The same host and path by another scheme: one origin serves one scheme.
        har.entry("http://shop.test/a.js", 301, "text/html", 0, 6, 1).withObjectProperty("response")
                .put("redirectURL", "https://shop.test/a.js");
        har.entry("https://shop.test/a.js", 200, "text/javascript", 500, 7, 1);

        HarImport imported = HarImporter.importHar(har.write(dir, "dangling.har"), HarImporter.Options.defaults());

        assertEquals(Map.of(SkipReason.REDIRECT_UNFOLLOWED, 2), imported.counts().skipped());
        assertEquals(0, imported.counts().redirects());
        Resource root = imported.scenario().root();
        assertEquals(List.of("/a.js"), root.children().stream().map(Resource::path).toList());
        assertTrue(imported.summary().contains("skipped 2 redirects to nothing replayable"), imported.summary());
    }

    @Test
    void aChainNestsOneRedirectInTheOther() throws Exception {
        HarBuilder har = new HarBuilder();
        har.entry("http://a.test/", 301, "text/html", 0, 0, 1).withObjectProperty("response")
                .put("redirectURL", "https://b.test/");
        har.entry("https://b.test/", 302, "text/html", 0, 2, 1).withObjectProperty("response")
                .put("redirectURL", "/home");
        har.entry("https://b.test/home", 200, "text/html", 800, 4, 5);
        har.entry("https://b.test/app.css", 200, "text/css", 300, 10, 2);

        Scenario scenario = HarImporter.importHar(har.write(dir, "chain.har"), HarImporter.Options.defaults()).scenario();

        Resource a = scenario.root();
        assertEquals(301, a.status());
        Resource b = a.children().get(0);
        assertEquals(302, b.status());
        assertEquals(b.path(), a.headers().get("location"));
        Resource home = b.children().get(0);
        assertEquals("/home", home.path());
        assertEquals("/home", b.headers().get("location"));
        assertEquals(List.of("/app.css"), home.children().stream().map(Resource::path).toList(),
                "what the page loads hangs under the document, not the redirects");
        assertEquals(1, a.children().size());
        assertEquals(1, b.children().size());
    }
}
