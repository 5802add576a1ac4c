package io.muxbench.driver.mode;

/**
 * How real Chromium loads one mode, and what it and the origin must then see.
 *
 * @param http2               start Chromium with HTTP/2 on (false: {@code --disable-http2})
 * @param nextHopProtocol     the {@code nextHopProtocol} every request of the page must have
 * @param originProtocol      the protocol every connection the origin accepts must have ({@code HTTP/2.0})
 * @param connectionsPerOrigin most connections Chromium opens per origin with these settings
 * @param serverLimitsStreams whether requests in flight per connection are bounded by the server's
 *                            stream limit (multiplexing) rather than one at a time
 * @param quic                start Chromium with QUIC forced on for every host of the page
 *                            ({@code --origin-to-force-quic-on}); false: {@code --disable-quic}
 */
public record ChromiumSettings(boolean http2, String nextHopProtocol, String originProtocol, int connectionsPerOrigin,
                               boolean serverLimitsStreams, boolean quic) {

    /** Settings over TCP: QUIC off. */
    public ChromiumSettings(boolean http2, String nextHopProtocol, String originProtocol, int connectionsPerOrigin,
                            boolean serverLimitsStreams) {
        this(http2, nextHopProtocol, originProtocol, connectionsPerOrigin, serverLimitsStreams, false);
    }

    /**
     * HTTP/3: QUIC forced on for every host of the page, one connection per origin, as many streams as
     * the server allows; HTTP/2 stays on, though no TCP connection should be opened.
     */
    public static ChromiumSettings overQuic(String nextHopProtocol, String originProtocol) {
        return new ChromiumSettings(true, nextHopProtocol, originProtocol, 1, true, true);
    }

    /** Most requests in flight on one connection, given the server's stream limit. */
    public int maxInFlightPerConnection(int serverStreamLimit) {
        return serverLimitsStreams ? serverStreamLimit : 1;
    }
}
