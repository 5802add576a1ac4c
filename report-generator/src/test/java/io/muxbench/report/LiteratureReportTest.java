package io.muxbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.literature.Literature;
import io.muxbench.results.literature.Literature.Measure;
import io.muxbench.results.literature.Literature.Point;
import io.muxbench.results.literature.Literature.Published;
import io.muxbench.results.literature.Literature.Study;
import io.muxbench.results.literature.Literature.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

@Timeout(60)
class LiteratureReportTest {

    private static final Pattern SVG = Pattern.compile("(?s)<svg[\\s>].*?</svg>");

    @TempDir
    static Path suite;
    static String html;

    /** Two studies: one with published figures and a loss at one point, one not measured with an empty point. */
    @BeforeAll
    static void writeReport() throws Exception {
        Study rtt = new Study("row-01-rtt", "1", "Page-load time against RTT <home & co>", "RTT (ms)",
                "home page, 2 Mbit/s, TLS, cold", "SPDY 27 to 60 % faster as the RTT grows",
                List.of("Chromium's SPDY/2 then, HTTP/2 here."), "h1", "h2",
                List.of(point("20 ms", 0, 100, 97, 3.0), point("40 ms", 1, 160, 164, -2.5), point("80 ms", 2, 300, 270, 10.0)),
                new Published("SPDY whitepaper, 2009: RTT table", Arrays.asList(27.0, null, 60.0),
                        List.of(1240.0, 1600.0, 2400.0), List.of(900.0, 1100.0, 960.0)),
                Verdict.DIRECTION, List.of("h2 faster at 2 of 3 points.", "Gain +10.0 % at 80 ms against 60.0 % published."),
                List.of("row-01-rtt", "row-01-rtt-b"));
        Study loss = new Study("row-03-loss", "3 (loss table)", "Page-load time against loss", "loss (%)", "home page",
                "SPDY ahead at every loss rate", List.of(), "h1", "h2",
                List.of(new Point("1 %", 1, Map.of(), null)), null, Verdict.NOT_MEASURED,
                List.of("No successful page loads of h1 or h2 at 1 %."), List.of());
        new Literature(Literature.SCHEMA_VERSION, "literature-quick", "2026-12-07T23:15:00Z", false, List.of(rtt, loss))
                .write(suite);
        Files.createDirectories(suite.resolve("row-01-rtt"));
        Files.writeString(suite.resolve("row-01-rtt").resolve("index.html"), "<html></html>");
        Path report = LiteratureReport.write(suite);
        assertEquals(suite.resolve("index.html").toAbsolutePath(), report);
        html = Files.readString(report);
    }

    private static Point point(String label, double x, double h1MeanMs, double h2MeanMs, double gainPercent) {
        return new Point(label, x, Map.of(
                "h1", new Measure(40, 0, h1MeanMs, h1MeanMs - 2, 20, 4000, "home-" + label + "-h1"),
                "h2", new Measure(39, 1, h2MeanMs, h2MeanMs - 1, 10, 3000, "home-" + label + "-h2")), gainPercent);
    }

    @Test
    void isTitledAndWarnsOfAnIncompleteSuite() {
        assertTrue(html.contains("<title>muxbench · Against the literature · literature-quick</title>"), "title");
        assertTrue(html.contains("<h1>Against the literature</h1>"));
        assertTrue(html.contains("2026-12-07T23:15:00Z"), "start time");
        assertTrue(html.contains("id=\"incomplete\""), "incomplete banner");
        assertFalse(html.contains("<script"), "no scripts");
    }

    @Test
    void verdictTableHasARowPerStudyLinkingToItsSection() {
        String table = html.substring(html.indexOf("<table class=\"verdicts\">"));
        table = table.substring(0, table.indexOf("</table>"));
        List<String> rows = rows(table);
        assertEquals(2, rows.size(), table);
        assertTrue(rows.get(0).contains("<td>1</td>"), rows.get(0));
        assertTrue(rows.get(0).contains("<a href=\"#row-01-rtt\">Page-load time against RTT &lt;home &amp; co&gt;</a>"), rows.get(0));
        assertTrue(rows.get(0).contains("<span class=\"verdict direction\">reproduced in direction, not in size</span>"),
                rows.get(0));
        assertTrue(rows.get(0).contains("<td>20 ms +3.0 %, 40 ms -2.5 %, 80 ms +10.0 %</td>"), rows.get(0));
        assertTrue(rows.get(1).contains("<td>3 (loss table)</td>"), rows.get(1));
        assertTrue(rows.get(1).contains("<a href=\"#row-03-loss\">"), rows.get(1));
        assertTrue(rows.get(1).contains("<span class=\"verdict not-measured\">not measured</span>"), rows.get(1));
        assertTrue(rows.get(1).contains("<td>1 % –</td>"), rows.get(1));
    }

    @Test
    void eachStudyHasItsSection() {
        assertTrue(html.contains("<section id=\"row-01-rtt\">"));
        assertTrue(html.contains("<section id=\"row-03-loss\">"));
        String rtt = section("row-01-rtt");
        assertTrue(rtt.contains("<th>Varied</th><td>RTT (ms)</td>"), rtt);
        assertTrue(rtt.contains("<th>Fixed</th><td>home page, 2 Mbit/s, TLS, cold</td>"), rtt);
        assertTrue(rtt.contains("<th>Expected</th><td>SPDY 27 to 60 % faster as the RTT grows</td>"), rtt);
        assertTrue(rtt.contains("<h3>Where this harness differs from the study</h3>"), rtt);
        assertTrue(rtt.contains("<li>Gain +10.0 % at 80 ms against 60.0 % published.</li>"), rtt);
        assertFalse(section("row-03-loss").contains("Where this harness differs"), "no differences, no heading");
    }

    @Test
    void pointsTableHasEachModeAndThePublishedGainAndGap() {
        String rtt = section("row-01-rtt");
        assertTrue(rtt.contains("<th>point</th><th>h1 mean</th><th>h1 p50</th><th>h1 page loads</th><th>h2 mean</th>"), rtt);
        assertTrue(rtt.contains("<th>gain</th><th>published gain</th><th>gap</th>"), rtt);
        assertTrue(rtt.contains("<tr><td>20 ms</td><td>100 ms</td><td>98.0 ms</td><td>40</td><td>97.0 ms</td>"
                + "<td>96.0 ms</td><td>39 (1 failed)</td><td>+3.0 %</td><td>+27.0 %</td><td>-24.0 points</td></tr>"), rtt);
        // The study gives no published gain at 40 ms: no gap either.
        assertTrue(rtt.contains("<td>-2.5 %</td><td>–</td><td>–</td></tr>"), rtt);
        String loss = section("row-03-loss");
        assertTrue(loss.contains("<tr><td>1 %</td><td>–</td></tr>"), loss);
        assertFalse(loss.contains("published gain"), loss);
        assertTrue(loss.contains("No page-load time at any point: nothing to chart."), loss);
        assertFalse(loss.contains("<svg"), loss);
    }

    @Test
    void drawsThePublishedSeriesDashedAndTheLossBelowZero() {
        List<String> svgs = svgs(section("row-01-rtt"));
        assertEquals(2, svgs.size());
        String times = svgs.get(0);
        String gains = svgs.get(1);
        assertTrue(times.contains(">published HTTP</text>") && times.contains(">published SPDY</text>"), times);
        assertTrue(times.contains("stroke:#1f77b4;stroke-width:2;stroke-dasharray"), "published HTTP in h1's colour, dashed");
        assertTrue(times.contains("stroke:#2ca02c;stroke-width:2;stroke-dasharray"), "published SPDY in h2's colour, dashed");
        assertTrue(gains.contains(">published</text>"), gains);
        // The published gain has no figure at 40 ms: its line steps from 20 to 80 ms.
        assertTrue(Pattern.compile("<polyline [^>]*stroke-dasharray[^>]*points=\"[\\d.]+,[\\d.]+ [\\d.]+,[\\d.]+\"")
                .matcher(gains).find(), gains);
        // The axis spans the loss at 40 ms: a negative tick, and the zero line.
        assertTrue(Pattern.compile("class=\"tick\"[^>]*>-\\d").matcher(gains).find(), gains);
        assertTrue(gains.contains("stroke:#555"), "zero line");
    }

    @Test
    void linksEachRunFolderRelatively() {
        String rtt = section("row-01-rtt");
        assertTrue(rtt.contains("<a href=\"./row-01-rtt/index.html\">row-01-rtt</a>,"), rtt);
        assertTrue(rtt.contains("<a href=\"./row-01-rtt-b/index.html\">row-01-rtt-b</a> (no report yet"), rtt);
    }

    @Test
    void hasNoNonNumbersAndEveryChartIsWellFormedSvg() throws Exception {
        assertFalse(html.contains("NaN"), "NaN");
        assertFalse(html.contains("Infinity"), "Infinity");
        assertEquals(count(html, "<svg "), count(html, "</svg>"), "every svg closed");
        assertEquals(count(html, "<section "), count(html, "</section>"), "every section closed");
        assertEquals(count(html, "<table "), count(html, "</table>"), "every table closed");
        List<String> svgs = svgs(html);
        assertEquals(2, svgs.size(), "two charts for the study with page-load times, none for the other");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String svg : svgs) {
            Element root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
            assertEquals("chart sweep", root.getAttribute("class"));
        }
        // The page's body as XML too: every element this code opens, it closes.
        String body = html.substring(html.indexOf("<body>"), html.indexOf("</body>") + "</body>".length());
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String section(String id) {
        String start = "<section id=\"" + id + "\">";
        String rest = html.substring(html.indexOf(start));
        return rest.substring(0, rest.indexOf("</section>"));
    }

    private static List<String> rows(String table) {
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("(?s)<tr>.*?</tr>").matcher(table.substring(table.indexOf("<tbody>")));
        while (m.find()) {
            rows.add(m.group());
        }
        return rows;
    }

    private static List<String> svgs(String text) {
        List<String> svgs = new ArrayList<>();
        Matcher m = SVG.matcher(text);
        while (m.find()) {
            svgs.add(m.group());
        }
        return svgs;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
