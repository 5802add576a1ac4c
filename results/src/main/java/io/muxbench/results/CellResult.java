package io.muxbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.muxbench.vocabulary.CellKey;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.Reuse;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one cell: one scenario, over one mode, on one link, cold or warm, by one client.
 * Field names are a contract with tools outside the code (DESIGN.md, "Results").
 *
 * @param id                     file-safe key, unique within a run; names the cell's histogram log
 * @param scenario               scenario name
 * @param mode                   the mode's id ({@link io.muxbench.vocabulary.ModeDescription#id()})
 * @param link                   link profile name, or {@code none} for plain loopback
 * @param reuse                  cold or warm
 * @param tls                    whether the connections used TLS
 * @param client                 the driver, or the real browser that made the page loads
 * @param settings               the settings that differ between modes by nature, as used
 * @param pageLoads              page-load time summary
 * @param requests               per-request latency summary (request start to last byte)
 * @param connectionsPerPageLoad new connections opened per page load, on average
 * @param bytes                  bytes on the wire per page load (a browser reports none sent: 0, not measured)
 * @param errors                 failures by cause; empty when none
 * @param server                 the embedded origin's counters for this cell; null for a real target
 * @param datagrams              UDP datagrams relayed by the link and dropped by the kernel during the cell;
 *                               null when there were none (no h3, or no link)
 * @param histogramLog           the cell's HdrHistogram log, relative to the run folder
 * @param samples                a few page loads kept whole, for waterfalls
 */
@JsonPropertyOrder({"id", "scenario", "mode", "link", "reuse", "tls", "client", "settings", "pageLoads", "requests",
        "connectionsPerPageLoad", "bytes", "errors", "server", "datagrams", "histogramLog", "samples"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CellResult(
        String id,
        String scenario,
        String mode,
        String link,
        Reuse reuse,
        boolean tls,
        ClientKind client,
        Settings settings,
        PageLoads pageLoads,
        Requests requests,
        double connectionsPerPageLoad,
        Bytes bytes,
        Map<String, Long> errors,
        ServerCounters server,
        Datagrams datagrams,
        String histogramLog,
        List<PageLoadSample> samples) {

    public CellResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(reuse, "reuse");
        Objects.requireNonNull(pageLoads, "pageLoads");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(bytes, "bytes");
        client = client == null ? ClientKind.DRIVER : client;
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /** A cell that relayed no datagrams (results written before {@code datagrams} existed read so too). */
    public CellResult(String id, String scenario, String mode, String link, Reuse reuse, boolean tls, ClientKind client,
                      Settings settings, PageLoads pageLoads, Requests requests, double connectionsPerPageLoad,
                      Bytes bytes, Map<String, Long> errors, ServerCounters server, String histogramLog,
                      List<PageLoadSample> samples) {
        this(id, scenario, mode, link, reuse, tls, client, settings, pageLoads, requests, connectionsPerPageLoad,
                bytes, errors, server, null, histogramLog, samples);
    }

    /** The cell's identity, which compare matches cells by ({@link CellKey#label()}). */
    public CellKey key() {
        return new CellKey(scenario, mode, link, reuse, tls, client);
    }

    /**
     * Settings that differ between modes by nature, recorded so no comparison hides them.
     *
     * @param connectionsPerOrigin most connections per browser and origin
     * @param maxInFlightPerConnection most requests (pipelined) or streams (h2) in flight on one connection, as allowed
     * @param initialStreamWindow  HTTP/2 initial stream window in bytes (0 for HTTP/1.1)
     * @param initialSessionWindow HTTP/2 initial session window in bytes (0 for HTTP/1.1)
     * @param tlsProtocol          negotiated TLS version, e.g. TLSv1.3; null in cleartext
     * @param cipherSuite          negotiated cipher suite; null in cleartext
     * @param alpn                 negotiated ALPN protocol; null in cleartext
     * @param quic                 what QUIC ran with (h3); null for the TCP modes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Settings(int connectionsPerOrigin, int maxInFlightPerConnection, int initialStreamWindow,
                           int initialSessionWindow, String tlsProtocol, String cipherSuite, String alpn,
                           QuicSettings quic) {

        /** A TCP mode's settings. */
        public Settings(int connectionsPerOrigin, int maxInFlightPerConnection, int initialStreamWindow,
                        int initialSessionWindow, String tlsProtocol, String cipherSuite, String alpn) {
            this(connectionsPerOrigin, maxInFlightPerConnection, initialStreamWindow, initialSessionWindow, tlsProtocol,
                    cipherSuite, alpn, null);
        }

        /** The ALPN id of HTTP/3 (RFC 9114), which runs over QUIC only. */
        public static final String ALPN_H3 = "h3";

        /** Whether the cell's connections were QUIC: it negotiated HTTP/3. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean overQuic() {
            return ALPN_H3.equals(alpn);
        }
    }

    /**
     * Page-load time, in milliseconds. Under open load the percentiles are measured from the
     * intended start (coordinated omission corrected); {@code uncorrected} keeps the figures measured
     * from the actual start.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PageLoads(long count, long failed, double p50Ms, double p90Ms, double p99Ms, double maxMs,
                            double meanMs, double stddevMs, Uncorrected uncorrected) {
    }

    /** Page-load time measured from the actual start, under open load only. */
    public record Uncorrected(double p50Ms, double p90Ms, double p99Ms, double maxMs) {
    }

    /**
     * Request latency, in milliseconds: from the moment the page asked for the resource (its parent
     * complete) to its last byte, so waiting for a connection or stream is included.
     */
    public record Requests(long count, long failed, double p50Ms, double p90Ms, double p99Ms, double maxMs) {
    }

    /**
     * Bytes on the wire per page load, on average, counted below TLS. Bodies are the response bodies
     * as delivered; "headers" are everything else on the wire: request and response headers, HTTP/2
     * framing, and TLS records and handshakes.
     */
    public record Bytes(long sentPerPageLoad, long receivedPerPageLoad, long headersSentPerPageLoad,
                        long bodySentPerPageLoad, long headersReceivedPerPageLoad, long bodyReceivedPerPageLoad) {
    }

    /**
     * UDP datagrams during the cell, all its rounds together (warm-ups included): what the emulated
     * link's relays delivered and dropped, and what the kernel dropped behind their back (its UDP
     * error counters, the whole machine's, read before and after each round). QUIC recovers from
     * every one of these drops itself, so a cell with {@code kernelDropped > 0} lost more than the
     * link's seeded loss.
     *
     * @param deliveredUp   datagrams the relays delivered from the browsers to the server
     * @param deliveredDown datagrams the relays delivered from the server to the browsers
     * @param lost          datagrams the link's seeded loss dropped
     * @param queueDropped  datagrams dropped because the link's queue was full (drop-tail)
     * @param sendDropped   datagrams the kernel refused to a relay on the way out
     * @param kernelDropped datagrams the kernel dropped for a full socket buffer or want of memory
     */
    public record Datagrams(long deliveredUp, long deliveredDown, long lost, long queueDropped, long sendDropped,
                            long kernelDropped) {
    }

    /** What the embedded origin saw during the cell. */
    public record ServerCounters(long connectionsAccepted, long requestsReceived, int maxInFlightPerConnection) {
    }
}
