package io.muxbench.driver.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named presets of a run, a layer between the defaults ({@link RunDefaults}) and the flags: flags
 * given on the command line override a suite's values.
 */
public enum Suite {
    /**
     * Every bundled page-model scenario, the three modes, cold and warm, over three link profiles, with
     * three browsers per cell so that it fits in minutes: the README's main job.
     */
    DEFAULT(List.of("image-grid", "blog", "hol-blocking", "big-assets", "fonts-and-styles"),
            List.of("lan", "cable", "4g"), 6, 2, 3, 1),
    /** A short subset on emulated links, compared against results/baseline in CI. */
    CI(List.of("image-grid", "hol-blocking"), List.of("cable"), 10, 2, 1, 2);

    private final List<String> scenarios;
    private final List<String> links;
    private final int pageLoads;
    private final int rounds;
    private final int browsers;
    private final int warmup;

    Suite(List<String> scenarios, List<String> links, int pageLoads, int rounds, int browsers, int warmup) {
        this.scenarios = scenarios;
        this.links = links;
        this.pageLoads = pageLoads;
        this.rounds = rounds;
        this.browsers = browsers;
        this.warmup = warmup;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Suite of(String id) {
        for (Suite suite : values()) {
            if (suite.id().equalsIgnoreCase(id)) {
                return suite;
            }
        }
        throw new IllegalArgumentException("unknown suite '" + id + "'; suites: "
                + Arrays.stream(values()).map(Suite::id).collect(Collectors.joining(", ")));
    }

    /** Sets what this suite names, over the defaults the builder holds; flags are set after it. */
    public RunConfig.Builder applyTo(RunConfig.Builder builder) {
        return builder.scenarios(scenarios).links(links).pageLoads(pageLoads).rounds(rounds).browsers(browsers)
                .warmupPageLoads(warmup);
    }

    /** The suite's configuration, over the defaults. */
    public RunConfig config() {
        return applyTo(RunConfig.builder()).build();
    }
}
