package io.muxbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.muxbench.report.chart.LinkChart;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Median page-load time against link profile, one line per mode, per scenario and reuse. */
final class LinksSection {

    /** Names the configuration may give a link profile's round-trip time under, in milliseconds. */
    private static final Set<String> RTT_FIELDS = Set.of("rttMillis", "rttMs");

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
            Map<String, List<Double>> byMode = new LinkedHashMap<>();
            Set<String> modes = new LinkedHashSet<>();
            cells.forEach(c -> modes.add(c.mode()));
            for (String mode : modes) {
                List<Double> p50s = new ArrayList<>();
                for (String link : links) {
                    cells.stream().filter(c -> c.mode().equals(mode) && c.result().link().equals(link) && c.hasPageLoads())
                            .findFirst().ifPresent(c -> p50s.add(c.p50Ms()));
                }
                if (p50s.size() == links.size()) {
                    byMode.put(mode, p50s);
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

    /** The link's name, with its round-trip time when the configuration gives one. */
    private static String label(String link, ReportData data) {
        JsonNode config = data.run() == null ? null : data.run().configuration();
        JsonNode profile = config == null ? null : find(config, link);
        if (profile != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = profile.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (RTT_FIELDS.contains(field.getKey()) && field.getValue().isNumber()) {
                    return link + " (" + field.getValue().asText() + " ms)";
                }
            }
        }
        return link;
    }

    private static JsonNode find(JsonNode node, String name) {
        if (node.isObject() && name.equals(node.path("name").asText(null))) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
