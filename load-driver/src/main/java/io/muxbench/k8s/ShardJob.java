package io.muxbench.k8s;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What {@code muxbench k8s} turns into Kubernetes objects: one Indexed Job of {@code shards} pods,
 * each running {@code muxbench run --shard N} with {@code runArguments}, all starting at {@code startAt}.
 *
 * <pre>{@code
 * ShardJob job = new ShardJob("h2-vs-h1", null, "muxbench:latest", 4, Instant.parse("2026-12-01T10:00:00Z"),
 *         URI.create("https://web.shop.svc:8443"), List.of("-s", "/scenarios/shop.json", "-l", "none"),
 *         Map.of("shop.json", json), ShardJob.Claim.create("10Gi", null), new ShardJob.Resources("1", "2Gi"));
 * String yaml = ShardJobObjects.yaml(job);
 * }</pre>
 *
 * @param name          the Job's name, a DNS label of at most {@value #MAX_NAME_LENGTH} characters; the
 *                      ConfigMap and a created claim are named after it, and the shards write under
 *                      {@code /results/<name>/}
 * @param namespace     the namespace of every object, or null for kubectl's current one
 * @param image         the container image that runs {@code muxbench} as its entrypoint
 * @param shards        completions and parallelism of the Job: one pod per shard
 * @param startAt       when every shard starts its first measured round ({@code run --start-at})
 * @param target        the server under test, as {@code run --target} takes it
 * @param runArguments  further {@code run} flags, in order, the same for every shard
 * @param scenarioFiles the ConfigMap's data, file name to content, mounted at {@value #SCENARIO_DIR};
 *                      empty when every scenario is bundled (then no ConfigMap)
 * @param claim         where the shards' run folders go
 * @param resources     what each pod requests
 */
public record ShardJob(String name, String namespace, String image, int shards, Instant startAt, URI target,
                       List<String> runArguments, Map<String, String> scenarioFiles, Claim claim, Resources resources) {

    /** Where the pods see the scenario files. */
    public static final String SCENARIO_DIR = "/scenarios";
    /** Where the pods mount the claim. */
    public static final String RESULTS_DIR = "/results";
    /** Room left in a 63-character label for the objects' suffixes and the pods' index and hash. */
    public static final int MAX_NAME_LENGTH = 40;
    /** At most this many shards: each is a pod on a node of its own. */
    public static final int MAX_SHARDS = 1000;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern QUANTITY = Pattern.compile("[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?");
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    public ShardJob {
        requireLabel("--name", name);
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("--name '" + name + "' is " + name.length() + " characters; at most "
                    + MAX_NAME_LENGTH + " leave room for the pods' names");
        }
        if (namespace != null) {
            requireLabel("--namespace", namespace);
        }
        Objects.requireNonNull(image, "image");
        if (image.isBlank()) {
            throw new IllegalArgumentException("--image must not be empty");
        }
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new IllegalArgumentException("--shards must be 1 to " + MAX_SHARDS + ", got " + shards);
        }
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(target, "target");
        if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("--target must be an http:// or https:// URL, got '" + target + "'");
        }
        runArguments = List.copyOf(runArguments);
        for (String key : scenarioFiles.keySet()) {
            if (!CONFIG_MAP_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("scenario file name '" + key + "' cannot be a ConfigMap key"
                        + " (letters, digits, '-', '_' and '.' only); rename the file");
            }
        }
        scenarioFiles = Collections.unmodifiableMap(new TreeMap<>(scenarioFiles));
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(resources, "resources");
    }

    /** The claim holding {@code /results}: an existing one by name, or one this Job creates. */
    public record Claim(String existing, String storage, String storageClass) {
        public Claim {
            if (existing != null) {
                requireLabel("--claim", existing);
            } else {
                requireQuantity("--storage", storage);
                if (storageClass != null) {
                    requireLabel("--storage-class", storageClass);
                }
            }
        }

        /** A claim this Job creates: {@code storage} (e.g. 1Gi) in {@code storageClass} (null: the cluster's default). */
        public static Claim create(String storage, String storageClass) {
            return new Claim(null, storage, storageClass);
        }

        /** A claim that exists already. */
        public static Claim existing(String name) {
            return new Claim(name, null, null);
        }
    }

    /**
     * Each pod's requests; memory is its limit too, so that the JVM sizes its heap from it and a pod is
     * never killed for memory it was promised.
     */
    public record Resources(String cpu, String memory) {
        public Resources {
            requireQuantity("--cpu", cpu);
            requireQuantity("--memory", memory);
        }
    }

    /** The claim's name: the existing one, or {@code <name>-results}. */
    public String claimName() {
        return claim.existing() != null ? claim.existing() : name + "-results";
    }

    /** The ConfigMap's name. */
    public String configMapName() {
        return name + "-scenarios";
    }

    /** Where shard I writes its run folder: {@code /results/<name>/shard-I}, I from the pod's environment. */
    public String shardFolder() {
        return RESULTS_DIR + "/" + name + "/shard-$(JOB_COMPLETION_INDEX)";
    }

    private static void requireLabel(String flag, String value) {
        if (value == null || value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException(flag + " '" + value + "' is not a Kubernetes name (lower-case letters,"
                    + " digits and '-', at most 63)");
        }
    }

    private static void requireQuantity(String flag, String value) {
        if (value == null || !QUANTITY.matcher(value).matches()) {
            throw new IllegalArgumentException(flag + " '" + value + "' is not a Kubernetes quantity (e.g. 500m, 2, 1Gi)");
        }
    }
}
