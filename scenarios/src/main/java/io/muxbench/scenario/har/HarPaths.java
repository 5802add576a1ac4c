package io.muxbench.scenario.har;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where each imported entry lives in the scenario: its host ({@code null} is the origin under test)
 * and its path, unique per host.
 *
 * <p>Hosts mapped onto one origin: the root is placed first and every entry keeps its own path and
 * query, unless an entry of another host took it already; then it moves to
 * {@code /_h/<host><path>}. Hosts kept apart: the root's host is the origin under test, every
 * other host is named, and paths stay as they are (the importer already dropped duplicates).
 */
final class HarPaths {

    private final Map<HarEntry, String> paths = new HashMap<>();
    private final Map<HarEntry, String> hosts = new HashMap<>();
    private final int hostCount;
    private int madeUnique;

    HarPaths(HarEntry root, Collection<HarEntry> entries, boolean keepHosts) {
        String rootHost = root.url().host();
        Set<String> taken = new HashSet<>();
        Set<String> distinctHosts = new HashSet<>();
        place(root, rootHost, keepHosts, taken);
        for (HarEntry entry : entries) {
            distinctHosts.add(entry.url().host());
            if (entry != root) {
                place(entry, rootHost, keepHosts, taken);
            }
        }
        this.hostCount = distinctHosts.size();
    }

    private void place(HarEntry entry, String rootHost, boolean keepHosts, Set<String> taken) {
        String host = entry.url().host();
        String path = entry.url().pathAndQuery();
        if (keepHosts) {
            hosts.put(entry, host.equals(rootHost) ? null : host);
            paths.put(entry, path);
            return;
        }
        String unique = path;
        if (!taken.add(unique)) {
            madeUnique++;
            String prefixed = HarUrl.escape("/_h/" + host) + path;
            unique = prefixed;
            for (int n = 2; !taken.add(unique); n++) {
                unique = prefixed + (prefixed.contains("?") ? "&" : "?") + "_n=" + n;
            }
        }
        paths.put(entry, unique);
    }

    String pathOf(HarEntry entry) {
        return paths.get(entry);
    }

    /** The entry's host when hosts are kept apart and it is not the root's; null otherwise. */
    String hostOf(HarEntry entry) {
        return hosts.get(entry);
    }

    /** Distinct hosts among the imported entries. */
    int hostCount() {
        return hostCount;
    }

    /** Paths moved under {@code /_h/<host>} because another host used them. */
    int madeUnique() {
        return madeUnique;
    }
}
