package io.muxbench.driver.run;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** File-safe cell ids: {@code image-grid_cable_cold_h2_tls}. */
final class CellIds {

    /** Longest a scenario or link part of an id may be; longer ones are cut and get a hash suffix. */
    static final int MAX_PART_LENGTH = 60;

    private CellIds() {
    }

    static String of(String scenario, String link, String reuse, String mode, boolean tls) {
        return safe(scenario) + "_" + safe(link) + "_" + reuse + "_" + mode + "_" + (tls ? "tls" : "clear");
    }

    /**
     * The file-safe form of a scenario name or link: lower case, runs of anything but letters,
     * digits, '.' and '-' made one '-'. A longer one is cut, and a hash of the whole original
     * keeps two long link specs that differ only at their ends apart.
     */
    static String safe(String s) {
        String cleaned = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        if (cleaned.length() <= MAX_PART_LENGTH) {
            return cleaned;
        }
        String hash = String.format("%08x", s.hashCode());
        return cleaned.substring(0, MAX_PART_LENGTH - hash.length() - 1) + "-" + hash;
    }

    /**
     * Why two cells of these scenarios and links would share an id, or null if none would: two
     * scenarios whose names are alike once made file-safe ({@code t} and {@code T}, or one name in
     * two files), or two links (long specs whose cut forms and hashes agree).
     *
     * @param scenarios the scenarios' names
     * @param sources   where each came from (a bundled name or a file), in the same order
     * @param links     the links, canonical and without repeats
     */
    static String collision(List<String> scenarios, List<String> sources, List<String> links) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Integer first = seen.putIfAbsent(safe(scenarios.get(i)), i);
            if (first != null) {
                String same = scenarios.get(first).equals(scenarios.get(i))
                        ? "are both named '" + scenarios.get(i) + "'"
                        : "are named '" + scenarios.get(first) + "' and '" + scenarios.get(i) + "', alike once made file-safe";
                return "scenarios " + sources.get(first) + " and " + sources.get(i) + " " + same
                        + " (cells and their files are named after scenarios): rename one";
            }
        }
        Map<String, String> seenLinks = new HashMap<>();
        for (String link : links) {
            String first = seenLinks.putIfAbsent(safe(link), link);
            if (first != null) {
                return "links '" + first + "' and '" + link + "' would give their cells the same id part '" + safe(link)
                        + "' (cells and their files are named after links): change one of them a little";
            }
        }
        return null;
    }
}
