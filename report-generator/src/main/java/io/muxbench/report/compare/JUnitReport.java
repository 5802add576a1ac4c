package io.muxbench.report.compare;

import io.muxbench.results.ResultsFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The comparison as JUnit XML (the Ant/Surefire format Jenkins and GitLab read): one testcase per
 * matched cell and benchmark, a {@code <failure>} for each regression, the notes as the page-load suite's
 * {@code <system-out>}.
 *
 * <pre>{@code
 * JUnitReport.write(comparison, Path.of("target/compare-junit.xml"));
 * }</pre>
 */
public final class JUnitReport {

    static final String CELL_CLASS = "muxbench.compare.pageLoads";
    static final String BENCHMARK_CLASS = "muxbench.compare.jmh";

    private JUnitReport() {
    }

    public static void write(Comparison comparison, Path file) throws IOException {
        List<CellComparison> cells = comparison.cells();
        List<BenchmarkComparison> benchmarks = comparison.benchmarks();
        int failures = comparison.regressedCells().size() + comparison.regressedBenchmarks().size();
        writeXml(file, xml -> {
            startSuites(xml, cells.size() + benchmarks.size(), failures);
            startSuite(xml, "page loads", cells.size(), comparison.regressedCells().size());
            for (CellComparison cell : cells) {
                List<String> lines = cell.percentiles().stream()
                        .map(p -> ComparisonText.detail(p, comparison.thresholds())).toList();
                testcase(xml, CELL_CLASS, cell.key(), cell.verdict(), String.join("\n", lines));
            }
            notes(xml, comparison.notes());
            xml.writeEndElement();
            startSuite(xml, "jmh", benchmarks.size(), comparison.regressedBenchmarks().size());
            for (BenchmarkComparison b : benchmarks) {
                testcase(xml, BENCHMARK_CLASS, b.key(), b.verdict(), ComparisonText.benchmarkDetail(b, comparison.thresholds()));
            }
            xml.writeEndElement();
        });
    }

    /** One failing testcase that says why the inputs could not be compared. */
    public static void writeIncomparable(IncomparableException e, Path file) throws IOException {
        writeXml(file, xml -> {
            startSuites(xml, 1, 1);
            startSuite(xml, "comparability", 1, 1);
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "muxbench.compare");
            xml.writeAttribute("name", "inputs are comparable");
            xml.writeAttribute("time", "0");
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "incomparable");
            xml.writeAttribute("message", e.getMessage());
            xml.writeCharacters(String.join("\n", e.differences()));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    private static void testcase(XMLStreamWriter xml, String className, String name, Verdict verdict, String detail)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", className);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", "0");
        if (verdict == Verdict.REGRESSION) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", "regression");
            xml.writeAttribute("message", name + ": regression");
            xml.writeCharacters(detail);
            xml.writeEndElement();
        } else {
            xml.writeStartElement("system-out");
            xml.writeCharacters(verdict.label() + (detail.isEmpty() ? "" : "\n" + detail));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    /** The notes as the suite's output, where Jenkins and GitLab show a suite's log. */
    private static void notes(XMLStreamWriter xml, List<String> notes) throws XMLStreamException {
        if (!notes.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(String.join("\n", notes.stream().map(n -> "note: " + n).toList()));
            xml.writeEndElement();
        }
    }

    private static void startSuites(XMLStreamWriter xml, int tests, int failures) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", "muxbench compare");
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Integer.toString(failures));
    }

    private static void startSuite(XMLStreamWriter xml, String name, int tests, int failures) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", name);
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
    }

    private interface XmlBody {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static void writeXml(Path file, XmlBody body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        ResultsFormat.writeAtomically(file, bytes.toByteArray());
    }
}
