package io.muxbench.report;

import io.muxbench.report.chart.LinkChart;
import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.vocabulary.RunConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Median page-load time against link profile, one line per mode, per scenario and reuse. */
final class LinksSection {

    private LinksSection() {
    }

    static String render(ReportData data) {
        Html html = new Html();
        List<String> links = new ArrayList<>(data.distinct(c -> c.result().link()));
        if (links.size() < 2) {
            html.note("empty", "Only one link ran (" + String.join(", ", links) + "): run several link profiles to see"
                    + " how the modes compare as the round trip grows.");
            return html.toString();
        }
        List<String> labels = links.stream().map(link -> label(link, data)).toList();
        Map<String, List<Cell>> byScenarioReuse = new LinkedHashMap<>();
        for (Cell cell : data.cells()) {
            String key = cell.result().scenario() + " · " + cell.result().reuse() + (cell.result().tls() ? "" : " · cleartext");
            byScenarioReuse.computeIfAbsent(key, k -> new ArrayList<>()).add(cell);
        }
        List<String> missing = new ArrayList<>();
        html.raw("<div class=\"charts\">");
        byScenarioReuse.forEach((title, cells) -> {
            Map<ModeDescription, List<Double>> byMode = new LinkedHashMap<>();
            Set<String> modes = new LinkedHashSet<>();
            cells.forEach(c -> modes.add(c.mode()));
            for (String mode : modes) {
                List<Double> p50s = new ArrayList<>();
                for (String link : links) {
                    cells.stream().filter(c -> c.mode().equals(mode) && c.result().link().equals(link) && c.hasPageLoads())
                            .findFirst().ifPresent(c -> p50s.add(c.p50Ms()));
                }
                if (p50s.size() == links.size()) {
                    byMode.put(data.mode(mode), p50s);
                } else if (cells.stream().map(c -> c.result().link()).distinct().count() > 1) {
                    missing.add(title + " · " + mode);
                }
            }
            if (cells.stream().map(c -> c.result().link()).distinct().count() < 2) {
                missing.add(title + " (ran on one link only)");
            }
            if (!byMode.isEmpty()) {
                html.raw(LinkChart.render(title, labels, byMode));
            }
        });
        html.raw("</div>\n");
        if (!missing.isEmpty()) {
            html.note("warn", "Not drawn, for lack of page-load times on every link: " + String.join("; ", missing) + ".");
        }
        return html.toString();
    }

    /** The link's name, with its round-trip time when the run recorded the link's profile. */
    private static String label(String link, ReportData data) {
        RunConfiguration.LinkProfile profile = data.run() == null || data.run().configuration() == null ? null
                : data.run().configuration().profile(link);
        return profile == null ? link : link + " (" + profile.rttMillis() + " ms)";
    }
}
