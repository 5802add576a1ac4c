package io.muxbench.driver.run;

import io.muxbench.driver.mode.Mode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Named presets of a run. Flags given on the command line override a suite's values.
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

    /** The suite's configuration, starting from the defaults. */
    public RunConfig config() {
        RunConfig d = RunConfig.defaults();
        return new RunConfig(scenarios, Mode.builtIn(), links, List.of("cold", "warm"), true, browsers, 0,
                Duration.ZERO, pageLoads, warmup, rounds, 5, d.pageLoadTimeout(), null, false, 6, 1, 128, 128,
                d.keyType(), d.seed());
    }
}
