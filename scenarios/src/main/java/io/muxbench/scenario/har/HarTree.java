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
 *   <li>The root is the entry the page's URL leads to, following the capture's redirects (a kept
 *       redirect is that entry, and the document is where its chain ends); without one, the first
 *       imported entry.</li>
 *   <li>A kept redirect's target hangs under it, and nothing else does.</li>
 *   <li>The initiator the capture recorded (Chrome's {@code _initiator} URL, or its {@code url}, or
 *       the first call frame with a URL of its {@code stack}), when it names an imported entry
 *       that started earlier (redirects followed).</li>
 *   <li>Otherwise timing: a font or image hangs under the stylesheet that finished last before it
 *       started; everything else under the document.</li>
 * </ol>
 * A parent is always the document or an entry that started earlier, and the document's parent is the
 * redirect before it, so the result is a tree.
 */
final class HarTree {

    private static final ObjectMapper DETAIL_READER = new ObjectMapper();
    private static final int MAX_REDIRECTS = 20;

    private final Map<String, HarEntry> imported = new HashMap<>();
    private final Map<String, HarEntry> redirects = new HashMap<>();
    private final Map<HarEntry, HarEntry> sheetBefore = new HashMap<>();
    /** Kept redirects and where each leads; and the other way round. */
    private final Map<HarEntry, HarEntry> links;
    private final Map<HarEntry, HarEntry> linkedFrom = new HashMap<>();
    private final HarEntry root;
    /** Where the root's kept redirects lead, the root itself when it is no redirect. */
    private final HarEntry document;

    /**
     * @param all       every entry of the page, sorted by start
     * @param kept      the imported ones, in the same order
     * @param links     each kept redirect and the kept entry it leads to (empty when redirects are dropped)
     * @param pageUrl   the page's URL as the capture names it; null when it has none
     */
    HarTree(List<HarEntry> all, List<HarEntry> kept, Map<HarEntry, HarEntry> links, String pageUrl) {
        this.links = links;
        links.forEach((redirect, target) -> linkedFrom.put(target, redirect));
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
            if (entry.stylesheet() && !links.containsKey(entry) && !Double.isNaN(entry.endMillis())) {
                sheetsByEnd.put(entry.endMillis(), entry); // on a tie the later entry wins
            }
        }
        for (HarEntry entry : all) {
            if (entry.redirectTarget() != null) {
                redirects.putIfAbsent(entry.resourceKey(), entry);
            }
        }
        HarEntry first = pageUrl == null ? null : follow(pageUrl, false);
        if (first == null && !all.isEmpty() && all.get(0).url() != null) {
            first = follow(all.get(0).url().key(), false);
        }
        this.root = first == null ? kept.get(0) : first;
        this.document = landing(root);
    }

    HarEntry root() {
        return root;
    }

    /**
     * The entry {@code entry} was discovered in, or the kept redirect that leads to it (a redirect has
     * that one child); never called for the root.
     */
    HarEntry parentOf(HarEntry entry) {
        HarEntry redirect = linkedFrom.get(entry);
        if (redirect != null) {
            return redirect;
        }
        String initiator = initiatorUrl(entry.node());
        HarEntry parent = initiator == null ? null : follow(initiator, true);
        if (parent == null || parent == entry || (parent != document && parent.order() >= entry.order())) {
            parent = byTiming(entry);
        }
        return parent;
    }

    private HarEntry byTiming(HarEntry entry) {
        return sheetBefore.getOrDefault(entry, document);
    }

    /** Where a kept redirect's chain ends; the entry itself when it is no kept redirect. */
    private HarEntry landing(HarEntry entry) {
        HarEntry at = entry;
        while (links.containsKey(at)) {
            at = links.get(at);
        }
        return at;
    }

    /**
     * The imported entry a URL leads to, through the capture's redirects; null when none. With
     * {@code throughKept}, through kept redirects too (what a page's element names is what it got, not
     * the redirect); without, a kept redirect is where the URL leads (the page's first request).
     */
    private HarEntry follow(String url, boolean throughKept) {
        HarUrl at = url == null ? null : HarUrl.parse(url);
        for (int hops = 0; at != null && hops <= MAX_REDIRECTS; hops++) {
            String key = at.host() + at.pathAndQuery();
            HarEntry found = imported.get(key);
            if (found != null) {
                return throughKept ? landing(found) : found;
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
