package io.muxbench.scenario.har;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which imported entry is the document and which entry each other one was discovered in.
 * The rules, in order (scenarios/README.md, "Importing HAR files"):
 * <ol>
 *   <li>The root is the entry the page's URL leads to, following the capture's redirects; without
 *       one, the first imported entry.</li>
 *   <li>The initiator the capture recorded (Chrome's {@code _initiator} URL, or its {@code url}, or
 *       the first call frame with a URL of its {@code stack}), when it names an imported entry
 *       that started earlier (redirects followed).</li>
 *   <li>Otherwise timing: a font or image hangs under the stylesheet that finished last before it
 *       started; everything else under the root.</li>
 * </ol>
 * A parent is always the root or an entry that started earlier, so the result is a tree.
 */
final class HarTree {

    private static final ObjectMapper DETAIL_READER = new ObjectMapper();
    private static final int MAX_REDIRECTS = 20;

    private final Map<String, HarEntry> imported = new HashMap<>();
    private final Map<String, HarEntry> redirects = new HashMap<>();
    private final Map<HarEntry, HarEntry> sheetBefore = new HashMap<>();
    private final HarEntry root;

    /**
     * @param all       every entry of the page, sorted by start
     * @param kept      the imported ones, in the same order
     * @param pageUrl   the page's URL as the capture names it; null when it has none
     */
    HarTree(List<HarEntry> all, List<HarEntry> kept, String pageUrl) {
        // One pass in start order, stylesheets kept by the time they finished: each font or image then
        // finds the one that finished last before it started without rescanning every earlier entry.
        TreeMap<Double, HarEntry> sheetsByEnd = new TreeMap<>();
        for (HarEntry entry : kept) {
            imported.putIfAbsent(entry.resourceKey(), entry);
            if (entry.fontOrImage() && !Double.isNaN(entry.startMillis())) {
                Map.Entry<Double, HarEntry> sheet = sheetsByEnd.floorEntry(entry.startMillis());
                if (sheet != null) {
                    sheetBefore.put(entry, sheet.getValue());
                }
            }
            if (entry.stylesheet() && !Double.isNaN(entry.endMillis())) {
                sheetsByEnd.put(entry.endMillis(), entry); // on a tie the later entry wins
            }
        }
        for (HarEntry entry : all) {
            if (entry.redirectTarget() != null) {
                redirects.putIfAbsent(entry.resourceKey(), entry);
            }
        }
        HarEntry document = pageUrl == null ? null : follow(pageUrl);
        if (document == null && !all.isEmpty() && all.get(0).url() != null) {
            document = follow(all.get(0).url().key());
        }
        this.root = document == null ? kept.get(0) : document;
    }

    HarEntry root() {
        return root;
    }

    /** The entry {@code entry} was discovered in; never called for the root. */
    HarEntry parentOf(HarEntry entry) {
        String initiator = initiatorUrl(entry.node());
        HarEntry parent = initiator == null ? null : follow(initiator);
        if (parent == null || parent == entry || (parent != root && parent.order() >= entry.order())) {
            parent = byTiming(entry);
        }
        return parent;
    }

    private HarEntry byTiming(HarEntry entry) {
        return sheetBefore.getOrDefault(entry, root);
    }

    /** The imported entry a URL leads to, through the capture's redirects; null when none. */
    private HarEntry follow(String url) {
        HarUrl at = url == null ? null : HarUrl.parse(url);
        for (int hops = 0; at != null && hops <= MAX_REDIRECTS; hops++) {
            String key = at.host() + at.pathAndQuery();
            HarEntry found = imported.get(key);
            if (found != null) {
                return found;
            }
            HarEntry redirect = redirects.get(key);
            String target = redirect == null ? null : redirect.redirectTarget();
            at = target == null ? null : HarUrl.parse(target);
        }
        return null;
    }

    /** The URL of what started this request, from any of the forms captures record it in; null when none. */
    static String initiatorUrl(JsonNode entry) {
        JsonNode initiator = entry.path("_initiator");
        if (!initiator.isObject() && entry.path("_initiator_detail").isTextual()) {
            try {
                initiator = DETAIL_READER.readTree(entry.path("_initiator_detail").asText());
                initiator = initiator == null ? entry.path("_initiator") : initiator;
            } catch (IOException e) {
                initiator = entry.path("_initiator");
            }
        }
        if (initiator.isTextual()) {
            return blankToNull(initiator.asText());
        }
        String url = blankToNull(initiator.path("url").asText(""));
        for (JsonNode stack = initiator.path("stack"); url == null && stack.isObject(); stack = stack.path("parent")) {
            for (JsonNode frame : stack.path("callFrames")) {
                url = blankToNull(frame.path("url").asText(""));
                if (url != null) {
                    break;
                }
            }
        }
        return url;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
