package io.muxbench.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Field-by-field differences of two JSON trees, as {@code path: baseline vs current} lines. Objects
 * are compared field by field; arrays and values whole. Fields named in {@code ignored} (a bare name
 * at any depth, or a dotted path from the root) are skipped.
 *
 * <pre>{@code
 * List<String> diffs = JsonDiff.differences("configuration", baseline, current, Set.of("samplesPerCell"));
 * // ["configuration.pageLoads: 200 vs 100"]
 * }</pre>
 */
final class JsonDiff {

    private JsonDiff() {
    }

    static List<String> differences(String root, JsonNode baseline, JsonNode current, Set<String> ignored) {
        List<String> out = new ArrayList<>();
        diff(root, "", baseline, current, ignored, out);
        return out;
    }

    private static void diff(String root, String path, JsonNode baseline, JsonNode current, Set<String> ignored,
                             List<String> out) {
        JsonNode b = baseline == null ? MissingNode.getInstance() : baseline;
        JsonNode c = current == null ? MissingNode.getInstance() : current;
        if (b.isObject() && c.isObject()) {
            Set<String> names = new TreeSet<>();
            b.fieldNames().forEachRemaining(names::add);
            c.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = path.isEmpty() ? name : path + "." + name;
                if (!ignored.contains(name) && !ignored.contains(child)) {
                    diff(root, child, b.get(name), c.get(name), ignored, out);
                }
            }
        } else if (!b.equals(c)) {
            out.add(root + (path.isEmpty() ? "" : "." + path) + ": " + show(b) + " vs " + show(c));
        }
    }

    private static String show(JsonNode node) {
        return node.isMissingNode() ? "(missing)" : node.toString();
    }
}
