package io.muxbench.scenario.har;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures a test expects from a capture, worked out straight from the raw JSON with the rules of
 * scenarios/README.md and none of the importer's code: which entries are replayable, their bytes,
 * their hosts, and the depth of the tree their initiators and timing give.
 */
final class HarFacts {

    final int pages;
    final int entriesInFile;
    final int entriesOfPage;
    final List<JsonNode> kept = new ArrayList<>();
    long totalBytes;
    final Set<String> hosts = new HashSet<>();
    int depth;

    HarFacts(String resource, int page) throws IOException {
        JsonNode log;
        try (InputStream in = HarFacts.class.getResourceAsStream(resource)) {
            log = new ObjectMapper().readTree(in).get("log");
        }
        pages = log.get("pages").size();
        entriesInFile = log.get("entries").size();
        String id = log.get("pages").get(page).get("id").asText();
        List<JsonNode> ofPage = new ArrayList<>();
        log.get("entries").forEach(e -> {
            if (e.get("pageref").asText().equals(id)) {
                ofPage.add(e);
            }
        });
        entriesOfPage = ofPage.size();
        ofPage.sort(Comparator.comparing(e -> OffsetDateTime.parse(e.get("startedDateTime").asText()).toInstant()));
        Set<String> seen = new HashSet<>();
        for (JsonNode e : ofPage) {
            URI uri = URI.create(e.at("/request/url").asText().replace("|", "%7C"));
            int status = e.at("/response/status").asInt();
            boolean replayable = uri.getScheme().startsWith("http") && e.at("/request/method").asText().equals("GET")
                    && status >= 200 && status != 304 && (status < 300 || status >= 400);
            String key = uri.getHost() + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (replayable && seen.add(key)) {
                kept.add(e);
                hosts.add(uri.getHost());
                totalBytes += bytes(e, status);
            }
        }
        depth = treeDepth();
    }

    /** Bytes transferred: bodySize, else _transferSize minus headers, else content.size, else _bytesIn minus headers. */
    private static long bytes(JsonNode e, int status) {
        if (status == 204 || status == 205) {
            return 0;
        }
        JsonNode r = e.get("response");
        long headers = Math.max(0, r.path("headersSize").asLong(0));
        long[] figures = {r.path("bodySize").asLong(-1), r.path("_transferSize").asLong(-1) - headers,
                r.at("/content/size").asLong(-1), e.path("_bytesIn").asLong(-1) - headers};
        for (long f : figures) {
            if (f > 0) {
                return f;
            }
        }
        return 0;
    }

    /** Depth with the root at 1: initiator when it is an earlier kept entry, else a stylesheet for fonts and images, else the root. */
    private int treeDepth() {
        Map<String, Integer> indexByUrl = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            indexByUrl.putIfAbsent(kept.get(i).at("/request/url").asText().replaceAll("#.*", ""), i);
        }
        int[] level = new int[kept.size()];
        level[0] = 1;
        int max = 1;
        for (int i = 1; i < kept.size(); i++) {
            JsonNode e = kept.get(i);
            String initiator = initiator(e);
            Integer parent = initiator == null ? null : indexByUrl.get(initiator);
            if (parent == null || parent >= i) {
                parent = stylesheetBefore(i);
            }
            level[i] = level[parent] + 1;
            max = Math.max(max, level[i]);
        }
        return max;
    }

    private static String initiator(JsonNode e) {
        if (e.has("_initiator_detail")) {
            try {
                JsonNode detail = new ObjectMapper().readTree(e.get("_initiator_detail").asText());
                if (detail.has("url")) {
                    return detail.get("url").asText();
                }
                for (JsonNode s = detail.path("stack"); s.isObject(); s = s.path("parent")) {
                    for (JsonNode frame : s.path("callFrames")) {
                        if (!frame.path("url").asText("").isEmpty()) {
                            return frame.get("url").asText();
                        }
                    }
                }
                return null;
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return e.has("_initiator") ? e.get("_initiator").asText() : null;
    }

    private int stylesheetBefore(int i) {
        JsonNode e = kept.get(i);
        String type = e.at("/response/content/mimeType").asText();
        if (!type.startsWith("image/") && !type.contains("font")) {
            return 0;
        }
        double start = millis(e);
        int best = 0;
        double bestEnd = Double.NEGATIVE_INFINITY;
        for (int j = 1; j < i; j++) {
            JsonNode s = kept.get(j);
            double end = millis(s) + s.get("time").asDouble();
            if (s.at("/response/content/mimeType").asText().contains("css") && end <= start && end >= bestEnd) {
                best = j;
                bestEnd = end;
            }
        }
        return best;
    }

    private static double millis(JsonNode e) {
        java.time.Instant at = OffsetDateTime.parse(e.get("startedDateTime").asText()).toInstant();
        return at.getEpochSecond() * 1000.0 + at.getNano() / 1e6;
    }
}
