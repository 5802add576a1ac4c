package io.muxbench.scenario.har;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.muxbench.scenario.HttpFields;
import io.muxbench.scenario.JsonPaths;
import io.muxbench.scenario.Messages;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns one page of a HAR capture into a scenario: what each entry answered (status, type, size,
 * headers) and which entry it was discovered in. Untidy entries are skipped and counted, never fatal;
 * a file that is not a readable HAR is a {@link ScenarioException} of one line.
 *
 * <pre>{@code
 * HarImport imported = HarImporter.importHar(Path.of("shop.har"), HarImporter.Options.defaults().withPage(1));
 * System.err.println(imported.summary());
 * Files.writeString(Path.of("shop.json"), ScenarioLoader.toJson(imported.scenario()));
 * }</pre>
 */
public final class HarImporter {

    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private HarImporter() {
    }

    /**
     * What to import.
     *
     * @param page          index into {@code log.pages} (0 = the first); a HAR without pages is one page 0
     * @param keepHosts     keep each host as its own origin ({@link Resource#host()}) instead of mapping
     *                      every host onto the origin under test
     * @param decodedSizes  use the decoded body size (content.size) instead of the bytes transferred
     * @param keepRedirects replay each redirect (3xx but 304) as a resource of its own whose one child is
     *                      where it leads, so its round trip is paid as a browser pays it; false skips
     *                      redirects and hangs what they lead to in their place
     * @param name          the scenario's name; null derives it from the file name
     */
    public record Options(int page, boolean keepHosts, boolean decodedSizes, boolean keepRedirects, String name) {

        public Options {
            if (page < 0) {
                throw new IllegalArgumentException("page must be 0 or more, got " + page);
            }
        }

        /** Page 0, hosts mapped onto one origin, transferred sizes, redirects kept, name from the file. */
        public static Options defaults() {
            return new Options(0, false, false, true, null);
        }

        public Options withPage(int newPage) {
            return new Options(newPage, keepHosts, decodedSizes, keepRedirects, name);
        }

        public Options withKeepHosts(boolean keep) {
            return new Options(page, keep, decodedSizes, keepRedirects, name);
        }

        public Options withDecodedSizes(boolean decoded) {
            return new Options(page, keepHosts, decoded, keepRedirects, name);
        }

        public Options withKeepRedirects(boolean keep) {
            return new Options(page, keepHosts, decodedSizes, keep, name);
        }

        /** {@code import-har --drop-redirects}: as before redirects were replayed. */
        public Options withDropRedirects(boolean drop) {
            return withKeepRedirects(!drop);
        }

        public Options withName(String newName) {
            return new Options(page, keepHosts, decodedSizes, keepRedirects, newName);
        }
    }

    /** Imports one page of a HAR file. */
    public static HarImport importHar(Path file, Options options) throws ScenarioException {
        String source = file.toString();
        byte[] bytes = read(file);
        JsonNode log = log(source, bytes);
        JsonNode pages = log.path("pages");
        List<JsonNode> pageEntries = pageEntries(source, bytes, log, pages, options.page());
        JsonNode page = pages.path(options.page());

        List<HarEntry> all = sortedEntries(pageEntries);
        Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
        Map<HarEntry, Resource> leaves = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (HarEntry entry : all) {
            SkipReason reason = entry.skip();
            if (reason == SkipReason.REDIRECT && options.keepRedirects()) {
                // http://a/ to https://a/ is the same host and path: the origin serves one scheme.
                reason = sameResource(entry) ? SkipReason.REDIRECT_UNFOLLOWED : null;
            }
            if (reason == null && !seen.add(entry.resourceKey())) {
                reason = SkipReason.DUPLICATE;
            }
            if (reason == null) {
                try {
                    leaves.put(entry, new Resource(entry.url().pathAndQuery(), entry.status(), entry.contentType(),
                            entry.size(options.decodedSizes()), HarHeaders.response(entry.node().path("response").path("headers")),
                            0, List.of(), null));
                } catch (IllegalArgumentException e) {
                    reason = SkipReason.INVALID;
                }
            }
            if (reason != null) {
                skipped.merge(reason, 1, Integer::sum);
            }
        }
        Map<HarEntry, HarEntry> links = options.keepRedirects() ? link(leaves, skipped) : Map.of();
        if (leaves.isEmpty()) {
            throw new ScenarioException(source, "", 0, "none of the " + all.size() + " entries of page " + options.page()
                    + " can be replayed (skipped " + HarImport.skippedText(skipped) + ")");
        }
        HarTree tree = new HarTree(all, List.copyOf(leaves.keySet()), links, pageUrl(page));
        HarPaths paths = new HarPaths(tree.root(), leaves.keySet(), options.keepHosts());
        Resource root = build(tree, leaves, links, paths);
        HarImport.Counts counts = new HarImport.Counts(log.path("entries").size(), all.size(), leaves.size(), skipped,
                paths.hostCount(), paths.madeUnique(), links.size());
        String pageLabel = tree.root().url().key();
        String name = options.name() != null ? options.name() : scenarioName(file, page.path("title").asText(""));
        Scenario scenario;
        try {
            scenario = new Scenario(Scenario.SCHEMA_VERSION, name,
                    HarImport.description(file.getFileName().toString(), options, pageLabel, counts),
                    HarHeaders.request(tree.root().node().path("request").path("headers")), root);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(source, "", 0, "cannot make a scenario of it: " + e.getMessage());
        }
        return new HarImport(scenario, counts, HarImport.summary(options, pageLabel, counts));
    }

    /** Whether a redirect leads to its own host, path and query (another scheme): nothing a scenario can hold. */
    private static boolean sameResource(HarEntry redirect) {
        HarUrl target = redirect.redirectTarget() == null ? null : HarUrl.parse(redirect.redirectTarget());
        return target != null && (target.host() + target.pathAndQuery()).equals(redirect.resourceKey());
    }

    /**
     * Each kept redirect and the kept entry it leads to, which must have started after it and be led
     * to by no other redirect; a redirect without one (its target not captured, skipped or taken) is
     * removed from {@code leaves} and counted. Latest first, so that a chain's later links are settled
     * before the earlier ones that lead to them.
     */
    private static Map<HarEntry, HarEntry> link(Map<HarEntry, Resource> leaves, Map<SkipReason, Integer> skipped) {
        Map<String, HarEntry> byKey = new HashMap<>();
        List<HarEntry> redirects = new ArrayList<>();
        for (HarEntry entry : leaves.keySet()) {
            byKey.put(entry.resourceKey(), entry);
            if (entry.redirect()) {
                redirects.add(entry);
            }
        }
        Map<HarEntry, HarEntry> links = new HashMap<>();
        Set<HarEntry> taken = new HashSet<>();
        for (int i = redirects.size() - 1; i >= 0; i--) {
            HarEntry redirect = redirects.get(i);
            String location = redirect.redirectTarget();
            HarUrl url = location == null ? null : HarUrl.parse(location);
            HarEntry target = url == null ? null : byKey.get(url.host() + url.pathAndQuery());
            if (target != null && target.order() > redirect.order() && leaves.containsKey(target)
                    && (!target.redirect() || links.containsKey(target)) && taken.add(target)) {
                links.put(redirect, target);
            } else {
                leaves.remove(redirect);
                skipped.merge(SkipReason.REDIRECT_UNFOLLOWED, 1, Integer::sum);
            }
        }
        return links;
    }

    /**
     * The resource tree, built without recursion (initiator chains can be thousands deep). A resource
     * whose parent is already {@link Resource#MAX_DEPTH} levels deep hangs under its grandparent
     * instead, so that every import is a scenario the loader reads back.
     */
    private static Resource build(HarTree tree, Map<HarEntry, Resource> leaves, Map<HarEntry, HarEntry> links,
            HarPaths paths) {
        HarEntry rootEntry = tree.root();
        Map<HarEntry, HarEntry> parents = new HashMap<>();
        Map<HarEntry, Integer> depths = new HashMap<>();
        Map<HarEntry, List<HarEntry>> children = new HashMap<>();
        depths.put(rootEntry, 1);
        // The root's redirects to the document first: entries that started before the document may hang
        // under it. Then start order: a parent is the document or started earlier, so its depth is known.
        Set<HarEntry> order = new java.util.LinkedHashSet<>();
        for (HarEntry e = links.get(rootEntry); e != null; e = links.get(e)) {
            order.add(e);
        }
        for (HarEntry entry : leaves.keySet()) {
            if (entry != rootEntry) {
                order.add(entry);
            }
        }
        for (HarEntry entry : order) {
            HarEntry parent = tree.parentOf(entry);
            if (depths.get(parent) >= Resource.MAX_DEPTH) {
                parent = parents.get(parent);
            }
            parents.put(entry, parent);
            depths.put(entry, depths.get(parent) + 1);
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(entry);
        }
        List<HarEntry> parentsFirst = new ArrayList<>(List.of(rootEntry));
        for (int i = 0; i < parentsFirst.size(); i++) {
            parentsFirst.addAll(children.getOrDefault(parentsFirst.get(i), List.of()));
        }
        Map<HarEntry, Resource> built = new HashMap<>();
        for (int i = parentsFirst.size() - 1; i >= 0; i--) {
            HarEntry entry = parentsFirst.get(i);
            Resource leaf = leaves.get(entry);
            List<Resource> kids = new ArrayList<>();
            for (HarEntry child : children.getOrDefault(entry, List.of())) {
                kids.add(built.remove(child));
            }
            HarEntry target = links.get(entry);
            Map<String, String> headers = target == null ? leaf.headers()
                    : redirectHeaders(leaf.headers(), paths.location(entry, target));
            built.put(entry, new Resource(paths.pathOf(entry), leaf.status(), leaf.contentType(), leaf.size(), headers,
                    0, kids, paths.hostOf(entry)));
        }
        return built.get(rootEntry);
    }

    /**
     * A redirect's response fields: {@code location} first (where the scenario serves its target), then
     * the recorded ones while they fit ({@link HttpFields}). A location too long for a field is left
     * out: the driver pays the round trip all the same, a browser would stop there.
     */
    private static Map<String, String> redirectHeaders(Map<String, String> recorded, String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        int total = 0;
        if (location.length() <= HttpFields.MAX_VALUE_LENGTH) {
            headers.put("location", location);
            total = "location".length() + location.length();
        }
        for (Map.Entry<String, String> field : recorded.entrySet()) {
            int length = field.getKey().length() + field.getValue().length();
            if (!field.getKey().equals("location") && total + length <= HttpFields.MAX_RESPONSE_TOTAL_LENGTH) {
                headers.put(field.getKey(), field.getValue());
                total += length;
            }
        }
        return headers;
    }

    private static byte[] read(Path file) throws ScenarioException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw ScenarioException.unreadable(file, e);
        }
    }

    private static JsonNode log(String source, byte[] bytes) throws ScenarioException {
        JsonNode har;
        try {
            har = READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw unreadable(source, e);
        } catch (IOException e) {
            throw new ScenarioException(source, "", 0, "cannot read: " + Messages.fromJackson(e.getMessage()));
        }
        if (har == null || har.isMissingNode()) {
            throw new ScenarioException(source, "", 0, "empty file");
        }
        if (!har.path("log").isObject()) {
            throw new ScenarioException(source, "$.log", 0, "not a HAR file: no \"log\" object");
        }
        JsonNode entries = har.path("log").path("entries");
        if (!entries.isArray()) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int line = lineOf(text, entries.isMissingNode() ? "$.log" : "$.log.entries");
            throw new ScenarioException(source, "$.log.entries", line, "not a HAR file: "
                    + (entries.isMissingNode() ? "no log.entries" : "log.entries is not an array"));
        }
        if (entries.isEmpty()) {
            throw new ScenarioException(source, "$.log.entries", lineOf(new String(bytes, StandardCharsets.UTF_8),
                    "$.log.entries"), "the HAR has no entries");
        }
        return har.path("log");
    }

    private static List<JsonNode> pageEntries(String source, byte[] bytes, JsonNode log, JsonNode pages, int page)
            throws ScenarioException {
        List<JsonNode> chosen = new ArrayList<>();
        int pageCount = pages.isArray() ? pages.size() : 0;
        if (page >= Math.max(1, pageCount)) {
            String where = pageCount == 0 ? "the HAR has no log.pages, so all its entries are page 0"
                    : "the HAR has " + pageCount + " page" + (pageCount == 1 ? " (page 0)" : "s (0 to " + (pageCount - 1) + ")");
            throw new ScenarioException(source, "$.log.pages", lineOf(new String(bytes, StandardCharsets.UTF_8),
                    "$.log.pages"), "page " + page + " is out of range: " + where);
        }
        String id = pages.path(page).path("id").asText(null);
        for (JsonNode entry : log.path("entries")) {
            JsonNode ref = entry.path("pageref");
            boolean unassigned = ref.isMissingNode() || ref.isNull();
            if (pageCount == 0 || (id != null && id.equals(ref.asText(null))) || (pageCount == 1 && unassigned)) {
                chosen.add(entry);
            }
        }
        if (chosen.isEmpty()) {
            throw new ScenarioException(source, "$.log.pages[" + page + "]", 0,
                    "page " + page + " (id \"" + id + "\") has no entries");
        }
        return chosen;
    }

    /** Entries by start time; an entry without a readable start keeps its place after the one before it. */
    private static List<HarEntry> sortedEntries(List<JsonNode> nodes) {
        List<HarEntry> read = new ArrayList<>();
        double[] sortKey = new double[nodes.size()];
        double last = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nodes.size(); i++) {
            HarEntry entry = HarEntry.read(nodes.get(i), i);
            last = Double.isNaN(entry.startMillis()) ? last : entry.startMillis();
            sortKey[i] = last;
            read.add(entry);
        }
        read.sort(Comparator.<HarEntry>comparingDouble(e -> sortKey[e.order()]).thenComparingInt(HarEntry::order));
        List<HarEntry> sorted = new ArrayList<>();
        for (HarEntry e : read) {
            sorted.add(e.withOrder(sorted.size()));
        }
        return sorted;
    }

    /** The URL the page was loaded from: WebPageTest's _URL, or a title that is a URL; null otherwise. */
    private static String pageUrl(JsonNode page) {
        for (String candidate : new String[]{page.path("_URL").asText(""), page.path("title").asText("")}) {
            HarUrl url = HarUrl.parse(candidate);
            if (url != null && (url.scheme().equals("http") || url.scheme().equals("https")) && !candidate.contains(" ")) {
                return candidate;
            }
        }
        return null;
    }

    /** A scenario name from the file name (or else the page title) that meets the name rule. */
    static String scenarioName(Path file, String title) {
        String base = file.getFileName().toString().replaceFirst("(?i)\\.har$", "");
        for (String candidate : new String[]{base, title}) {
            String name = candidate.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
            name = name.length() > 64 ? name.substring(0, 64) : name;
            if (!name.isEmpty()) {
                return name;
            }
        }
        return "har";
    }

    private static ScenarioException unreadable(String source, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        String at = e.getProcessor() instanceof JsonParser parser ? pathOf(parser.getParsingContext()) : "";
        boolean truncated = e instanceof JsonEOFException || e.getOriginalMessage().contains("end-of-input");
        String problem = truncated ? "unexpected end of file (truncated HAR?)"
                : e instanceof StreamConstraintsException ? Messages.fromJackson(e.getOriginalMessage())
                : "malformed JSON: " + Messages.fromJackson(e.getOriginalMessage());
        return new ScenarioException(source, at, line, problem);
    }

    private static int lineOf(String text, String path) {
        return JsonPaths.lineOf(READER.getFactory(), text, path);
    }

    private static String pathOf(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, "." + c.getCurrentName());
            }
        }
        return "$" + path;
    }
}
