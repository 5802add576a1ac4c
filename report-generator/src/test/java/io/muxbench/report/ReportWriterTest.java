package io.muxbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.muxbench.results.CellResult;
import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

@Timeout(60)
class ReportWriterTest {

    static final List<String> SECTIONS = List.of("run", "headline", "distributions", "links", "browser", "waterfalls", "wire",
            "errors", "jmh");
    private static final Pattern SVG = Pattern.compile("(?s)<svg[\\s>].*?</svg>");

    @TempDir
    static Path shared;
    static String fixtureHtml;

    @BeforeAll
    static void renderFixture() throws Exception {
        Path report = ReportWriter.write(Fixture.copyTo(shared.resolve("run")));
        assertEquals(shared.resolve("run").resolve("index.html").toAbsolutePath(), report);
        fixtureHtml = Files.readString(report);
    }

    @Test
    void hasEverySection() {
        assertTrue(fixtureHtml.contains("<h1>HTTP/1.1 against HTTP/2: "), "a run without h3 keeps the two-protocol title");
        for (String id : SECTIONS) {
            assertTrue(fixtureHtml.contains("<section id=\"" + id + "\">"), "section " + id);
        }
    }

    @Test
    void everyChartIsWellFormedSvg() throws Exception {
        List<String> svgs = svgs(fixtureHtml);
        // 3 groups of home x 2 links x 2 reuses + 2 of the other scenario: percentile + CDF each, and more
        assertTrue(svgs.size() >= 20, "charts: " + svgs.size());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String svg : svgs) {
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            assertEquals("svg", root.getLocalName());
            assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
            assertTrue(root.getAttribute("class").startsWith("chart "), root.getAttribute("class"));
        }
        for (String kind : List.of("percentiles", "cdf", "links", "waterfall", "bytes", "jmh")) {
            assertTrue(svgs.stream().anyMatch(s -> s.contains("class=\"chart " + kind + "\"")), kind);
        }
    }

    @Test
    void chartTextIsSvgTextInAGenericFontNotGlyphOutlines() {
        for (String svg : svgs(fixtureHtml)) {
            assertTrue(svg.contains("<text "), "a chart without text: " + svg.substring(0, Math.min(200, svg.length())));
            // Glyph outlines are paths of curves (Q/C); the report's own paths are straight segments.
            assertFalse(Pattern.compile("<path[^>]* d=\"[^\"]*[QqCc]").matcher(svg).find(), "text drawn as outlines");
        }
        assertTrue(fixtureHtml.contains("font-family=\"sans-serif\""));
    }

    @Test
    void reportStaysSmall() {
        // 1.6 MB when XChart wrote every label as glyph outlines; about 250 kB as SVG text.
        assertTrue(fixtureHtml.length() < 400_000, "index.html of " + fixtureHtml.length() + " chars");
    }

    @Test
    void chartIdsAreUniqueAcrossTheDocument() {
        Matcher ids = Pattern.compile("id=\"([^\"]+)\"").matcher(fixtureHtml);
        List<String> seen = new ArrayList<>();
        while (ids.find()) {
            assertFalse(seen.contains(ids.group(1)), "duplicate id " + ids.group(1));
            seen.add(ids.group(1));
        }
    }

    @Test
    void theRunsConfigurationIsReadAndShown() {
        String run = section(fixtureHtml, "run");
        assertFalse(fixtureHtml.contains("run.json is unreadable"), "the fixture's run.json reads");
        assertTrue(run.contains("closed: 4 browsers per cell, think time 0 ms; 300 page loads per cell in 3 rounds"
                + " after 5 warm-up"), run);
        assertTrue(section(fixtureHtml, "links").contains("3g (150 ms)"), "a link is labelled with its profile's RTT");
    }

    @Test
    void scenarioNamedLikeAScriptIsText() {
        assertTrue(fixtureHtml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(fixtureHtml.toLowerCase(Locale.ROOT).contains("<script"), "a <script> element");
        assertFalse(fixtureHtml.contains("<b>not bold</b>"), "configuration values are escaped");
        assertFalse(fixtureHtml.contains("href=\"http"), "nothing links outside the file");
        assertFalse(fixtureHtml.contains("src="), "nothing is fetched");
    }

    @Test
    void waterfallsHaveOneLanePerConnection() {
        String waterfalls = section(fixtureHtml, "waterfalls");
        // h1 cold: the simulated page uses six connections
        assertTrue(waterfalls.contains("connection 6"), "six h1 connections");
        assertTrue(count(waterfalls, "<g class=\"lane\">") >= 20);
        assertTrue(count(waterfalls, "<g class=\"bar\">") > count(waterfalls, "<g class=\"lane\">"));
        assertTrue(waterfalls.contains("class=\"tls\""));
        assertTrue(waterfalls.contains("class=\"download\""));
        assertTrue(waterfalls.contains("✕ connection reset &lt;by peer&gt;"), "a failed request is marked");
        assertTrue(waterfalls.contains("no page load was kept"), "a cell without samples is named");
    }

    @Test
    void headlineComparesEveryModeWithH1() {
        String headline = section(fixtureHtml, "headline");
        assertTrue(headline.contains("<tr class=\"better\">") || headline.contains("<tr class=\"worse\">"));
        assertTrue(headline.contains("bootstrap"));
        assertTrue(headline.contains("no page-load times in this cell"), "the cell where every page load failed");
    }

    @Test
    void errorsAndJmhAreShown() {
        String errors = section(fixtureHtml, "errors");
        assertTrue(errors.contains("connection reset by peer &lt;after 0 bytes&gt;"));
        assertTrue(errors.contains("read timed out"));
        String jmh = section(fixtureHtml, "jmh");
        assertTrue(jmh.contains("HpackBench (avgt, ns/op)"));
        assertTrue(jmh.contains("Http1ParserBench (thrpt, ops/s)"));
        assertTrue(jmh.contains("parseResponse {size=LARGE}"));
        String wire = section(fixtureHtml, "wire");
        assertTrue(wire.contains("server: max in flight per connection"));
    }

    @Test
    void browserCellsShowNoBytesSent(@TempDir Path dir) throws Exception {
        Fixture.copyTo(dir);
        Results results = ResultsFormat.read(dir.resolve("results.json"), Results.class);
        List<CellResult> cells = new ArrayList<>();
        for (CellResult c : results.cells()) {
            boolean browser = c.mode().equals("h2") && c.link().equals("cable") && c.reuse() == io.muxbench.vocabulary.Reuse.COLD;
            cells.add(new CellResult(c.id(), c.scenario(), c.mode(), c.link(), c.reuse(), c.tls(),
                    browser ? io.muxbench.vocabulary.ClientKind.CHROMIUM : c.client(), c.settings(), c.pageLoads(), c.requests(),
                    c.connectionsPerPageLoad(), c.bytes(), c.errors(), c.server(), c.histogramLog(), c.samples()));
        }
        ResultsFormat.writeResults(dir, new Results(results.schemaVersion(), results.runId(), true, cells));

        String wire = section(Files.readString(ReportWriter.write(dir)), "wire");
        assertTrue(wire.contains("<td>h2 (chromium)</td><td>not measured</td><td>not measured</td>"), wire);
    }

    @Test
    void partialRunIsFlaggedAndStillRendered(@TempDir Path dir) throws Exception {
        Fixture.copyTo(dir);
        Results results = ResultsFormat.read(dir.resolve("results.json"), Results.class);
        List<CellResult> cable = results.cells().stream().filter(c -> c.link().equals("cable")).toList();
        List<CellResult> stripped = new ArrayList<>();
        for (CellResult c : cable) {
            stripped.add(new CellResult(c.id(), c.scenario(), c.mode(), c.link(), c.reuse(), c.tls(), c.client(), null,
                    c.pageLoads(), c.requests(), c.connectionsPerPageLoad(), c.bytes(), null, null,
                    c.mode().equals("h2") ? "cells/missing.hlog" : c.histogramLog(), null));
        }
        ResultsFormat.writeResults(dir, new Results(results.schemaVersion(), results.runId(), false, stripped));
        Files.delete(dir.resolve("jmh.json"));
        Files.delete(dir.resolve("run.json"));

        String html = Files.readString(ReportWriter.write(dir));
        SECTIONS.forEach(id -> assertTrue(html.contains("<section id=\"" + id + "\">"), id));
        assertTrue(html.contains("id=\"incomplete\""));
        assertTrue(section(html, "links").contains("Only one link ran (cable)"));
        assertTrue(section(html, "jmh").contains("No jmh.json"));
        assertTrue(section(html, "wire").contains("No server counters"));
        assertTrue(section(html, "distributions").contains("no such histogram log"));
        assertTrue(section(html, "waterfalls").contains("no page load was kept"));
        assertTrue(section(html, "errors").contains("(no cause recorded)"), "failures without causes are still shown");
        svgs(html).forEach(svg -> assertTrue(svg.endsWith("</svg>")));
    }

    @Test
    void corruptRunJsonIsNamedAndTheCellsStillRender(@TempDir Path dir) throws Exception {
        Fixture.copyTo(dir);
        Files.writeString(dir.resolve("run.json"), "{\"schemaVersion\": 1, broken");
        String html = Files.readString(ReportWriter.write(dir));
        assertTrue(html.contains("run.json is unreadable (run.json: line 1: not valid JSON"), html.substring(0, 3000));
        assertTrue(svgs(html).size() >= 20, "the cells' charts are drawn");
        SECTIONS.forEach(id -> assertTrue(html.contains("<section id=\"" + id + "\">"), id));
    }

    @Test
    void noAbsolutePathOfTheRunFolderIsEmbedded(@TempDir Path dir) throws Exception {
        Fixture.copyTo(dir);
        Path resultsFile = dir.resolve("results.json");
        ObjectNode results = (ObjectNode) ResultsFormat.MAPPER.readTree(resultsFile.toFile());
        results.path("cells").forEach(c -> {
            if (c.path("mode").asText().equals("h2")) {
                ((ObjectNode) c).put("histogramLog", "cells/missing.hlog");
            }
        });
        ResultsFormat.MAPPER.writeValue(resultsFile.toFile(), results);
        Files.writeString(dir.resolve("run.json"), "[");
        Files.writeString(dir.resolve("jmh.json"), "[{}]");
        String html = Files.readString(ReportWriter.write(dir));
        assertTrue(html.contains("cells/missing.hlog: no such histogram log"));
        assertFalse(html.contains(dir.toString()), "the run folder's absolute path");
        assertFalse(html.contains(dir.toAbsolutePath().getParent().toString()), "an absolute path");
    }

    @Test
    void emptyRunStillGivesAReport(@TempDir Path dir) throws Exception {
        ResultsFormat.writeResults(dir, new Results(ResultsFormat.SCHEMA_VERSION, "empty", false, List.of()));
        String html = Files.readString(ReportWriter.write(dir));
        assertTrue(html.contains("No cell finished"));
        SECTIONS.forEach(id -> assertTrue(html.contains("<section id=\"" + id + "\">"), id));
    }

    @Test
    void malformedRunFolderIsOneLine(@TempDir Path dir) throws Exception {
        ResultsFormatException missing = assertThrows(ResultsFormatException.class, () -> ReportWriter.write(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());
        Files.writeString(dir.resolve("results.json"), "{\"schemaVersion\": 1, \"runId\": ");
        ResultsFormatException malformed = assertThrows(ResultsFormatException.class, () -> ReportWriter.write(dir));
        assertFalse(malformed.getMessage().contains("\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no report and no temporary file left behind");
        }
    }

    @Test
    void badJmhFileCostsOnlyItsSection(@TempDir Path dir) throws Exception {
        Fixture.copyTo(dir);
        Files.writeString(dir.resolve("jmh.json"), "{\"not\": \"a list\"}");
        String html = Files.readString(ReportWriter.write(dir));
        assertTrue(section(html, "jmh").contains("not a JMH result file"));
    }

    static List<String> svgs(String html) {
        List<String> svgs = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            svgs.add(m.group());
        }
        return svgs;
    }

    static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
