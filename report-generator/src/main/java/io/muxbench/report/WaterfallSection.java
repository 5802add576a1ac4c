package io.muxbench.report;

import io.muxbench.vocabulary.CellKey;
import io.muxbench.report.chart.WaterfallChart;
import io.muxbench.results.PageLoadSample;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One waterfall per cell: the kept page load whose time is closest to the cell's median. */
final class WaterfallSection {

    private WaterfallSection() {
    }

    static String render(ReportData data) {
        Html html = new Html();
        html.note("lead", "For each cell, the kept page load whose time is closest to the cell's median. One lane per"
                + " connection; each request is a bar split into its phases. Handshakes show as orange and purple (over"
                + " QUIC, h3, connection and TLS are one handshake, in pink);"
                + " on HTTP/1.1 a request waits (light grey) for the one ahead of it on its connection; on HTTP/2"
                + " the streams of one connection overlap. Hover a bar for its timings.");
        for (Map.Entry<CellKey.Group, List<Cell>> group : data.groups().entrySet()) {
            html.raw("<div class=\"group\">").element("h3", group.getKey().label());
            // One time axis per group, so the modes' waterfalls compare at a glance.
            double axisMs = group.getValue().stream().map(WaterfallSection::representative).flatMap(Optional::stream)
                    .mapToDouble(WaterfallChart::endMs).max().orElse(0);
            for (Cell cell : group.getValue()) {
                Optional<PageLoadSample> sample = representative(cell);
                if (sample.isEmpty()) {
                    html.note("warn", cell.mode() + ": no page load was kept for a waterfall");
                    continue;
                }
                PageLoadSample s = sample.get();
                String title = String.format(Locale.ROOT, "%s · %s · %.1f ms%s (median %.1f ms) · %d requests", cell.mode(),
                        group.getKey().label(), s.pageLoadMs(), s.failed() ? ", failed" : "", cell.p50Ms(), s.requests().size());
                html.raw("<div class=\"wide\">").raw(WaterfallChart.render(title, s, axisMs, cell.overQuic())).raw("</div>\n");
            }
            html.raw("</div>\n");
        }
        return html.toString();
    }

    /** The successful sample closest to the median; a failed one only when no other was kept. */
    static Optional<PageLoadSample> representative(Cell cell) {
        double median = cell.p50Ms();
        Comparator<PageLoadSample> byDistance = Comparator.comparingDouble(s -> Math.abs(s.pageLoadMs() - median));
        List<PageLoadSample> samples = cell.result().samples().stream().filter(s -> !s.requests().isEmpty()).toList();
        Optional<PageLoadSample> ok = samples.stream().filter(s -> !s.failed()).min(byDistance);
        return ok.isPresent() ? ok : samples.stream().min(byDistance);
    }
}
