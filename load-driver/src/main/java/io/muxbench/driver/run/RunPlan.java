package io.muxbench.driver.run;

import io.muxbench.driver.mode.Mode;
import io.muxbench.scenario.Scenario;
import io.muxbench.vocabulary.CellKey;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.Reuse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What a run will do, worked out before anything starts and without touching the network: its cells
 * (scenario x link x reuse x mode, then the Chromium cells of the group), the order each round runs
 * them in, each round's share of the page loads and how many page loads the progress bar counts.
 *
 * <pre>{@code
 * RunPlan plan = RunPlan.of(config, scenarios, scenario -> List.of());
 * for (int round = 0; round < plan.rounds(); round++) {
 *     for (RunPlan.Cell cell : plan.inRoundOrder(round)) { ... plan.quota(round) ... }
 * }
 * }</pre>
 */
final class RunPlan {

    /** One cell to measure: its key, and the scenario and mode its key names. */
    record Cell(CellKey key, Scenario scenario, Mode mode) {
        /** The cell's id in results and the name of its histogram log. */
        String id() {
            return key.fileId();
        }

        boolean cold() {
            return key.reuse() == Reuse.COLD;
        }
    }

    private final List<Cell> cells;
    private final int pageLoads;
    private final int rounds;
    private final int browsers;
    private final int warmupPerBrowser;

    private RunPlan(List<Cell> cells, int pageLoads, int rounds, int browsers, int warmupPerBrowser) {
        this.cells = List.copyOf(cells);
        this.pageLoads = pageLoads;
        this.rounds = rounds;
        this.browsers = browsers;
        this.warmupPerBrowser = warmupPerBrowser;
    }

    /**
     * The plan of a configuration, for its shard: the shard's page loads per cell in as many rounds as
     * configured (fewer when it has fewer page loads), by its browsers, each warming up as it would
     * in a run of one process.
     *
     * @param chromiumModes for a scenario, the modes Chromium loads it over (none without Chromium)
     * @throws IllegalStateException when two cells would share an id ({@link #collision} is checked first)
     */
    static RunPlan of(RunConfig config, List<Scenario> scenarios, Function<Scenario, List<Mode>> chromiumModes) {
        List<Cell> cells = new ArrayList<>();
        Map<String, List<Mode>> chromium = new HashMap<>();
        for (Scenario scenario : scenarios) {
            for (String link : config.links()) {
                for (Reuse reuse : config.matrix().reuse()) {
                    for (Mode mode : config.modes()) {
                        cells.add(cell(scenario, mode, link, reuse, config.tls(), ClientKind.DRIVER));
                    }
                    for (Mode mode : chromium.computeIfAbsent(scenario.name(), n -> chromiumModes.apply(scenario))) {
                        cells.add(cell(scenario, mode, link, reuse, config.tls(), ClientKind.CHROMIUM));
                    }
                }
            }
        }
        Set<String> ids = new HashSet<>();
        for (Cell cell : cells) {
            if (!ids.add(cell.id())) { // collision() refuses this before the run starts
                throw new IllegalStateException("two cells share the id '" + cell.id() + "'");
            }
        }
        RunConfig.Measurement measurement = config.measurement();
        int pageLoads = config.shardPageLoads();
        int warmupPerBrowser = measurement.warmupPageLoads() > 0
                ? Math.max(1, measurement.warmupPageLoads() / config.load().browsers()) : 0;
        return new RunPlan(cells, pageLoads, Math.min(measurement.rounds(), pageLoads),
                config.shardLoad().browsers(), warmupPerBrowser);
    }

    private static Cell cell(Scenario scenario, Mode mode, String link, Reuse reuse, boolean tls, ClientKind client) {
        return new Cell(new CellKey(scenario.name(), mode.id(), link, reuse, tls, client), scenario, mode);
    }

    /** Every cell, in the order results list them. */
    List<Cell> cells() {
        return cells;
    }

    int rounds() {
        return rounds;
    }

    /**
     * The cells in the order a round runs them: scenario by scenario, link by link, reuse by reuse, as
     * configured, but with the modes of each group rotated by one every round, so that whatever the
     * order costs (a JIT still warming, a cache) does not always fall on the same mode.
     */
    List<Cell> inRoundOrder(int round) {
        Map<CellKey.Group, List<Cell>> groups = new LinkedHashMap<>();
        for (Cell cell : cells) {
            groups.computeIfAbsent(cell.key().group(), k -> new ArrayList<>()).add(cell);
        }
        List<Cell> ordered = new ArrayList<>(cells.size());
        for (List<Cell> group : groups.values()) {
            for (int i = 0; i < group.size(); i++) {
                ordered.add(group.get((i + round) % group.size()));
            }
        }
        return ordered;
    }

    /** The measured page loads each cell makes in this round: the first rounds take the remainder. */
    int quota(int round) {
        return pageLoads / rounds + (round < pageLoads % rounds ? 1 : 0);
    }

    /** Unrecorded page loads each driver browser makes before a cell's first round. */
    int warmupPerBrowser() {
        return warmupPerBrowser;
    }

    /**
     * Every page load the run makes, as the progress bar counts them: the measured ones; for a driver
     * cell its warm-up and, when warm, each browser's connection-opening page load per round; for a
     * Chromium cell its one unmeasured first page load.
     */
    long progressTotal() {
        long total = 0;
        for (Cell cell : cells) {
            total += pageLoads;
            if (cell.key().client() != ClientKind.DRIVER) {
                total += 1;
                continue;
            }
            total += (long) browsers * warmupPerBrowser;
            if (!cell.cold()) {
                total += (long) browsers * rounds;
            }
        }
        return total;
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
            Integer first = seen.putIfAbsent(CellKey.safe(scenarios.get(i)), i);
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
            String first = seenLinks.putIfAbsent(CellKey.safe(link), link);
            if (first != null) {
                return "links '" + first + "' and '" + link + "' would give their cells the same id part '"
                        + CellKey.safe(link) + "' (cells and their files are named after links): change one of them a little";
            }
        }
        return null;
    }
}
