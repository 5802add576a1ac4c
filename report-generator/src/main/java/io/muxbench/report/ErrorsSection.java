package io.muxbench.report;

import io.muxbench.results.CellResult;
import java.util.Map;
import java.util.TreeMap;

/** Failures by cause, per cell. */
final class ErrorsSection {

    private ErrorsSection() {
    }

    static String render(ReportData data) {
        Html html = new Html();
        boolean any = data.cells().stream().anyMatch(c -> !c.result().errors().isEmpty()
                || c.result().pageLoads().failed() > 0 || c.result().requests().failed() > 0);
        if (!any) {
            html.note("ok", "No errors: every page load and request of every cell succeeded.");
            return html.toString();
        }
        html.note("lead", "Failures are counted beside the histograms, never inside them: a failed page load is not"
                + " a fast one.");
        html.table("numbers errors", "scenario", "link", "reuse", "mode", "failed page loads", "failed requests",
                "cause", "count");
        for (Cell cell : data.cells()) {
            CellResult r = cell.result();
            if (r.errors().isEmpty() && r.pageLoads().failed() == 0 && r.requests().failed() == 0) {
                continue;
            }
            String loads = r.pageLoads().failed() + "";
            String requests = r.requests().failed() + "";
            if (r.errors().isEmpty()) {
                html.row(r.scenario(), r.link(), r.reuse().id(), r.mode(), loads, requests, "(no cause recorded)", "");
            }
            for (Map.Entry<String, Long> error : new TreeMap<>(r.errors()).entrySet()) {
                html.row(r.scenario(), r.link(), r.reuse().id(), r.mode(), loads, requests, error.getKey(), error.getValue() + "");
            }
        }
        html.endTable();
        return html.toString();
    }
}
