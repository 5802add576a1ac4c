package io.muxbench.results;

/**
 * What an {@code h3} cell's QUIC connections ran with, as results.json records it in its
 * {@code settings.quic}: the congestion control
 * pinned to match the TCP modes' (Linux's CUBIC, slow start from 10 packets) and the windows that
 * keep flow control from limiting a page, so that h3 is compared with h2 under recorded settings.
 *
 * <pre>{@code
 * QuicSettings quic = browser.quicSettings();   // null for the TCP modes
 * }</pre>
 *
 * @param congestionControl     quiche's algorithm, lower case ({@code cubic})
 * @param initialWindowPackets  the initial congestion window, in packets
 * @param hystart               whether slow start leaves early on rising delay (HyStart++), as Linux's CUBIC does
 * @param maxStreamsBidi        the server's initial limit of bidirectional streams (requests in flight); 0 until known
 * @param connectionWindowBytes the client's initial connection receive window (QUIC's initial_max_data)
 * @param streamWindowBytes     the client's initial receive window per request stream
 * @param maxUdpPayloadBytes    the largest UDP payload the client sends
 * @param idleTimeoutMillis     the client's QUIC idle timeout
 * @param lossRecovery          how its loss recovery differs from the TCP modes', in words
 */
public record QuicSettings(String congestionControl, int initialWindowPackets, boolean hystart, long maxStreamsBidi,
                           long connectionWindowBytes, long streamWindowBytes, int maxUdpPayloadBytes,
                           long idleTimeoutMillis, String lossRecovery) {

    /** What {@link #lossRecovery} says of muxbench's own h3. */
    public static final String QUICHE_RECOVERY = "quiche's own (RFC 9002) on the real datagrams the link"
            + " delays, queues and drops; the TCP modes' losses and congestion are the link's TCP model";

    public QuicSettings {
        if (congestionControl == null || congestionControl.isEmpty()) {
            throw new IllegalArgumentException("congestionControl must be named, got " + congestionControl);
        }
        if (initialWindowPackets < 1) {
            throw new IllegalArgumentException("initialWindowPackets must be at least 1, got " + initialWindowPackets);
        }
        if (maxStreamsBidi < 0 || connectionWindowBytes < 1 || streamWindowBytes < 1 || maxUdpPayloadBytes < 1200
                || idleTimeoutMillis < 0) {
            throw new IllegalArgumentException("QUIC settings out of range: maxStreamsBidi=" + maxStreamsBidi
                    + ", connectionWindowBytes=" + connectionWindowBytes + ", streamWindowBytes=" + streamWindowBytes
                    + ", maxUdpPayloadBytes=" + maxUdpPayloadBytes + ", idleTimeoutMillis=" + idleTimeoutMillis);
        }
    }
}
