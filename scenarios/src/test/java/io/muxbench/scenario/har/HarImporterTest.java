package io.muxbench.scenario.har;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioLoader;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Imports the three real captures and checks the result against figures taken straight from the files. */
class HarImporterTest {

    static Path capture(String name) {
        try {
            return Path.of(HarImporterTest.class.getResource("/har/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "news-nytimes-2015.har, 0, 2",
            "news-nytimes-2015.har, 1, 2",
            "image-heavy-assa-2017.har, 0, 3",
            "image-heavy-assa-2017.har, 2, 3",
            "js-app-yahoo-2018.har, 0, 1"})
    void importsEachCaptureWithTheCountsBytesAndDepthOfTheFile(String file, int page, int pages) throws Exception {
        HarFacts facts = new HarFacts("/har/" + file, page);
        assertEquals(pages, facts.pages, "pages in the file");

        // HarFacts re-derives the importer's rules with redirects dropped; HarRedirectsTest covers them kept.
        HarImport imported = HarImporter.importHar(capture(file),
                HarImporter.Options.defaults().withPage(page).withDropRedirects(true));

        Scenario scenario = imported.scenario();
        assertEquals(facts.entriesInFile, imported.counts().entriesInFile());
        assertEquals(facts.entriesOfPage, imported.counts().entriesOfPage());
        assertEquals(facts.kept.size(), imported.counts().imported());
        assertEquals(facts.kept.size(), scenario.root().count());
        int skipped = imported.counts().skipped().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(facts.entriesOfPage, facts.kept.size() + skipped, "every entry is imported or skipped");
        assertEquals(facts.totalBytes, scenario.root().totalBytes());
        assertEquals(facts.hosts.size(), imported.counts().hosts());
        assertEquals(facts.depth, scenario.root().depth());
        assertTrue(facts.kept.get(0).at("/request/url").asText().endsWith(scenario.root().path()), "the root is the document");
        assertTrue(imported.summary().startsWith("imported " + facts.kept.size() + " of " + facts.entriesOfPage
                + " entries of page " + page + " '"), imported.summary());
        assertEquals(-1, imported.summary().indexOf('\n'));
    }

    @Test
    void newsFirstViewSkipsWhatCannotBeReplayed() throws Exception {
        HarImport imported = HarImporter.importHar(capture("news-nytimes-2015.har"), HarImporter.Options.defaults());
        assertEquals("imported 224 of 227 entries of page 0 'http://www.nytimes.com/' (kept 26 redirects): skipped"
                + " 1 non-GET requests, 1 1xx responses (WebSocket upgrades), 1 duplicate URLs;"
                + " all 72 hosts mapped onto the origin under test (1 paths used by two hosts moved under /_h/<host>)",
                imported.summary());
        assertEquals("news-nytimes-2015", imported.scenario().name());
        assertTrue(imported.scenario().description().contains("all 72 hosts mapped onto the origin under test"));
        imported.scenario().root().forEach(r -> assertNull(r.host()));

        HarImport dropped = HarImporter.importHar(capture("news-nytimes-2015.har"),
                HarImporter.Options.defaults().withDropRedirects(true));
        assertEquals("imported 198 of 227 entries of page 0 'http://www.nytimes.com/': skipped 1 non-GET requests,"
                + " 1 1xx responses (WebSocket upgrades), 26 redirects, 1 duplicate URLs;"
                + " all 63 hosts mapped onto the origin under test", dropped.summary());
    }

    @Test
    void yahooDocumentIsWhereTheRedirectsLead() throws Exception {
        HarImport imported = HarImporter.importHar(capture("js-app-yahoo-2018.har"),
                HarImporter.Options.defaults().withDropRedirects(true));
        Resource root = imported.scenario().root();
        assertEquals("/", root.path());
        assertTrue(root.contentType().startsWith("text/html"), root.contentType());
        assertTrue(imported.summary().contains("7 redirects"), imported.summary());
        assertEquals(0, imported.counts().skipped().getOrDefault(SkipReason.DATA_URL, 0));
        assertTrue(imported.scenario().requestHeaders().containsKey("user-agent"));
    }

    @Test
    void keptHostsNameEveryHostButTheDocumentsOwn() throws Exception {
        HarImport imported = HarImporter.importHar(capture("js-app-yahoo-2018.har"),
                HarImporter.Options.defaults().withKeepHosts(true));
        Scenario scenario = imported.scenario();
        assertNull(scenario.root().host());
        java.util.Set<String> named = new java.util.HashSet<>();
        scenario.root().forEach(r -> {
            if (r.host() != null) {
                named.add(r.host());
            }
        });
        assertEquals(imported.counts().hosts() - 1, named.size());
        assertTrue(named.contains("s.yimg.com"), named.toString());
        // 19 with the redirects' own hosts (15 with --drop-redirects).
        assertTrue(imported.summary().endsWith("19 hosts kept apart (the document's host is the origin under test)"),
                imported.summary());
        assertEquals(scenario, ScenarioLoader.parse("kept", ScenarioLoader.toJson(scenario)));
    }

    @Test
    void importIsDeterministic() throws Exception {
        // Across JVMs, bundledNewsIsAFreshImportOfTheCapture checks the same for a file made by another run.
        HarImporter.Options options = HarImporter.Options.defaults().withKeepHosts(true);
        String first = ScenarioLoader.toJson(HarImporter.importHar(capture("js-app-yahoo-2018.har"), options).scenario());
        String second = ScenarioLoader.toJson(HarImporter.importHar(capture("js-app-yahoo-2018.har"), options).scenario());
        assertEquals(first, second);
    }

    @Test
    void bundledNewsIsAFreshImportOfTheCapture() throws Exception {
        Scenario bundled = ScenarioLoader.resolve("news");
        Scenario fresh = HarImporter.importHar(capture("news-nytimes-2015.har"),
                HarImporter.Options.defaults().withName("news")).scenario();
        assertEquals(224, bundled.root().count(), "198 entries and the 26 redirects that led to some of them");
        assertEquals(ScenarioLoader.toJson(fresh), ScenarioLoader.toJson(bundled),
                "rerun the import-har command in news.SOURCE.md after changing the importer");
        assertEquals("news", ScenarioLoader.BUNDLED.get(ScenarioLoader.BUNDLED.size() - 2));
        try (InputStream in = ScenarioLoader.class.getResourceAsStream("/scenarios/news.SOURCE.md")) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("MIT"));
        }
    }

    @Test
    void bundledNewsHostsIsAFreshImportWithTheHostsKeptApart() throws Exception {
        Scenario bundled = ScenarioLoader.resolve("news-hosts");
        Scenario fresh = HarImporter.importHar(capture("news-nytimes-2015.har"),
                HarImporter.Options.defaults().withName("news-hosts").withKeepHosts(true)).scenario();
        assertEquals(224, bundled.root().count());
        assertEquals(71, bundled.hosts().size(), "72 hosts, the document's being the origin under test");
        assertEquals(ScenarioLoader.toJson(fresh), ScenarioLoader.toJson(bundled),
                "rerun the import-har commands in news.SOURCE.md after changing the importer");
        assertEquals("news-hosts", ScenarioLoader.BUNDLED.get(ScenarioLoader.BUNDLED.size() - 1));
    }
}
