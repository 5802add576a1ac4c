package io.muxbench.driver.run;

import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.mode.Mode;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs, validated, with the defaults in one place ({@link #defaults()}); the whole
 * record is written into {@code run.json}.
 *
 * @param scenarios           bundled scenario names, scenario files or HAR files
 * @param modes               transports to compare
 * @param links               link profiles (names or explicit specs); {@code none} is plain loopback
 * @param reuse               {@code cold} (new connections every page load) and/or {@code warm}
 * @param tls                 TLS with ALPN (true) or cleartext HTTP/1.1 and h2c (false)
 * @param browsers            virtual browsers per cell: closed load, or the most page loads in progress under open load
 * @param ratePerSecond       open load: page loads started per second per cell; 0 for closed load
 * @param thinkTime           closed load: pause between a browser's page loads
 * @param pageLoads           measured page loads per cell
 * @param warmupPageLoads     unrecorded page loads per cell before the first round (JIT, connection pools)
 * @param rounds              cells run interleaved in this many rounds, so machine drift hits every mode alike
 * @param samplesPerCell      page loads per cell kept whole for waterfalls
 * @param pageLoadTimeout     a page load taking longer fails with cause {@code timeout}
 * @param target              a real server to load from, or null for the embedded origin
 * @param insecure            with a target: do not verify its certificate
 * @param h1Connections       connections per browser and origin for h1
 * @param pipelineConnections connections per browser and origin for h1-pipelined
 * @param pipelineDepth       most requests in flight on one pipelined connection
 * @param maxConcurrentStreams the embedded origin's HTTP/2 stream limit
 * @param keyType             the embedded origin's certificate key
 * @param seed                seed of everything random (link loss, bootstrap)
 */
public record RunConfig(List<String> scenarios, List<Mode> modes, List<String> links, List<String> reuse, boolean tls,
                        int browsers, double ratePerSecond, Duration thinkTime, int pageLoads, int warmupPageLoads,
                        int rounds, int samplesPerCell, Duration pageLoadTimeout, URI target, boolean insecure,
                        int h1Connections, int pipelineConnections, int pipelineDepth, int maxConcurrentStreams,
                        KeyType keyType, long seed) {

    public RunConfig {
        scenarios = nonEmpty("scenarios", scenarios);
        modes = nonEmpty("modes", modes);
        links = nonEmpty("links", links);
        reuse = nonEmpty("reuse", reuse);
        for (String r : reuse) {
            if (!r.equals("cold") && !r.equals("warm")) {
                throw new IllegalArgumentException("reuse must be cold, warm or both, got '" + r + "'");
            }
        }
        positive("browsers", browsers, 1000);
        if (ratePerSecond < 0 || ratePerSecond > 10_000 || Double.isNaN(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be between 0 and 10000 page loads per second, got " + ratePerSecond);
        }
        thinkTime = thinkTime == null ? Duration.ZERO : thinkTime;
        if (thinkTime.isNegative()) {
            throw new IllegalArgumentException("think time must not be negative, got " + thinkTime);
        }
        atMostADay("think time", thinkTime);
        positive("page loads", pageLoads, 10_000_000);
        if (warmupPageLoads < 0) {
            throw new IllegalArgumentException("warm-up page loads must not be negative, got " + warmupPageLoads);
        }
        positive("rounds", rounds, 10_000);
        if (rounds > pageLoads) {
            rounds = pageLoads;
        }
        if (samplesPerCell < 0) {
            throw new IllegalArgumentException("samples per cell must not be negative, got " + samplesPerCell);
        }
        Objects.requireNonNull(pageLoadTimeout, "pageLoadTimeout");
        if (pageLoadTimeout.isNegative() || pageLoadTimeout.isZero()) {
            throw new IllegalArgumentException("page-load timeout must be positive, got " + pageLoadTimeout);
        }
        atMostADay("page-load timeout", pageLoadTimeout);
        if (target != null && !"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
            throw new IllegalArgumentException("target must be an http:// or https:// URL, got " + target);
        }
        if (target != null && target.getHost() == null) {
            throw new IllegalArgumentException("target has no host: " + target);
        }
        positive("h1 connections", h1Connections, 64);
        positive("pipeline connections", pipelineConnections, 64);
        positive("pipeline depth", pipelineDepth, 10_000);
        positive("max concurrent streams", maxConcurrentStreams, 100_000);
        Objects.requireNonNull(keyType, "keyType");
    }

    /** The longest think time or page-load timeout: longer is a mistake, and far longer overflows nanoseconds. */
    public static final Duration MAX_DURATION = Duration.ofHours(24);

    private static void atMostADay(String name, Duration value) {
        if (value.compareTo(MAX_DURATION) > 0) {
            String given = value.toString().substring(2).toLowerCase(java.util.Locale.ROOT); // PT25H -> 25h
            throw new IllegalArgumentException(name + " must be at most 24h, got " + given);
        }
    }

    private static <T> List<T> nonEmpty(String name, List<T> list) {
        if (list == null || list.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return List.copyOf(new java.util.LinkedHashSet<>(list));
    }

    private static void positive(String name, int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(name + " must be between 1 and " + max + ", got " + value);
        }
    }

    /** A link spec's canonical name ({@code none}, {@code cable}, {@code rtt=100ms,...}); throws on a bad spec. */
    public static String canonicalLink(String spec) {
        return Links.canonical(spec.trim());
    }

    /**
     * The options the browsers' clients take from this configuration, for an origin reached at
     * {@code uri}, trusting {@code trustStore} (null: the JVM's), behind a link adding {@code handshakeRtt}.
     */
    public io.muxbench.driver.transport.ClientEnvironment.Options clientOptions(URI uri, java.security.KeyStore trustStore,
                                                                               Duration handshakeRtt) {
        return new io.muxbench.driver.transport.ClientEnvironment.Options(uri, trustStore, insecure, null, null,
                handshakeRtt, h1Connections, pipelineConnections, pipelineDepth);
    }

    /** Whether page loads are started at a fixed rate (open load) rather than by N looping browsers. */
    public boolean openLoad() {
        return ratePerSecond > 0;
    }

    /** The defaults: image-grid, every mode, cold and warm, TLS, the cable link, one browser, 50 page loads. */
    public static RunConfig defaults() {
        return new RunConfig(List.of("image-grid"), Mode.builtIn(), List.of("cable"), List.of("cold", "warm"),
                true, 1, 0, Duration.ZERO, 50, 5, 5, 5, Duration.ofSeconds(60), null, false, 6, 1, 128, 128,
                KeyType.RSA, 1);
    }

    /** The configuration as a JSON-friendly map, for run.json. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("scenarios", scenarios);
        map.put("modes", modes.stream().map(Mode::id).toList());
        map.put("links", links);
        List<Map<String, Object>> profiles = new java.util.ArrayList<>();
        for (String link : links) {
            if (!link.equals(Links.NONE)) {
                io.muxbench.driver.link.LinkProfile p = io.muxbench.driver.link.LinkProfile.parse(link);
                Map<String, Object> profile = new LinkedHashMap<>();
                profile.put("name", p.name());
                profile.put("rttMillis", p.rtt().toMillis());
                profile.put("downBitsPerSecond", p.downBitsPerSecond());
                profile.put("upBitsPerSecond", p.upBitsPerSecond());
                profile.put("lossRate", p.lossRate());
                profiles.add(profile);
            }
        }
        map.put("linkProfiles", profiles);
        map.put("reuse", reuse);
        map.put("tls", tls);
        map.put("load", openLoad() ? "open" : "closed");
        map.put("browsers", browsers);
        map.put("ratePerSecond", ratePerSecond);
        map.put("thinkTimeMs", thinkTime.toMillis());
        map.put("pageLoads", pageLoads);
        map.put("warmupPageLoads", warmupPageLoads);
        map.put("rounds", rounds);
        map.put("samplesPerCell", samplesPerCell);
        map.put("pageLoadTimeoutMs", pageLoadTimeout.toMillis());
        map.put("target", target == null ? "embedded" : target.toString());
        map.put("certificateVerified", target == null || !insecure);
        map.put("h1Connections", h1Connections);
        map.put("pipelineConnections", pipelineConnections);
        map.put("pipelineDepth", pipelineDepth);
        map.put("maxConcurrentStreams", maxConcurrentStreams);
        map.put("keyType", keyType.name());
        map.put("seed", seed);
        return map;
    }
}
