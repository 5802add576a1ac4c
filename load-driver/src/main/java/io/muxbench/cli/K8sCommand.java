package io.muxbench.cli;

import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.run.RunConfig;
import io.muxbench.k8s.ShardJob;
import io.muxbench.k8s.ShardJobObjects;
import io.muxbench.scenario.ScenarioLoader;
import io.muxbench.vocabulary.Reuse;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code muxbench k8s}: prints the objects that run a sharded run on Kubernetes, for
 * {@code muxbench k8s --shards 4 --target https://web.shop.svc:8443 -s shop.json | kubectl apply -f -}.
 * It talks to no cluster; its output depends only on its flags (and the clock, unless {@code --start-at}).
 */
@Command(name = "k8s", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints, for kubectl apply -f -, an Indexed Job whose pods each run one shard (run --shard N,"
                + " all starting at the same time), a ConfigMap with the scenario files given with -s, and a claim the"
                + " shards write their run folders to (/results/NAME/shard-I). Collect them and muxbench merge them.",
                "Talks to no cluster. The README's 'Running shards on Kubernetes' walks through it."})
public final class K8sCommand implements Callable<Integer> {

    /** What the opt-in image profile builds ({@code mvn -Pimage}); push it and give --image for a real cluster. */
    static final String DEFAULT_IMAGE = "muxbench:latest";
    /** A ConfigMap holds at most 1 MiB, all keys and values together; leave room for its metadata. */
    static final int MAX_SCENARIO_BYTES = 1_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "muxbench",
            description = "The Job's name; the ConfigMap is NAME-scenarios, a created claim NAME-results (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of every object (default: kubectl's current one).")
    String namespace;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = DEFAULT_IMAGE,
            description = "The muxbench image, as built by mvn -Pimage (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--shards", paramLabel = "N", required = true, description = "Shards: pods of the Job, one per node.")
    int shards;

    @Option(names = "--start-in", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "2m",
            description = "Every shard starts its first measured round this long from now, rounded up to the second:"
                    + " time for the pods to be scheduled and to warm up (default: ${DEFAULT-VALUE}).")
    Duration startIn;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Start at this ISO-8601 instant instead (e.g. 2026-12-01T10:00:00Z).")
    String startAt;

    @Option(names = "--target", paramLabel = "URL", required = true,
            description = "The server under test (http:// or https://), as the pods reach it.")
    URI target;

    @Option(names = "--claim", paramLabel = "NAME",
            description = "An existing PersistentVolumeClaim for the run folders (ReadWriteMany: every pod writes to it);"
                    + " without it a claim NAME-results is created.")
    String claim;

    @Option(names = "--storage", paramLabel = "SIZE", defaultValue = "1Gi",
            description = "Size of the claim created (default: ${DEFAULT-VALUE}).")
    String storage;

    @Option(names = "--storage-class", paramLabel = "CLASS",
            description = "Storage class of the claim created; it must offer ReadWriteMany (default: the cluster's).")
    String storageClass;

    @Option(names = "--cpu", paramLabel = "CPU", defaultValue = "1", description = "CPU each pod requests (default: ${DEFAULT-VALUE}).")
    String cpu;

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "1Gi",
            description = "Memory each pod requests, and its limit (default: ${DEFAULT-VALUE}).")
    String memory;

    // The run flags passed through to every shard; the rest of run's flags keep their defaults.

    @Option(names = {"-s", "--scenario"}, split = ",", paramLabel = "NAME|FILE",
            description = "Bundled scenario (the image has them), or a scenario JSON or HAR file, which goes into the ConfigMap; repeatable.")
    List<String> scenarios;

    @Option(names = {"-m", "--mode"}, split = ",", paramLabel = "MODE", description = "As run -m.")
    List<String> modes;

    @Option(names = {"-l", "--link"}, paramLabel = "LINK",
            description = "As run -l (default: none: an emulated link needs the target on the pod's loopback).")
    List<String> links;

    @Option(names = "--reuse", paramLabel = "cold|warm|both", description = "As run --reuse.")
    String reuse;

    @Option(names = {"-b", "--browsers"}, paramLabel = "N", description = "As run -b: the whole run's, split among the shards.")
    Integer browsers;

    @Option(names = {"-n", "--page-loads"}, paramLabel = "N", description = "As run -n: the whole run's, split among the shards.")
    Integer pageLoads;

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "As run --rate: the whole run's, split among the shards.")
    Double rate;

    @Option(names = "--rounds", paramLabel = "N", description = "As run --rounds.")
    Integer rounds;

    @Option(names = "--insecure", description = "As run --insecure: do not verify the target's certificate.")
    boolean insecure;

    @Override
    public Integer call() {
        ShardJob job;
        try {
            job = new ShardJob(name, namespace, image, shards, start(), target, runArguments(), scenarioFiles(),
                    claim != null ? ShardJob.Claim.existing(claim) : ShardJob.Claim.create(storage, storageClass),
                    new ShardJob.Resources(cpu, memory));
        } catch (IllegalArgumentException e) {
            throw UserException.badInput(e.getMessage());
        }
        spec.commandLine().getOut().print(ShardJobObjects.yaml(job));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Instant start() {
        if (startAt != null) {
            try {
                return Instant.parse(startAt);
            } catch (DateTimeParseException e) {
                throw UserException.badInput("--start-at '" + startAt + "' is not an ISO-8601 instant (e.g. 2026-12-01T10:00:00Z)");
            }
        }
        return Instant.now().plus(startIn).plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The run flags, checked here so that a typo fails once on this machine rather than in every pod. */
    private List<String> runArguments() {
        List<String> args = new ArrayList<>();
        for (String scenario : scenarios == null ? List.<String>of() : scenarios) {
            args.addAll(List.of("-s", ScenarioLoader.BUNDLED.contains(scenario) ? scenario
                    : ShardJob.SCENARIO_DIR + "/" + Path.of(scenario).getFileName()));
        }
        if (modes != null) {
            modes.forEach(Mode::of); // throws, naming the valid ones, for a mode that does not exist
            args.addAll(List.of("-m", String.join(",", modes)));
        }
        List<String> canonical = LinkArguments.split(links == null ? List.of("none") : links).stream()
                .map(RunConfig::canonicalLink).toList();
        if (!canonical.stream().allMatch("none"::equals) && !isLoopbackLiteral(target.getHost())) {
            throw UserException.badInput("--link " + String.join(";", canonical) + ": an emulated link runs on the pod's"
                    + " loopback and needs the target there (--target http://localhost:PORT beside it); use --link none");
        }
        args.addAll(List.of("-l", String.join(";", canonical)));
        if (reuse != null) {
            if (!reuse.equals("both")) {
                Reuse.of(reuse); // throws, naming the valid ones
            }
            args.addAll(List.of("--reuse", reuse));
        }
        positive("-b", browsers, args);
        positive("-n", pageLoads, args);
        if (rate != null) {
            if (!(rate > 0) || rate.isInfinite()) {
                throw UserException.badInput("--rate must be a positive number, got " + rate);
            }
            args.addAll(List.of("--rate", BigDecimal.valueOf(rate).stripTrailingZeros().toPlainString()));
        }
        positive("--rounds", rounds, args);
        if (insecure) {
            args.add("--insecure");
        }
        return args;
    }

    private static void positive(String flag, Integer value, List<String> args) {
        if (value != null) {
            if (value < 1) {
                throw UserException.badInput(flag + " must be at least 1, got " + value);
            }
            args.addAll(List.of(flag, value.toString()));
        }
    }

    /** The scenario files, by file name, each checked to load as run would load it. */
    private Map<String, String> scenarioFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        long bytes = 0;
        for (String scenario : scenarios == null ? List.<String>of() : scenarios) {
            if (ScenarioLoader.BUNDLED.contains(scenario)) {
                continue;
            }
            Scenarios.load(scenario); // a malformed file fails here, in one line
            Path file = Path.of(scenario);
            String key = file.getFileName().toString();
            String content;
            try {
                content = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw UserException.badInput("cannot read " + scenario + ": " + IoErrors.describe(e));
            }
            if (files.put(key, content) != null) {
                throw UserException.badInput("two scenario files are named " + key + "; the ConfigMap holds one of each name");
            }
            bytes += key.length() + content.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_SCENARIO_BYTES) {
            throw UserException.badInput("the scenario files come to " + bytes + " bytes; a ConfigMap holds about "
                    + MAX_SCENARIO_BYTES + ": import a HAR first (muxbench import-har), which keeps only what is loaded");
        }
        return files;
    }

    /**
     * Whether the target is on the pod's loopback, from its text alone: a cluster's service names do
     * not resolve on this machine, and must not be looked up here.
     */
    static boolean isLoopbackLiteral(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress(); // an address literal: no lookup
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
