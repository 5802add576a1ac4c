package io.muxbench.driver.run;

/**
 * Every default of a run, in one place: {@link RunConfig#builder()} starts from them, a
 * {@link Suite} is layered over them, flags over the suite, and the command line's help text quotes
 * them (they are constants so that annotations can).
 */
public final class RunDefaults {

    public static final String SCENARIO = "image-grid";
    public static final String LINK = "cable";
    public static final int BROWSERS = 1;
    /** Closed load's pause between a browser's page loads, as the command line writes it. */
    public static final String THINK_TIME = "0ms";
    public static final int PAGE_LOADS = 50;
    public static final int WARMUP_PAGE_LOADS = 5;
    /** The longest warm-up to steady state per mode, as the command line writes it. */
    public static final String WARMUP_BUDGET = "30s";
    public static final int WARMUP_BUDGET_SECONDS = 30;
    public static final int ROUNDS = 5;
    public static final int SAMPLES_PER_CELL = 5;
    /** As the command line writes it. */
    public static final String PAGE_LOAD_TIMEOUT = "60s";
    public static final int PAGE_LOAD_TIMEOUT_SECONDS = 60;
    /** Browsers open 6 connections per origin over HTTP/1.1. */
    public static final int H1_CONNECTIONS = 6;
    public static final int PIPELINE_CONNECTIONS = 1;
    public static final int PIPELINE_DEPTH = 128;
    /** The embedded origin's HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS, for runs and for {@code serve}. */
    public static final int MAX_CONCURRENT_STREAMS = 128;
    /** The embedded origin's certificate key, for runs and for {@code serve}. */
    public static final String KEY_TYPE = "RSA";
    public static final long SEED = 1;

    private RunDefaults() {
    }
}
