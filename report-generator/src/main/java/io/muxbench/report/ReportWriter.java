package io.muxbench.report;

import io.muxbench.report.compare.JmhResult;
import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormat.RunFolder;
import io.muxbench.results.ResultsFormatException;
import io.muxbench.results.RunInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Writes a run folder's HTML report, {@code index.html}: one self-contained file (inline SVG and
 * CSS, no scripts, nothing fetched), readable offline, as a CI artifact and on paper.
 *
 * <pre>{@code
 * Path report = ReportWriter.write(Path.of("results/runs/20261130-212836"));
 * }</pre>
 */
public final class ReportWriter {

    private static final List<Section> SECTIONS = List.of(
            new Section("run", "What ran", RunSection::render),
            new Section("shards", data -> "Shards", ShardsSection::render, ShardsSection::shown),
            new Section("ceiling", data -> "Ceiling", CeilingSection::render, CeilingSection::shown),
            new Section("headline", HeadlineSection::title, HeadlineSection::render),
            new Section("distributions", "Page-load-time distributions", DistributionSection::render),
            new Section("links", "Page-load time across links", LinksSection::render),
            new Section("browser", "Driver against a real browser", CalibrationSection::render),
            new Section("waterfalls", "Waterfalls of a typical page load", WaterfallSection::render),
            new Section("wire", "Bytes, connections and server counters", WireSection::render),
            new Section("errors", "Errors", ErrorsSection::render),
            new Section("jmh", "Microbenchmarks (JMH)", JmhSection::render));

    private ReportWriter() {
    }

    /**
     * Reads the run folder and writes its report atomically.
     *
     * @return the report's path
     * @throws ResultsFormatException when results.json is missing or malformed (one line); a missing or
     *                                malformed run.json is named in the report instead
     */
    public static Path write(Path runDir) throws ResultsFormatException, IOException {
        ReportData data = read(runDir);
        Path report = data.folder().dir().resolve(ResultsFormat.REPORT_FILE);
        ResultsFormat.writeAtomically(report, render(data).getBytes(StandardCharsets.UTF_8));
        return report.toAbsolutePath();
    }

    static ReportData read(Path runDir) throws ResultsFormatException {
        RunFolder resultsOnly = ResultsFormat.readResults(runDir);
        Path dir = resultsOnly.dir();
        // A damaged run.json costs the report its configuration, like a missing one, not the cells.
        RunInfo run = null;
        String runProblem;
        if (!Files.exists(dir.resolve(ResultsFormat.RUN_FILE))) {
            runProblem = "run.json is missing: the run may have been interrupted before it started writing.";
        } else {
            try {
                run = ResultsFormat.read(dir.resolve(ResultsFormat.RUN_FILE), RunInfo.class);
                runProblem = null;
            } catch (ResultsFormatException e) {
                runProblem = "run.json is unreadable (" + withinRun(dir, e.getMessage())
                        + "): the run's configuration is not shown.";
            }
        }
        RunFolder folder = new RunFolder(dir, run, resultsOnly.results());
        List<Cell> cells = new ArrayList<>();
        for (CellResult result : folder.results().cells()) {
            cells.add(cell(dir, result));
        }
        List<JmhResult> jmh = List.of();
        String jmhProblem = null;
        Path jmhFile = dir.resolve(ResultsFormat.JMH_FILE);
        if (Files.exists(jmhFile)) {
            try {
                jmh = JmhResult.read(jmhFile);
            } catch (ResultsFormatException e) {
                jmhProblem = withinRun(dir, e.getMessage());
            }
        }
        return new ReportData(folder, runProblem, cells, jmh, jmhProblem);
    }

    /**
     * A message with the run folder's own path taken out: a report is published (a CI artifact)
     * and must not tell where the run was stored.
     */
    static String withinRun(Path dir, String message) {
        for (Path prefix : List.of(dir, dir.toAbsolutePath(), dir.toAbsolutePath().normalize())) {
            String text = prefix + java.io.File.separator;
            if (message.startsWith(text)) {
                return message.substring(text.length());
            }
        }
        return message;
    }

    // A missing or damaged log costs its cell's charts, not the whole report.
    private static Cell cell(Path dir, CellResult result) {
        if (result.histogramLog() == null) {
            return new Cell(result, null, "no histogram log recorded");
        }
        try {
            Map<String, Histogram> byTag = HistogramLogs.readTotals(dir, result.histogramLog());
            Histogram pageLoads = byTag.get(HistogramLogs.PAGE_LOAD);
            return new Cell(result, pageLoads, pageLoads == null || pageLoads.getTotalCount() == 0
                    ? "no successful page loads, nothing to plot" : null);
        } catch (ResultsFormatException e) {
            return new Cell(result, null, withinRun(dir, e.getMessage()));
        }
    }

    /** What the report weighs: HTTP/1.1 against HTTP/2, and HTTP/3 when the run measured it. */
    static String headline(ReportData data) {
        boolean h3 = data.cells().stream().anyMatch(cell -> cell.result().mode().equals("h3"));
        return "HTTP/1.1 against HTTP/2" + (h3 ? " and HTTP/3" : "");
    }

    static String render(ReportData data) {
        RunInfo run = data.run();
        String runId = data.folder().results().runId();
        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .raw("<title>").text("muxbench report · " + runId).raw("</title>\n<style>\n").raw(ReportStyle.CSS)
                .raw("</style></head>\n<body>\n<header><h1>").text(headline(data)).raw(": ").text(runId).raw("</h1>\n");
        html.note("subtitle", (run == null ? "" : run.startedAt() + " · ") + data.cells().size() + " cells · "
                + String.join(", ", data.distinct(c -> c.result().scenario())));
        if (!data.complete()) {
            html.raw("<div class=\"banner warn\" id=\"incomplete\"><strong>Incomplete run.</strong> ")
                    .text(data.runProblem() != null ? data.runProblem()
                            : "The run stopped before every cell finished; the cells below are those that did.")
                    .raw("</div>\n");
        }
        if (data.cells().isEmpty()) {
            html.raw("<div class=\"banner warn\">No cell finished: there is nothing to chart.</div>\n");
        }
        List<Section> sections = SECTIONS.stream().filter(s -> s.shown().test(data)).toList();
        html.raw("<nav>");
        for (Section section : sections) {
            html.raw("<a href=\"#" + section.id() + "\">").text(section.title().apply(data)).raw("</a> ");
        }
        html.raw("</nav></header>\n<main>\n");
        for (Section section : sections) {
            html.raw("<section id=\"" + section.id() + "\">\n<h2>").text(section.title().apply(data)).raw("</h2>\n")
                    .raw(section.body().apply(data)).raw("</section>\n");
        }
        html.raw("</main>\n<footer>").text("Generated by muxbench" + (run == null ? "" : " " + run.muxbenchVersion())
                + " from " + ResultsFormat.RESULTS_FILE + ", " + ResultsFormat.RUN_FILE + " and the cells' HdrHistogram logs.")
                .raw("</footer>\n</body></html>\n");
        return html.toString();
    }
}
