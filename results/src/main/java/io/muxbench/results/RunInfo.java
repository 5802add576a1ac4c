package io.muxbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.vocabulary.RunConfiguration;
import java.util.List;
import java.util.Objects;

/**
 * {@code run.json}: what ran, where, with which configuration, and whether the driver was ever the
 * bottleneck.
 *
 * @param schemaVersion   {@link ResultsFormat#SCHEMA_VERSION}
 * @param runId           the run folder's name
 * @param startedAt       ISO-8601 wall-clock start (for people; intervals use nanoTime)
 * @param finishedAt      ISO-8601 wall-clock end, or null while running
 * @param durationSeconds wall time of the run
 * @param complete        false when the run was interrupted or failed part way
 * @param muxbenchVersion muxbench's version
 * @param environment     machine and software
 * @param configuration   the whole configuration, as given and defaulted; a number or flag it lacks reads as 0 or false
 * @param modes           what each mode of the run is, for the report (schema version 2; from a version 1
 *                        file, the built-in modes' descriptions: {@link ModeDescription#known})
 * @param driver          how the driver itself fared
 * @param warmUp          how each mode warmed up to steady state before the first measured round; null
 *                        when the run did not warm up so (a run written before it did, or a zero budget)
 * @param ceiling         this machine's ceiling for each mode, when the run measured it ({@code run --ceiling}),
 *                        so a reader knows how far from its limit the run was; null otherwise
 * @param shard           which shard of a sharded run this folder holds ({@code run --shard I/N}); null for a
 *                        run that is not one shard (a whole run, or a merge of shards)
 * @param shards          the shards this folder merges ({@code muxbench merge}), by index; null otherwise
 */
@JsonPropertyOrder({"schemaVersion", "runId", "startedAt", "finishedAt", "durationSeconds", "complete",
        "muxbenchVersion", "environment", "configuration", "modes", "driver", "warmUp", "ceiling", "shard", "shards"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInfo(int schemaVersion, String runId, String startedAt, String finishedAt, double durationSeconds,
                      boolean complete, String muxbenchVersion, Environment environment,
                      @JsonDeserialize(using = ConfigurationDeserializer.class) RunConfiguration configuration,
                      List<ModeDescription> modes, DriverHealth driver, WarmUp warmUp, Ceiling ceiling, Shard shard,
                      List<MergedShard> shards) {

    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        if (modes == null || modes.isEmpty()) {
            modes = configuration == null ? List.of()
                    : configuration.modes().stream().map(ModeDescription::known).toList();
        }
        modes = List.copyOf(modes);
        shards = shards == null ? null : List.copyOf(shards);
    }

    /** A run.json that is neither a shard nor a merge of shards (as written before sharding existed). */
    public RunInfo(int schemaVersion, String runId, String startedAt, String finishedAt, double durationSeconds,
                   boolean complete, String muxbenchVersion, Environment environment, RunConfiguration configuration,
                   List<ModeDescription> modes, DriverHealth driver, WarmUp warmUp, Ceiling ceiling) {
        this(schemaVersion, runId, startedAt, finishedAt, durationSeconds, complete, muxbenchVersion, environment,
                configuration, modes, driver, warmUp, ceiling, null, null);
    }

    /** A run.json without a steady-state warm-up or a ceiling (as written before they existed). */
    public RunInfo(int schemaVersion, String runId, String startedAt, String finishedAt, double durationSeconds,
                   boolean complete, String muxbenchVersion, Environment environment, RunConfiguration configuration,
                   List<ModeDescription> modes, DriverHealth driver) {
        this(schemaVersion, runId, startedAt, finishedAt, durationSeconds, complete, muxbenchVersion, environment,
                configuration, modes, driver, null, null);
    }

    /** True when the run warmed up and every mode reached steady state; false when one did not, or no warm-up ran. */
    public boolean measuredInSteadyState() {
        return warmUp != null && warmUp.steady();
    }

    /** A mode of this run by its id; one the run did not describe gets {@link ModeDescription#known}'s. */
    public ModeDescription mode(String id) {
        return modes.stream().filter(m -> m.id().equals(id)).findFirst().orElseGet(() -> ModeDescription.known(id));
    }

    /** The run's baseline mode (the one others are compared against), or null when none of its modes is one. */
    public ModeDescription baseline() {
        return modes.stream().filter(ModeDescription::baseline).findFirst().orElse(null);
    }

    /**
     * One shard of a sharded run ({@code run --shard I/N}): N processes, each with its share of the
     * virtual browsers (browser b is shard b mod N's) or of the open-load rate, together make the load
     * one process would.
     *
     * @param index             this shard, 0 to {@code count - 1}
     * @param count             shards in the run
     * @param configurationHash {@link #configurationHash} of the run's configuration, the same on every
     *                          shard of one run (the configuration is the whole run's, not the shard's share)
     * @param host              the machine that ran it (its hostname, a pod's name on Kubernetes)
     */
    public record Shard(int index, int count, String configurationHash, String host) {
        public Shard {
            if (count < 1 || index < 0 || index >= count) {
                throw new IllegalArgumentException("shard " + index + "/" + count + ": the index must be 0 to count - 1");
            }
            Objects.requireNonNull(configurationHash, "configurationHash");
        }

        /** How messages and the report name it: {@code shard 1 (pod-b)}, or {@code shard 1} with no host. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String label() {
            return "shard " + index + (host == null || host.isBlank() ? "" : " (" + host + ")");
        }
    }

    /**
     * A shard as a merged run keeps it: what its own run.json said.
     *
     * @param shard     which shard, and where it ran
     * @param runId     its run folder's name
     * @param startedAt its ISO-8601 start
     * @param complete  whether it ran to the end
     * @param driver    how its driver fared (a saturated shard is named in the merged report)
     * @param pageLoads measured page loads it made, over all its cells
     */
    public record MergedShard(Shard shard, String runId, String startedAt, boolean complete, DriverHealth driver,
                              long pageLoads) {
        public MergedShard {
            Objects.requireNonNull(shard, "shard");
        }
    }

    /**
     * What identifies a run's configuration across its shards: the SHA-256, in hex, of the
     * configuration as run.json writes it ({@link ResultsFormat#MAPPER}).
     */
    public static String configurationHash(RunConfiguration configuration) {
        try {
            byte[] json = ResultsFormat.MAPPER.writeValueAsBytes(configuration);
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the configuration: " + e.getMessage(), e);
        }
    }

    /** Machine and software the run used. */
    public record Environment(String java, String javaVendor, String os, String arch, int cpus, long maxHeapBytes,
                              String jetty, String hostname) {
    }

    /**
     * Whether the driver, not the server or the link, limited the measurement.
     *
     * @param cpuPercent          the driver process's CPU use over the run, as a share of all cores
     * @param maxScheduleLagMs    the worst delay between a page load's intended and actual start (open load)
     * @param bottleneck          true when the driver was likely the bottleneck
     * @param warnings            what made it so, one line each
     * @param linkTimingErrorP50Us median error of the link emulator's deliveries against their schedule
     * @param linkTimingErrorP99Us 99th percentile of that error
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DriverHealth(double cpuPercent, double maxScheduleLagMs, boolean bottleneck, List<String> warnings,
                               Double linkTimingErrorP50Us, Double linkTimingErrorP99Us) {
        public DriverHealth {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /**
     * The warm-up before the first measured round, JMH's lesson: each mode's browsers load the run's
     * pages back to back on plain loopback (whatever the run's links), driver and embedded origin in
     * this process, until the CPU per request stops falling (the best of the last {@code hold} windows
     * no more than {@code tolerance} below the best before them) or the budget ends.
     *
     * @param budgetSeconds the longest warm-up per mode
     * @param windowSeconds the window whose CPU per request is compared
     * @param hold          windows that must not beat the best before them
     * @param tolerance     how much cheaper (a fraction) still counts as not beating it
     * @param modes         one entry per driver mode, in the order they warmed up
     */
    public record WarmUp(double budgetSeconds, double windowSeconds, int hold, double tolerance, List<ModeWarmUp> modes) {
        public WarmUp {
            modes = modes == null ? List.of() : List.copyOf(modes);
        }

        /** Whether every mode reached steady state within the budget. */
        public boolean steady() {
            return !modes.isEmpty() && modes.stream().allMatch(ModeWarmUp::steady);
        }

        /** The modes that did not reach steady state within the budget. */
        public List<String> unsteadyModes() {
            return modes.stream().filter(m -> !m.steady()).map(ModeWarmUp::mode).toList();
        }
    }

    /**
     * One mode's warm-up.
     *
     * @param seconds               how long it took
     * @param pageLoads             page loads made (none recorded)
     * @param requests              requests made
     * @param windows               windows compared
     * @param steady                whether the CPU per request stopped falling, for every scenario, before
     *                              the budget ended
     * @param firstMicrosPerRequest CPU per request (this process: driver, and the embedded origin when it
     *                              serves) in the first window of the run's first scenario; null when
     *                              none completed a request
     * @param lastMicrosPerRequest  the same in that scenario's last window
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ModeWarmUp(String mode, double seconds, long pageLoads, long requests, int windows, boolean steady,
                             Double firstMicrosPerRequest, Double lastMicrosPerRequest) {
    }
}
