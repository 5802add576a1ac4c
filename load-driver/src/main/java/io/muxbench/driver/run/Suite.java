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
     * Every bundled page-model scenario, the default modes (h3 among them where it can run), cold and warm, over three link profiles, with
     * three browsers per cell so that it fits in minutes: the README's main job. Its warm-up has 60 s
     * per mode: five scenarios cold and warm give the JIT more to compile, and on 2 cores each mode
     * took 33 to 45 s to stop getting cheaper.
     */
    DEFAULT(List.of("image-grid", "blog", "hol-blocking", "big-assets", "fonts-and-styles"),
            List.of("lan", "cable", "4g"), 6, 2, 3, 1, 60),
    /** A short subset on emulated links, compared against results/baseline in CI. */
    CI(List.of("image-grid", "hol-blocking"), List.of("cable"), 10, 2, 1, 2, RunDefaults.WARMUP_BUDGET_SECONDS);

    private final List<String> scenarios;
    private final List<String> links;
    private final int pageLoads;
    private final int rounds;
    private final int browsers;
    private final int warmup;
    private final int warmupBudgetSeconds;

    Suite(List<String> scenarios, List<String> links, int pageLoads, int rounds, int browsers, int warmup,
          int warmupBudgetSeconds) {
        this.scenarios = scenarios;
        this.links = links;
        this.pageLoads = pageLoads;
        this.rounds = rounds;
        this.browsers = browsers;
        this.warmup = warmup;
        this.warmupBudgetSeconds = warmupBudgetSeconds;
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
        // literature is a suite of runs (io.muxbench.driver.literature), not a preset of one: the command line takes it first.
        throw new IllegalArgumentException("unknown suite '" + id + "'; suites: "
                + Arrays.stream(values()).map(Suite::id).collect(Collectors.joining(", ")) + ", literature");
    }

    /** Sets what this suite names, over the defaults the builder holds; flags are set after it. */
    public RunConfig.Builder applyTo(RunConfig.Builder builder) {
        return builder.scenarios(scenarios).links(links).pageLoads(pageLoads).rounds(rounds).browsers(browsers)
                .warmupPageLoads(warmup).warmupBudget(java.time.Duration.ofSeconds(warmupBudgetSeconds));
    }

    /** The suite's configuration, over the defaults. */
    public RunConfig config() {
        return applyTo(RunConfig.builder()).build();
    }
}
