package io.muxbench.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver beside a real browser, for runs with browser cells: for each scenario, link and reuse,
 * page-load p50 over h1 and h2 from each, and the h2/h1 ratio each one measured (with its bootstrap
 * interval). The two ratios agreeing is what makes the driver's figures trustworthy.
 */
final class CalibrationSection {

    private CalibrationSection() {
    }

    static String render(ReportData data) {
        Html html = new Html();
        Map<String, Map<String, Cell>> groups = new LinkedHashMap<>();
        boolean browser = false;
        for (Cell cell : data.cells()) {
            var r = cell.result();
            String key = r.scenario() + "\u0000" + r.link() + "\u0000" + r.reuse() + "\u0000" + r.tls();
            groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(r.client() + "/" + r.mode(), cell);
            browser |= r.client().realBrowser();
        }
        if (!browser) {
            html.note("lead", "No browser ran in this run. 'muxbench run --browser chromium' loads the same pages in"
                    + " headless Chromium through the same link, so the driver's h2/h1 ratio can be checked against a real"
                    + " browser's.");
            return html.toString();
        }
        html.note("lead", "Page-load p50 from the driver and from the browser, through the same link, and the ratio"
                + " h2/h1 each measured (95% bootstrap interval). Absolute times differ by what the browser does that"
                + " the driver does not (parsing, style, scheduling); the ratios should agree.");
        html.table("numbers calibration", "scenario", "link", "reuse", "client", "h1 p50", "h2 p50", "h2/h1", "interval");
        for (Map<String, Cell> group : groups.values()) {
            List<String> clients = group.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).distinct().toList();
            if (clients.size() < 2) {
                continue;
            }
            for (String client : clients) {
                Cell h1 = group.get(client + "/h1");
                Cell h2 = group.get(client + "/h2");
                Cell any = h1 != null ? h1 : h2;
                if (any == null) {
                    continue;
                }
                var r = any.result();
                String ratio = "–";
                String interval = "–";
                if (h1 != null && h2 != null && h1.hasPageLoads() && h2.hasPageLoads()) {
                    RatioEstimate estimate = RatioEstimate.of(h1.pageLoads(), h2.pageLoads());
                    ratio = Html.num(estimate.ratio(), 2) + "×";
                    interval = Html.num(estimate.low(), 2) + " – " + Html.num(estimate.high(), 2);
                }
                html.row(r.scenario(), r.link(), r.reuse() + (r.tls() ? "" : ", cleartext"), client,
                        h1 != null && h1.hasPageLoads() ? Html.ms(h1.p50Ms()) : "–",
                        h2 != null && h2.hasPageLoads() ? Html.ms(h2.p50Ms()) : "–", ratio, interval);
            }
        }
        html.endTable();
        return html.toString();
    }
}
