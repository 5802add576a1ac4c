package io.muxbench.report;

import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.vocabulary.Reuse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The driver beside a real browser, for runs with browser cells: for each scenario, link and reuse,
 * page-load p50 of the baseline mode and of each other mode both clients ran, and the ratio each
 * client measured (with its bootstrap interval); and, as the headline does, each other mode's ratio
 * to h2 when h2 ran beside the baseline (h3 against h2). The ratios agreeing is what makes the
 * driver's figures trustworthy.
 */
final class CalibrationSection {

    /** Where cells of different clients compare: everything of a cell's key but its mode and client. */
    private record Place(String scenario, String link, Reuse reuse, boolean tls) {
    }

    private CalibrationSection() {
    }

    static String render(ReportData data) {
        Html html = new Html();
        Map<Place, Map<ClientKind, Map<String, Cell>>> places = new LinkedHashMap<>();
        boolean browser = false;
        for (Cell cell : data.cells()) {
            var r = cell.result();
            places.computeIfAbsent(new Place(r.scenario(), r.link(), r.reuse(), r.tls()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.client(), k -> new LinkedHashMap<>()).put(r.mode(), cell);
            browser |= r.client().realBrowser();
        }
        if (!browser) {
            html.note("lead", "No browser ran in this run. 'muxbench run --browser chromium' loads the same pages in"
                    + " headless Chromium through the same link, so the driver's ratios between modes can be checked"
                    + " against a real browser's.");
            return html.toString();
        }
        ModeDescription baseline = data.baseline();
        if (baseline == null) {
            html.note("empty", "No mode of this run is its baseline: there is no ratio to compare.");
            return html.toString();
        }
        String base = baseline.id();
        html.note("lead", "Page-load p50 from the driver and from the browser, through the same link, and the ratio"
                + " to " + base + " each measured (95% bootstrap interval). Absolute times differ by what the browser"
                + " does that the driver does not (parsing, style, scheduling); the ratios should agree.");
        table(html, places, base, Set.of());
        String second = HeadlineSection.second(data);
        if (second != null) {
            html.element("h3", "Against " + second);
            table(html, places, second, Set.of(base));
        }
        return html.toString();
    }

    /** One table: the modes every client ran, but {@code base} and {@code left}, against {@code base}. */
    private static void table(Html html, Map<Place, Map<ClientKind, Map<String, Cell>>> places, String base,
                              Set<String> left) {
        html.table("numbers calibration", "scenario", "link", "reuse", "client", "mode", base + " p50", "p50",
                "ratio to " + base, "interval");
        places.forEach((place, byClient) -> {
            if (byClient.size() < 2) {
                return;
            }
            for (String mode : modesEveryClientRan(byClient, base)) {
                if (!left.contains(mode)) {
                    byClient.forEach((client, byMode) -> row(html, place, client, mode, byMode.get(base), byMode.get(mode)));
                }
            }
        });
        html.endTable();
    }

    /** The modes other than {@code base} that every client ran at one place, in the order first seen. */
    private static List<String> modesEveryClientRan(Map<ClientKind, Map<String, Cell>> byClient, String base) {
        Set<String> modes = new LinkedHashSet<>();
        byClient.values().forEach(byMode -> modes.addAll(byMode.keySet()));
        modes.remove(base);
        byClient.values().forEach(byMode -> modes.retainAll(byMode.keySet()));
        return new ArrayList<>(modes);
    }

    private static void row(Html html, Place place, ClientKind client, String mode, Cell base, Cell cell) {
        String ratio = "–";
        String interval = "–";
        if (base != null && base.hasPageLoads() && cell.hasPageLoads()) {
            RatioEstimate estimate = RatioEstimate.of(base.pageLoads(), cell.pageLoads());
            ratio = Html.num(estimate.ratio(), 2) + "×";
            interval = Html.num(estimate.low(), 2) + " – " + Html.num(estimate.high(), 2);
        }
        html.row(place.scenario(), place.link(), place.reuse() + (place.tls() ? "" : ", cleartext"), client.id(), mode,
                base != null && base.hasPageLoads() ? Html.ms(base.p50Ms()) : "–",
                cell.hasPageLoads() ? Html.ms(cell.p50Ms()) : "–", ratio, interval);
    }
}
