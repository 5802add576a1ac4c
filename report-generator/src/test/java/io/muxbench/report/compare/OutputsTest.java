package io.muxbench.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OutputsTest {

    @TempDir
    Path tmp;

    private Comparison comparison;

    @BeforeEach
    void slowerRun() throws Exception {
        Path baseline = new SyntheticRun(tmp.resolve("baseline")).seed(1).cell("news", "h1", "4g", 120)
                .cell("news", "h2", "4g", 150).write();
        Path current = new SyntheticRun(tmp.resolve("current")).seed(2).cell("news", "h1", "4g", 120)
                .cell("news", "h2", "4g", 110).write();
        Files.copy(JmhFiles.write(tmp.resolve("a.json"), JmhFiles.result("x.B.m", "thrpt", 1000, 10, "ops/s")),
                baseline.resolve("jmh.json"));
        Files.copy(JmhFiles.write(tmp.resolve("b.json"), JmhFiles.result("x.B.m", "thrpt", 700, 10, "ops/s")),
                current.resolve("jmh.json"));
        comparison = new RunComparator(Thresholds.DEFAULTS, Set.of()).compare(baseline, current);
    }

    @Test
    void consoleTableHasAlignedColumnsAndTheSummary() {
        StringWriter text = new StringWriter();
        ComparisonTable.write(comparison, new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("verdict  ")).findFirst().orElseThrow());
        int cellColumn = lines.get(header).indexOf("cell");
        assertTrue(lines.get(header + 2).startsWith("no change"), lines.get(header + 2));
        assertEquals(cellColumn, lines.get(header + 2).indexOf("news | h1"));
        assertEquals(cellColumn, lines.get(header + 3).indexOf("news | h2"));
        assertTrue(lines.get(header + 3).startsWith("improvement"), lines.get(header + 3));
        assertTrue(text.toString().contains("x.B.m (thrpt): regression, 1000.000 ± 10.000 -> 700.000 ± 10.000 ops/s"),
                text.toString());
        assertEquals("1 regression, 1 improved, 1 unchanged (2 cells, 1 benchmark)", lines.get(lines.size() - 1));
    }

    @Test
    void markdownEscapesThePipesOfCellKeys() throws Exception {
        Path file = tmp.resolve("summary.md");
        Files.writeString(file, "earlier step\n");
        MarkdownReport.write(comparison, file);
        String md = Files.readString(file);
        assertTrue(md.startsWith("earlier step\n## muxbench compare: 1 regression"), md);
        assertTrue(md.contains("| improvement | news \\| h2 \\| 4g \\| cold \\| tls |"), md);
        assertTrue(md.contains("| regression | x.B.m (thrpt) | ops/s (higher is better) |"), md);
    }

    @Test
    void everyOutputCarriesTheNotes() throws Exception {
        // Neither synthetic run recorded a warm-up to steady state: one note per side.
        List<String> notes = comparison.notes();
        assertEquals(2, notes.stream().filter(n -> n.contains("measured before steady state")).count(), notes::toString);
        StringWriter text = new StringWriter();
        ComparisonTable.write(comparison, new PrintWriter(text));
        Path md = tmp.resolve("notes.md");
        MarkdownReport.write(comparison, md);
        Path junit = tmp.resolve("notes.xml");
        JUnitReport.write(comparison, junit);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        String suiteOut = xml.getElementsByTagName("testsuite").item(0).getLastChild().getTextContent();
        for (String note : notes) {
            assertTrue(text.toString().contains("note: " + note), text.toString());
            assertTrue(Files.readString(md).contains("> **Note:** " + MarkdownReport.escape(note)), note);
            assertTrue(suiteOut.contains("note: " + note), suiteOut);
        }
    }

    @Test
    void markdownWritesEveryValueAsPlainText() {
        String crafted = "<script>alert(1)</script> & [link](http://x) `code` *em* ~del~ | \\\nnext";
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\[link\\](http://x) \\`code\\` \\*em\\* \\~del\\~ \\|"
                + " \\\\ next", MarkdownReport.escape(crafted));
    }

    @Test
    void markdownOfACraftedRunHasNoHtml() throws Exception {
        Path evil = tmp.resolve("<img src=x onerror=alert(1)>");
        Path file = tmp.resolve("evil.md");
        MarkdownReport.writeIncomparable(evil.toString(), "current", new IncomparableException("cell '<b>x</b>' only in"
                + " baseline"), file);
        String md = Files.readString(file);
        assertTrue(!md.contains("<img") && !md.contains("<b>"), md);
        assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt;") && md.contains("&lt;b&gt;x&lt;/b&gt;"), md);
    }

    @Test
    void junitHasOneTestcasePerMatchAndAFailurePerRegression() throws Exception {
        Path file = tmp.resolve("junit.xml");
        JUnitReport.write(comparison, file);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element root = xml.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("3", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        NodeList cases = xml.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        assertEquals("news | h1 | 4g | cold | tls", ((Element) cases.item(0)).getAttribute("name"));
        NodeList failures = xml.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        assertEquals("x.B.m (thrpt)", ((Element) failures.item(0).getParentNode()).getAttribute("name"));
    }

    @Test
    void incomparableInputsBecomeOneFailingTestcase() throws Exception {
        Path file = tmp.resolve("junit.xml");
        JUnitReport.writeIncomparable(new IncomparableException(List.of("cell 'a' only in baseline", "x: 1 vs 2")), file);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertEquals("cannot compare: cell 'a' only in baseline; x: 1 vs 2", failure.getAttribute("message"));
    }
}
