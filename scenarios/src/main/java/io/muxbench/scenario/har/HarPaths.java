package io.muxbench.scenario.har;

import io.muxbench.scenario.Authority;
import io.muxbench.scenario.RequestTarget;
import io.muxbench.scenario.Scenario;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where each imported entry lives in the scenario: its host ({@code null} is the origin under test,
 * and an invalid one is given a {@link #hostName valid name}) and its path, unique per host.
 *
 * <p>Hosts mapped onto one origin: the root is placed first and every entry keeps its own path and
 * query, unless an entry of another host took it already; then it moves to
 * {@code /_h/<host><path>}. Hosts kept apart: the root's host is the origin under test, every
 * other host is named, and paths stay as they are (the importer already dropped duplicates).
 */
final class HarPaths {

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("([0-9]{1,3}(?:\\.[0-9]{1,3}){3})(:[0-9]*)?");

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
            hosts.put(entry, host.equals(rootHost) ? null : hostName(host));
            paths.put(entry, path);
            return;
        }
        String unique = path;
        if (!taken.add(unique)) {
            madeUnique++;
            String prefixed = "/_h/" + hostName(host) + path;
            if (prefixed.length() > RequestTarget.MAX_LENGTH - 16) {
                prefixed = "/_h/" + hostName(host) + "/_" + Integer.toHexString(path.hashCode());
            }
            unique = prefixed;
            for (int n = 2; !taken.add(unique); n++) {
                unique = prefixed + (prefixed.contains("?") ? "&" : "?") + "_n=" + n;
            }
        }
        paths.put(entry, unique);
    }

    /**
     * The host as a scenario may name it ({@link Authority}): as recorded when it is valid, else a
     * name made from it that is, the same every time: {@code ip-93-184-216-34.invalid} for an IPv4
     * address (its port kept), {@code host-<letters and digits of it>-<hash>.invalid} otherwise.
     */
    static String hostName(String host) {
        if (Authority.problem(host) == null) {
            return host;
        }
        // The same host in another spelling: upper case, or fully qualified with its final dot.
        String plain = host.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.(?=(:[0-9]*)?$)", "");
        if (Authority.problem(plain) == null) {
            return plain;
        }
        java.util.regex.Matcher ipv4 = IPV4.matcher(host);
        if (ipv4.matches()) {
            String port = ipv4.group(2);
            boolean validPort = port != null && port.matches(":[1-9][0-9]{0,4}") && Integer.parseInt(port.substring(1)) <= 65535;
            return "ip-" + ipv4.group(1).replace('.', '-') + ".invalid" + (validPort ? port : "");
        }
        String letters = host.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        letters = letters.length() > 40 ? letters.substring(0, 40).replaceAll("-+$", "") : letters;
        return "host-" + (letters.isEmpty() ? "" : letters + "-") + Integer.toHexString(host.hashCode()) + ".invalid";
    }

    /**
     * What a redirect's {@code location} says, so that a browser replaying it reaches {@code target}
     * where the scenario serves it: its path on the same host; on another, a network-path reference
     * {@code //host/path} (the origin under test named {@link Scenario#MAIN_HOST}), which keeps the
     * page's scheme as the origin's generated pages do, and which a browser maps to the origin as it
     * maps the page's other hosts.
     */
    String location(HarEntry redirect, HarEntry target) {
        String host = hostOf(target);
        if (java.util.Objects.equals(hostOf(redirect), host)) {
            return pathOf(target);
        }
        return "//" + (host == null ? Scenario.MAIN_HOST : host) + pathOf(target);
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
