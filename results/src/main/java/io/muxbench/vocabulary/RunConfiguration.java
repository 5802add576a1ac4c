package io.muxbench.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * A run's configuration as {@code run.json} records it ({@code configuration}): everything given and
 * defaulted, in units a reader needs no code for. The load driver writes it, the report and compare
 * read it, both through this type.
 *
 * @param scenarios            the scenarios as given (bundled names, scenario or HAR files)
 * @param modes                the modes' ids, in the order cells were made
 * @param links                the links' canonical names ({@code none}: plain loopback)
 * @param linkProfiles         what each emulated link is ({@code none} has no entry)
 * @param reuse                cold, warm or both
 * @param tls                  TLS with ALPN, or cleartext HTTP/1.1 and h2c
 * @param load                 closed or open load
 * @param browsers             closed load: virtual browsers per cell; open load: the most page loads in progress
 * @param ratePerSecond        open load: page loads started per second per cell; 0 under closed load
 * @param thinkTimeMs          closed load: pause between a browser's page loads
 * @param pageLoads            measured page loads per cell
 * @param warmupPageLoads      unrecorded page loads per cell before the first round
 * @param rounds               rounds the cells ran interleaved in
 * @param samplesPerCell       page loads per cell kept whole for waterfalls
 * @param pageLoadTimeoutMs    a page load taking longer failed
 * @param target               {@code embedded}, or the real server's URL
 * @param certificateVerified  whether the server's certificate was verified
 * @param h1Connections        h1: connections per browser and origin
 * @param pipelineConnections  h1-pipelined: connections per browser and origin
 * @param pipelineDepth        h1-pipelined: most requests in flight on one connection
 * @param maxConcurrentStreams the embedded origin's HTTP/2 stream limit
 * @param keyType              the embedded origin's certificate key
 * @param seed                 seed of everything random
 * @param browser              the real browser whose cells ran beside the driver's, or null for none
 * @param tlsVersion           the one TLS version the clients were held to ({@code --tls}); null (and absent
 *                             from run.json) when they negotiated freely
 */
@JsonPropertyOrder({"scenarios", "modes", "links", "linkProfiles", "reuse", "tls", "load", "browsers", "ratePerSecond",
        "thinkTimeMs", "pageLoads", "warmupPageLoads", "rounds", "samplesPerCell", "pageLoadTimeoutMs", "target",
        "certificateVerified", "h1Connections", "pipelineConnections", "pipelineDepth", "maxConcurrentStreams",
        "keyType", "seed", "browser", "tlsVersion"})
public record RunConfiguration(List<String> scenarios, List<String> modes, List<String> links,
                               List<LinkProfile> linkProfiles, List<Reuse> reuse, boolean tls, Load load, int browsers,
                               double ratePerSecond, long thinkTimeMs, int pageLoads, int warmupPageLoads, int rounds,
                               int samplesPerCell, long pageLoadTimeoutMs, String target, boolean certificateVerified,
                               int h1Connections, int pipelineConnections, int pipelineDepth, int maxConcurrentStreams,
                               String keyType, long seed, @JsonInclude(JsonInclude.Include.ALWAYS) ClientKind browser,
                               // Absent when not given, so that run.json files without it and with it read alike.
                               @JsonInclude(JsonInclude.Include.NON_NULL) TlsVersion tlsVersion) {

    /** The target of a run on the embedded origin. */
    public static final String EMBEDDED = "embedded";

    public RunConfiguration {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        modes = modes == null ? List.of() : List.copyOf(modes);
        links = links == null ? List.of() : List.copyOf(links);
        linkProfiles = linkProfiles == null ? List.of() : List.copyOf(linkProfiles);
        reuse = reuse == null ? List.of() : List.copyOf(reuse);
        load = load == null ? Load.CLOSED : load;
    }

    /** A configuration whose clients negotiated freely (no {@code tlsVersion}), as every run before {@code --tls}. */
    public RunConfiguration(List<String> scenarios, List<String> modes, List<String> links,
                            List<LinkProfile> linkProfiles, List<Reuse> reuse, boolean tls, Load load, int browsers,
                            double ratePerSecond, long thinkTimeMs, int pageLoads, int warmupPageLoads, int rounds,
                            int samplesPerCell, long pageLoadTimeoutMs, String target, boolean certificateVerified,
                            int h1Connections, int pipelineConnections, int pipelineDepth, int maxConcurrentStreams,
                            String keyType, long seed, ClientKind browser) {
        this(scenarios, modes, links, linkProfiles, reuse, tls, load, browsers, ratePerSecond, thinkTimeMs, pageLoads,
                warmupPageLoads, rounds, samplesPerCell, pageLoadTimeoutMs, target, certificateVerified, h1Connections,
                pipelineConnections, pipelineDepth, maxConcurrentStreams, keyType, seed, browser, null);
    }

    /** The profile of a link by its name, or null ({@code none}, or a link the run did not record). */
    public LinkProfile profile(String link) {
        return linkProfiles.stream().filter(p -> p.name().equals(link)).findFirst().orElse(null);
    }

    /** The names of the fields, as run.json writes them: what a reader may name a part of the configuration by. */
    public static List<String> fieldNames() {
        return Arrays.stream(RunConfiguration.class.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** Whether the run loaded the embedded origin rather than a real server. */
    public boolean embedded() {
        return target == null || EMBEDDED.equals(target);
    }

    /**
     * An emulated link, as run.json records it.
     *
     * @param name              its canonical name ({@code cable}, or a spec such as {@code rtt=100ms,down=5mbit})
     * @param rttMillis         round-trip time added
     * @param downBitsPerSecond bandwidth towards the client
     * @param upBitsPerSecond   bandwidth towards the server
     * @param lossRate          share of segments lost, 0 to 1
     */
    @JsonPropertyOrder({"name", "rttMillis", "downBitsPerSecond", "upBitsPerSecond", "lossRate"})
    public record LinkProfile(String name, long rttMillis, long downBitsPerSecond, long upBitsPerSecond, double lossRate) {
    }
}
