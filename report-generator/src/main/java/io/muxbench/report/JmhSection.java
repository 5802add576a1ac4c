package io.muxbench.report;

import io.muxbench.report.chart.ErrorBarChart;
import io.muxbench.report.compare.JmhResult;
import io.muxbench.results.ResultsFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JMH scores with their error, grouped by benchmark class, when the run folder has jmh.json. */
final class JmhSection {

    private JmhSection() {
    }

    static String render(ReportData data) {
        Html html = new Html();
        if (data.jmhProblem() != null) {
            html.note("warn", data.jmhProblem());
            return html.toString();
        }
        if (data.jmh().isEmpty()) {
            html.note("empty", "No " + ResultsFormat.JMH_FILE + " in this run folder: no microbenchmarks ran.");
            return html.toString();
        }
        html.note("lead", "Score ± JMH's 99.9% confidence half-width. Compare bars only within one chart: each has"
                + " one class and one unit.");
        Map<String, List<JmhResult>> byClassAndUnit = new LinkedHashMap<>();
        for (JmhResult r : data.jmh()) {
            byClassAndUnit.computeIfAbsent(className(r) + " (" + r.mode() + ", " + r.unit() + ")", k -> new ArrayList<>()).add(r);
        }
        html.raw("<div class=\"wide\">");
        byClassAndUnit.forEach((title, results) -> html.raw(ErrorBarChart.render(title, results.get(0).unit(),
                results.stream().map(r -> new ErrorBarChart.Bar(label(r), r.score(), r.scoreError())).toList())));
        html.raw("</div>\n");
        html.table("numbers", "class", "benchmark", "mode", "score", "error", "unit");
        for (JmhResult r : data.jmh()) {
            html.row(className(r), label(r), r.mode(), ErrorBarChart.readable(r.score()),
                    Double.isNaN(r.scoreError()) ? "–" : "± " + ErrorBarChart.readable(r.scoreError()), r.unit());
        }
        html.endTable();
        return html.toString();
    }

    /** The benchmark class, without package. */
    static String className(JmhResult r) {
        int method = r.benchmark().lastIndexOf('.');
        String cls = method < 0 ? r.benchmark() : r.benchmark().substring(0, method);
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** The method and its parameters, e.g. {@code encode {size=LARGE}}. */
    static String label(JmhResult r) {
        String method = r.benchmark().substring(r.benchmark().lastIndexOf('.') + 1);
        return r.params().isEmpty() ? method : method + " " + new TreeMap<>(r.params());
    }
}
