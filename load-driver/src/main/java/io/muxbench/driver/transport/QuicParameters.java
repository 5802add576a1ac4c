package io.muxbench.driver.transport;

import io.netty.handler.codec.quic.QuicCodecBuilder;
import io.netty.handler.codec.quic.QuicCongestionControlAlgorithm;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The QUIC settings both ends of muxbench's HTTP/3 use, the origin's and the h3 client's, in one
 * place so that they match and a result can name them ({@link io.muxbench.results.QuicSettings}).
 * Congestion control is pinned to what Linux TCP does by default: CUBIC with HyStart, an initial
 * window of 10 packets (RFC 6928).
 *
 * <pre>{@code
 * ChannelHandler codec = QuicParameters.apply(Http3.newQuicClientCodecBuilder(), 128).sslContext(ssl).build();
 * }</pre>
 */
public final class QuicParameters {

    /** Quiche's congestion control, as Linux TCP's default. */
    public static final QuicCongestionControlAlgorithm CONGESTION_CONTROL = QuicCongestionControlAlgorithm.CUBIC;
    /** Initial congestion window in packets, as Linux TCP's (RFC 6928); quiche multiplies by its packet size. */
    public static final int INITIAL_CONGESTION_WINDOW_PACKETS = 10;
    /** HyStart++ on, as Linux CUBIC's HyStart. */
    public static final boolean HYSTART = true;
    /**
     * Largest UDP payload sent: what a 1500-byte MTU leaves after IPv6 and UDP headers (Chromium
     * accepts as much), so the initial window is 10 x 1452 bytes, next to the link's TCP model of
     * 10 x 1460. Quiche's default, 1200, costs a fifth more packets, and packets are what a QUIC
     * stack's CPU goes on (33 MiB over loopback: about 1.7 s at 1200, 0.9 s at 1452). No PMTU discovery.
     */
    public static final int MAX_SEND_UDP_PAYLOAD_BYTES = 1452;
    /**
     * Connection flow-control window each side grants: 32 MiB, over ten times the largest bundled
     * page (news, 2.4 MB), so flow control is never what limits a page load.
     */
    public static final long INITIAL_MAX_DATA_BYTES = 32L << 20;
    /**
     * Stream flow-control window each side grants, for every kind of stream: 8 MiB, twenty times the
     * largest bundled resource (400 KB in big-assets).
     */
    public static final long INITIAL_MAX_STREAM_DATA_BYTES = 8L << 20;
    /** Unidirectional streams a peer may open: HTTP/3 needs 3 (control, QPACK encoder, decoder); browsers add greased ones. */
    public static final int INITIAL_MAX_STREAMS_UNIDIRECTIONAL = 16;
    /**
     * Longest delay of an acknowledgement each side announces (max_ack_delay): 25 ms, RFC 9000's
     * default and Chromium's. Quiche only announces it and counts it into the peer's probe timeout:
     * it acknowledges every ack-eliciting packet at its next send (cloudflare/quiche#1538) and has no
     * setting for acknowledging every second packet as Chromium and Linux TCP do, so on a slow
     * downlink an h3 client sends about one small datagram up per datagram down.
     */
    public static final Duration MAX_ACK_DELAY = Duration.ofMillis(25);
    /**
     * Length of the connection ids each side chooses for itself, which every packet to it carries:
     * 8 bytes, as Google's servers and Chromium use, instead of Netty's 20 (12 bytes more on each of
     * the some 450 packets each way of a page of 100 small images).
     */
    public static final int LOCAL_CONNECTION_ID_BYTES = 8;
    // QPACK runs without a dynamic table (Netty's handlers' default), unlike Chromium's (64 KiB), so every
    // h3 request repeats its fields as literals: about 200 to 380 bytes where h2's HPACK sends about 10
    // once warm, 20 to 38 KB up per 100-request page. Netty 4.2.18 cannot do better here: its decoder
    // counts an encoder instruction's relative index from the oldest entry, not the newest
    // (QpackDecoderDynamicTable.getEntryRelativeEncoderInstructions), so an insert naming a dynamic
    // entry closes the connection ("QPACK - illegal decoder dynamic table index value",
    // netty-incubator-codec-http3#152); and with the table on, it holds each HEADERS frame until the
    // peer's SETTINGS arrive, which its server sends only once the handshake is confirmed: a new
    // connection's first request one round trip late (the load-driver README has the figures).

    /** Idle timeout, as Jetty's connectors' default. */
    public static final Duration MAX_IDLE_TIMEOUT = Duration.ofSeconds(30);

    private QuicParameters() {
    }

    /**
     * Applies these settings to a client's or server's codec builder.
     *
     * @param maxBidirectionalStreams the request streams the peer may have open at once (a client: 0,
     *                                HTTP/3 servers open none); the origin announces {@code Origin.Options#maxConcurrentStreams()}, as HTTP/2's SETTINGS
     */
    public static <B extends QuicCodecBuilder<B>> B apply(B builder, int maxBidirectionalStreams) {
        return builder
                .congestionControlAlgorithm(CONGESTION_CONTROL)
                .initialCongestionWindowPackets(INITIAL_CONGESTION_WINDOW_PACKETS)
                .hystart(HYSTART)
                .maxSendUdpPayloadSize(MAX_SEND_UDP_PAYLOAD_BYTES)
                .discoverPmtu(false)
                .localConnectionIdLength(LOCAL_CONNECTION_ID_BYTES)
                .activeMigration(false)
                .maxIdleTimeout(MAX_IDLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .maxAckDelay(MAX_ACK_DELAY.toMillis(), TimeUnit.MILLISECONDS)
                .initialMaxData(INITIAL_MAX_DATA_BYTES)
                .initialMaxStreamDataBidirectionalLocal(INITIAL_MAX_STREAM_DATA_BYTES)
                .initialMaxStreamDataBidirectionalRemote(INITIAL_MAX_STREAM_DATA_BYTES)
                .initialMaxStreamDataUnidirectional(INITIAL_MAX_STREAM_DATA_BYTES)
                .initialMaxStreamsBidirectional(maxBidirectionalStreams)
                .initialMaxStreamsUnidirectional(INITIAL_MAX_STREAMS_UNIDIRECTIONAL);
    }
}
