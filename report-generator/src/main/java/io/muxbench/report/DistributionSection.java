package io.muxbench.report;

import io.muxbench.vocabulary.CellKey;
import io.muxbench.report.chart.CdfChart;
import io.muxbench.report.chart.PercentileChart;
import io.muxbench.results.CellResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Page-load-time distributions per scenario, link and reuse: percentile plot, CDF and a summary table. */
final class DistributionSection {

    private DistributionSection() {
    }

    static String render(ReportData data) {
        Html html = new Html();
        html.note("lead", "Left: the HdrHistogram percentile plot (x axis 1/(1-p) on a log scale, so the tail gets"
                + " room). Right: the share of page loads finished by a given time. One line per mode.");
        for (Map.Entry<CellKey.Group, List<Cell>> group : data.groups().entrySet()) {
            String label = group.getKey().label();
            html.raw("<div class=\"group\">").element("h3", label);
            List<PercentileChart.Series> series = new ArrayList<>();
            for (Cell cell : group.getValue()) {
                if (cell.hasPageLoads()) {
                    series.add(new PercentileChart.Series(data.mode(cell.mode()), cell.pageLoads()));
                } else {
                    html.note("warn", cell.mode() + ": " + (cell.problem() != null ? cell.problem()
                            : "no successful page loads, nothing to plot"));
                }
            }
            if (!series.isEmpty()) {
                html.raw("<div class=\"charts\">").raw(PercentileChart.render(label, series))
                        .raw(CdfChart.render(label, series)).raw("</div>\n");
            }
            summary(html, group.getValue());
            html.raw("</div>\n");
        }
        return html.toString();
    }

    private static void summary(Html html, List<Cell> cells) {
        html.table("numbers", "mode", "page loads", "failed", "p50", "p90", "p99", "max", "mean ± sd");
        for (Cell cell : cells) {
            CellResult.PageLoads p = cell.result().pageLoads();
            boolean any = p.count() > 0;
            html.row(cell.mode(), p.count() + "", p.failed() + "", any ? Html.ms(p.p50Ms()) : "–",
                    any ? Html.ms(p.p90Ms()) : "–", any ? Html.ms(p.p99Ms()) : "–", any ? Html.ms(p.maxMs()) : "–",
                    any ? Html.ms(p.meanMs()) + " ± " + Html.ms(p.stddevMs()) : "–");
            if (p.uncorrected() != null) {
                html.row(cell.mode() + " (uncorrected)", "", "", Html.ms(p.uncorrected().p50Ms()),
                        Html.ms(p.uncorrected().p90Ms()), Html.ms(p.uncorrected().p99Ms()),
                        Html.ms(p.uncorrected().maxMs()), "");
            }
        }
        html.endTable();
    }
}
