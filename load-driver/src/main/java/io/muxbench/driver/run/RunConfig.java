package io.muxbench.driver.run;

import io.muxbench.driver.link.LinkProfile;
import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.origin.Origin;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.transport.ClientEnvironment;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.Reuse;
import io.muxbench.vocabulary.RunConfiguration;
import io.muxbench.vocabulary.TlsVersion;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a run needs, validated, in parts that each component takes alone: the cells to measure
 * ({@link Matrix}), the {@link LoadModel}, how much to measure ({@link Measurement}), the clients'
 * settings ({@link ClientSettings}) and the embedded origin's ({@link OriginSettings}). Built in
 * layers, JMH style: {@link RunDefaults}, then a {@link Suite}, then flags; the whole of it goes
 * into {@code run.json} ({@link #toConfiguration}).
 *
 * <pre>{@code
 * RunConfig config = RunConfig.builder().scenarios(List.of("blog")).links(List.of("none")).pageLoads(20).build();
 * }</pre>
 *
 * @param seed  seed of everything random (link loss, the report's resampling)
 * @param shard the part of the run this process makes, or null when it makes all of it (it is no
 *              shard): every other part is the whole run's, as run.json records it; {@link #shardLoad},
 *              {@link #shardPageLoads}, {@link #shardBrowsers} and {@link #shardSeed} are this shard's share
 */
public record RunConfig(Matrix matrix, LoadModel load, Measurement measurement, ClientSettings client,
                        OriginSettings origin, long seed, Shard shard) {

    /** The longest think time or page-load timeout: longer is a mistake, and far longer overflows nanoseconds. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    public RunConfig {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(origin, "origin");
        if (client.tlsVersion() != null) {
            if (!matrix.tls()) {
                throw new IllegalArgumentException("TLS version " + client.tlsVersion() + " given for a cleartext run");
            }
            for (Mode mode : matrix.modes()) {
                String why = mode.whyNot(client.tlsVersion());
                if (why != null) {
                    throw new IllegalArgumentException(mode.id() + " " + why + ": it cannot be held to TLS "
                            + client.tlsVersion() + " (--tls " + client.tlsVersion() + ")");
                }
            }
        }
        if (shard != null) {
            String flags = " --shard " + shard.index() + "/" + shard.count() + " gives shard " + shard.index();
            if (shard.share(load.browsers()) == 0) {
                throw new IllegalArgumentException("-b " + load.browsers() + flags + " no browser");
            }
            if (shard.share(measurement.pageLoads()) == 0) {
                throw new IllegalArgumentException("-n " + measurement.pageLoads() + flags + " no page load");
            }
        }
    }

    /**
     * Shard {@code index} of {@code count}: {@code count} processes, each given its index, together make
     * the load one process would. Browser b belongs to shard b mod count; a count of page loads (or
     * browsers) is split so that the shards' shares add up to it exactly.
     *
     * <pre>{@code
     * new RunConfig.Shard(1, 3).share(20);      // 7 (shards 0, 1, 2 make 7, 7 and 6)
     * new RunConfig.Shard(1, 3).browsers(5);    // [1, 4]
     * }</pre>
     */
    public record Shard(int index, int count) {
        /** The most shards a run is split into. */
        public static final int MAX_COUNT = 1000;

        public Shard {
            between("shard count", count, MAX_COUNT);
            if (index < 0 || index >= count) {
                throw new IllegalArgumentException("shard index must be between 0 and " + (count - 1) + ", got " + index);
            }
        }

        /** This shard's share of {@code total}: total / count, plus one for the first total mod count shards. */
        public int share(int total) {
            return total / count + (index < total % count ? 1 : 0);
        }

        /** The run-wide indexes of this shard's browsers among {@code total}: index, index + count, ... */
        public List<Integer> browsers(int total) {
            List<Integer> indexes = new ArrayList<>(share(total));
            for (int b = index; b < total; b += count) {
                indexes.add(b);
            }
            return List.copyOf(indexes);
        }
    }

    /**
     * The cells: scenario x link x reuse x mode.
     *
     * @param scenarios bundled scenario names, scenario files or HAR files
     * @param modes     transports to compare, each one that can run here ({@link Mode#whyUnavailable})
     * @param links     link profiles (canonical names or explicit specs); {@code none} is plain loopback
     * @param reuse     cold (new connections every page load) and/or warm
     * @param tls       TLS with ALPN (true) or cleartext HTTP/1.1 and h2c (false)
     */
    public record Matrix(List<String> scenarios, List<Mode> modes, List<String> links, List<Reuse> reuse, boolean tls) {
        public Matrix {
            scenarios = nonEmpty("scenarios", scenarios);
            modes = nonEmpty("modes", modes);
            for (Mode mode : modes) {
                String why = mode.whyUnavailable(tls);
                if (why != null) {
                    throw new IllegalArgumentException(mode.id() + " " + why);
                }
            }
            links = nonEmpty("links", links);
            reuse = nonEmpty("reuse", reuse);
        }
    }

    /**
     * How much is measured.
     *
     * @param pageLoads       measured page loads per cell
     * @param warmupPageLoads unrecorded page loads per cell before the first round (JIT, connection pools)
     * @param rounds          cells run interleaved in this many rounds, so machine drift hits every mode alike
     * @param samplesPerCell  page loads per cell kept whole for waterfalls
     * @param pageLoadTimeout a page load taking longer fails with cause {@code timeout-page-load}
     * @param warmupBudget    the longest warm-up to steady state per mode before the first round
     *                        ({@link SteadyWarmUp}); zero for none
     */
    public record Measurement(int pageLoads, int warmupPageLoads, int rounds, int samplesPerCell,
                              Duration pageLoadTimeout, Duration warmupBudget) {
        public Measurement {
            between("page loads", pageLoads, 10_000_000);
            if (warmupPageLoads < 0) {
                throw new IllegalArgumentException("warm-up page loads must not be negative, got " + warmupPageLoads);
            }
            between("rounds", rounds, 10_000);
            rounds = Math.min(rounds, pageLoads);
            if (samplesPerCell < 0) {
                throw new IllegalArgumentException("samples per cell must not be negative, got " + samplesPerCell);
            }
            Objects.requireNonNull(pageLoadTimeout, "pageLoadTimeout");
            if (pageLoadTimeout.isNegative() || pageLoadTimeout.isZero()) {
                throw new IllegalArgumentException("page-load timeout must be positive, got " + pageLoadTimeout);
            }
            atMostADay("page-load timeout", pageLoadTimeout);
            Objects.requireNonNull(warmupBudget, "warmupBudget");
            if (warmupBudget.isNegative()) {
                throw new IllegalArgumentException("warm-up budget must not be negative, got " + warmupBudget);
            }
            atMostADay("warm-up budget", warmupBudget);
        }
    }

    /**
     * What the virtual browsers' clients are given.
     *
     * @param target              a real server to load from, or null for the embedded origin
     * @param insecure            with a target: do not verify its certificate
     * @param h1Connections       connections per browser and origin for h1
     * @param pipelineConnections connections per browser and origin for h1-pipelined
     * @param pipelineDepth       most requests in flight on one pipelined connection
     * @param tlsVersion          the one TLS version the clients (Chromium too) are held to; null: whatever both
     *                            ends support
     */
    public record ClientSettings(URI target, boolean insecure, int h1Connections, int pipelineConnections,
                                 int pipelineDepth, TlsVersion tlsVersion) {
        public ClientSettings {
            if (target != null && !"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
                throw new IllegalArgumentException("target must be an http:// or https:// URL, got " + target);
            }
            if (target != null && target.getHost() == null) {
                throw new IllegalArgumentException("target has no host: " + target);
            }
            between("h1 connections", h1Connections, 64);
            between("pipeline connections", pipelineConnections, 64);
            between("pipeline depth", pipelineDepth, 10_000);
        }

        /**
         * The clients' options for an origin reached at {@code uri}, trusting {@code trustStore} (null:
         * the JVM's), behind a link adding {@code handshakeRtt}.
         */
        public ClientEnvironment.Options options(URI uri, KeyStore trustStore, Duration handshakeRtt) {
            return new ClientEnvironment.Options(uri, trustStore, insecure, null, null, handshakeRtt, h1Connections,
                    pipelineConnections, pipelineDepth, tlsVersion);
        }
    }

    /**
     * The embedded origin's settings.
     *
     * @param maxConcurrentStreams its HTTP/2 stream limit
     * @param keyType              its certificate's key
     */
    public record OriginSettings(int maxConcurrentStreams, KeyType keyType) {
        public OriginSettings {
            between("max concurrent streams", maxConcurrentStreams, 100_000);
            Objects.requireNonNull(keyType, "keyType");
        }

        /** The options of an embedded origin on loopback, on free ports. */
        public Origin.Options options() {
            return new Origin.Options("127.0.0.1", 0, 0, keyType, maxConcurrentStreams);
        }
    }

    public List<String> scenarios() {
        return matrix.scenarios();
    }

    public List<Mode> modes() {
        return matrix.modes();
    }

    public List<String> links() {
        return matrix.links();
    }

    public boolean tls() {
        return matrix.tls();
    }

    public Duration pageLoadTimeout() {
        return measurement.pageLoadTimeout();
    }

    /**
     * This shard's load: closed, its browsers with the run's think time; open, the run's rate divided
     * by the shard count, with at most its browsers' page loads in flight.
     */
    public LoadModel shardLoad() {
        if (shard == null) {
            return load;
        }
        int browsers = shard.share(load.browsers());
        return load instanceof LoadModel.Open open ? new LoadModel.Open(open.ratePerSecond() / shard.count(), browsers)
                : new LoadModel.Closed(browsers, ((LoadModel.Closed) load).thinkTime());
    }

    /** The run-wide indexes of this shard's browsers, which give each its source address. */
    public List<Integer> shardBrowsers() {
        return (shard == null ? new Shard(0, 1) : shard).browsers(load.browsers());
    }

    /** The measured page loads this shard makes per cell. */
    public int shardPageLoads() {
        return shard == null ? measurement.pageLoads() : shard.share(measurement.pageLoads());
    }

    /** The seed of this shard's link losses: the run's, offset by the shard's index. */
    public long shardSeed() {
        return shard == null ? seed : seed + shard.index();
    }

    /** A link spec's canonical name ({@code none}, {@code cable}, {@code rtt=100ms,...}); throws on a bad spec. */
    public static String canonicalLink(String spec) {
        return Links.canonical(spec.trim());
    }

    /** The defaults ({@link RunDefaults}): image-grid, every built-in mode, cold and warm, TLS, the cable link. */
    /** This configuration over fewer modes, such as those a target answered over; each one must be among its own. */
    public RunConfig withModes(List<Mode> fewer) {
        if (!matrix.modes().containsAll(fewer)) {
            throw new IllegalArgumentException("modes " + fewer + " are not among " + matrix.modes());
        }
        return new RunConfig(new Matrix(matrix.scenarios(), fewer, matrix.links(), matrix.reuse(), matrix.tls()), load,
                measurement, client, origin, seed, shard);
    }

    public static RunConfig defaults() {
        return builder().build();
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration as run.json records it.
     *
     * @param browser the real browser that loads the scenarios too, or null
     */
    public RunConfiguration toConfiguration(ClientKind browser) {
        List<RunConfiguration.LinkProfile> profiles = new ArrayList<>();
        for (String link : matrix.links()) {
            if (!link.equals(Links.NONE)) {
                LinkProfile p = LinkProfile.parse(link);
                profiles.add(new RunConfiguration.LinkProfile(p.name(), p.rtt().toMillis(), p.downBitsPerSecond(),
                        p.upBitsPerSecond(), p.lossRate()));
            }
        }
        double rate = load instanceof LoadModel.Open open ? open.ratePerSecond() : 0;
        long thinkTimeMs = load instanceof LoadModel.Closed closed ? closed.thinkTime().toMillis() : 0;
        return new RunConfiguration(matrix.scenarios(), matrix.modes().stream().map(Mode::id).toList(), matrix.links(),
                profiles, matrix.reuse(), matrix.tls(), load.kind(), load.browsers(), rate, thinkTimeMs,
                measurement.pageLoads(), measurement.warmupPageLoads(), measurement.rounds(),
                measurement.samplesPerCell(), measurement.pageLoadTimeout().toMillis(),
                client.target() == null ? RunConfiguration.EMBEDDED : client.target().toString(),
                client.target() == null || !client.insecure(), client.h1Connections(), client.pipelineConnections(),
                client.pipelineDepth(), origin.maxConcurrentStreams(), origin.keyType().name(), seed, browser,
                client.tlsVersion());
    }

    static void atMostADay(String name, Duration value) {
        if (value.compareTo(MAX_DURATION) > 0) {
            String given = value.toString().substring(2).toLowerCase(Locale.ROOT); // PT25H -> 25h
            throw new IllegalArgumentException(name + " must be at most 24h, got " + given);
        }
    }

    private static <T> List<T> nonEmpty(String name, List<T> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return List.copyOf(new LinkedHashSet<>(list));
    }

    static void between(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max + ", got " + value);
        }
    }

    /**
     * A run's configuration, layer by layer: it starts from {@link RunDefaults}; a suite and then the
     * flags set what they name. {@link #build()} validates the whole.
     */
    public static final class Builder {
        private List<String> scenarios = List.of(RunDefaults.SCENARIO);
        private List<Mode> modes; // null: the built-in modes that can run with the TLS setting
        private List<String> links = List.of(RunDefaults.LINK);
        private List<Reuse> reuse = List.of(Reuse.values());
        private boolean tls = true;
        private TlsVersion tlsVersion;
        private int browsers = RunDefaults.BROWSERS;
        private double ratePerSecond;
        private Duration thinkTime = Duration.ZERO;
        private int pageLoads = RunDefaults.PAGE_LOADS;
        private int warmupPageLoads = RunDefaults.WARMUP_PAGE_LOADS;
        private int rounds = RunDefaults.ROUNDS;
        private int samplesPerCell = RunDefaults.SAMPLES_PER_CELL;
        private Duration pageLoadTimeout = Duration.ofSeconds(RunDefaults.PAGE_LOAD_TIMEOUT_SECONDS);
        private Duration warmupBudget = Duration.ofSeconds(RunDefaults.WARMUP_BUDGET_SECONDS);
        private URI target;
        private boolean insecure;
        private int h1Connections = RunDefaults.H1_CONNECTIONS;
        private int pipelineConnections = RunDefaults.PIPELINE_CONNECTIONS;
        private int pipelineDepth = RunDefaults.PIPELINE_DEPTH;
        private int maxConcurrentStreams = RunDefaults.MAX_CONCURRENT_STREAMS;
        private KeyType keyType = KeyType.valueOf(RunDefaults.KEY_TYPE);
        private long seed = RunDefaults.SEED;
        private Shard shard;

        private Builder() {
        }

        public Builder scenarios(List<String> value) {
            scenarios = value;
            return this;
        }

        /** The modes to compare; not set, the built-in ones that can run here ({@link Mode#runnable}). */
        public Builder modes(List<Mode> value) {
            modes = value;
            return this;
        }

        public Builder links(List<String> value) {
            links = value;
            return this;
        }

        public Builder reuse(List<Reuse> value) {
            reuse = value;
            return this;
        }

        public Builder tls(boolean value) {
            tls = value;
            return this;
        }

        /**
         * The one TLS version the clients are held to; null (the default) for whatever both ends support.
         * Not set, modes that cannot be held to it (h3 with 1.2) are left out of the default modes.
         */
        public Builder tlsVersion(TlsVersion value) {
            tlsVersion = value;
            return this;
        }

        /** Closed load's browsers, or open load's most page loads in flight. */
        public Builder browsers(int value) {
            browsers = value;
            return this;
        }

        /** Open load at this rate per cell; 0 (the default) for closed load. */
        public Builder ratePerSecond(double value) {
            ratePerSecond = value;
            return this;
        }

        /** Closed load's pause between a browser's page loads. */
        public Builder thinkTime(Duration value) {
            thinkTime = value;
            return this;
        }

        public Builder pageLoads(int value) {
            pageLoads = value;
            return this;
        }

        public Builder warmupPageLoads(int value) {
            warmupPageLoads = value;
            return this;
        }

        /** The longest warm-up to steady state per mode; zero for none. */
        public Builder warmupBudget(Duration value) {
            warmupBudget = value;
            return this;
        }

        public Builder rounds(int value) {
            rounds = value;
            return this;
        }

        public Builder samplesPerCell(int value) {
            samplesPerCell = value;
            return this;
        }

        public Builder pageLoadTimeout(Duration value) {
            pageLoadTimeout = value;
            return this;
        }

        public Builder target(URI value) {
            target = value;
            return this;
        }

        public Builder insecure(boolean value) {
            insecure = value;
            return this;
        }

        public Builder h1Connections(int value) {
            h1Connections = value;
            return this;
        }

        public Builder pipelineConnections(int value) {
            pipelineConnections = value;
            return this;
        }

        public Builder pipelineDepth(int value) {
            pipelineDepth = value;
            return this;
        }

        public Builder maxConcurrentStreams(int value) {
            maxConcurrentStreams = value;
            return this;
        }

        public Builder keyType(KeyType value) {
            keyType = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** The part of the run this process makes; null (the default) for the whole run. */
        public Builder shard(Shard value) {
            shard = value;
            return this;
        }

        /** The configuration; an IllegalArgumentException naming the first field that is wrong. */
        public RunConfig build() {
            Matrix matrix = new Matrix(scenarios, modes == null ? Mode.runnable(tls, tlsVersion) : modes, links, reuse, tls);
            // Validated even under open load, which has no use for a think time: a bad one is still a mistake.
            LoadModel.Closed closed = new LoadModel.Closed(browsers, thinkTime);
            // On the command line a rate of 0 means no rate: closed load.
            LoadModel load = ratePerSecond == 0 ? closed : new LoadModel.Open(ratePerSecond, browsers);
            Measurement measurement = new Measurement(pageLoads, warmupPageLoads, rounds, samplesPerCell, pageLoadTimeout,
                    warmupBudget);
            return new RunConfig(matrix, load, measurement,
                    new ClientSettings(target, insecure, h1Connections, pipelineConnections, pipelineDepth, tlsVersion),
                    new OriginSettings(maxConcurrentStreams, keyType), seed, shard);
        }
    }
}
