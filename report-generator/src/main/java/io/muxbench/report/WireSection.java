package io.muxbench.report;

import io.muxbench.vocabulary.ClientKind;
import io.muxbench.report.chart.BytesChart;
import io.muxbench.results.CellResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bytes on the wire and connections per page load, and what the embedded origin counted. */
final class WireSection {

    private WireSection() {
    }

    static String render(ReportData data) {
        Html html = new Html();
        String firstLink = data.cells().isEmpty() ? "" : data.cells().get(0).result().link();
        Map<String, List<BytesChart.Bar>> byScenario = new LinkedHashMap<>();
        for (Cell cell : data.cells()) {
            CellResult r = cell.result();
            if (r.link().equals(firstLink) && r.pageLoads().count() > 0 && byDriver(r)) {
                CellResult.Bytes b = r.bytes();
                byScenario.computeIfAbsent(r.scenario(), s -> new ArrayList<>()).add(new BytesChart.Bar(
                        r.mode() + " " + r.reuse(), b.headersSentPerPageLoad(), b.bodySentPerPageLoad(),
                        b.headersReceivedPerPageLoad(), b.bodyReceivedPerPageLoad()));
            }
        }
        html.note("lead", "Bytes per page load on the link \"" + firstLink + "\" (they hardly depend on the link; the"
                + " table has every cell). Headers include HTTP/2 framing; HTTP/2 compresses headers with HPACK. A"
                + " browser reports only what it received, so its cells show no bytes sent and no chart. The server's"
                + " counts are taken at the origin, behind the link: it often writes a small response before the next"
                + " request on that connection has arrived, so HTTP/2 may show few streams in flight there while the"
                + " client has many outstanding (the waterfalls show those).");
        html.raw("<div class=\"charts\">");
        byScenario.forEach((scenario, bars) -> html.raw(BytesChart.render(scenario + ": all bytes", bars, false))
                .raw(BytesChart.render(scenario + ": headers and framing only", bars, true)));
        html.raw("</div>\n");
        html.table("numbers", "scenario", "link", "reuse", "mode", "sent: headers", "sent: bodies",
                "received: headers", "received: bodies", "connections per page load", "server: connections",
                "server: requests", "server: max in flight per connection");
        for (Cell cell : data.cells()) {
            CellResult r = cell.result();
            CellResult.Bytes b = r.bytes();
            CellResult.ServerCounters s = r.server();
            boolean driver = byDriver(r);
            html.row(r.scenario(), r.link(), r.reuse().id(), driver ? r.mode() : r.mode() + " (" + r.client() + ")",
                    driver ? Html.bytes(b.headersSentPerPageLoad()) : "not measured",
                    driver ? Html.bytes(b.bodySentPerPageLoad()) : "not measured", Html.bytes(b.headersReceivedPerPageLoad()),
                    Html.bytes(b.bodyReceivedPerPageLoad()), Html.num(r.connectionsPerPageLoad(), 2),
                    s == null ? "–" : s.connectionsAccepted() + "", s == null ? "–" : s.requestsReceived() + "",
                    s == null ? "–" : s.maxInFlightPerConnection() + "");
        }
        html.endTable();
        if (data.cells().stream().allMatch(c -> c.result().server() == null)) {
            html.note("empty", "No server counters: the run used a real target, not the embedded origin.");
        }
        return html.toString();
    }

    private static boolean byDriver(CellResult r) {
        return r.client() == ClientKind.DRIVER;
    }
}
