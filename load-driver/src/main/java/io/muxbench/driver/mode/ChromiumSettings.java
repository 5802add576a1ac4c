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
 */
public record ChromiumSettings(boolean http2, String nextHopProtocol, String originProtocol, int connectionsPerOrigin,
                               boolean serverLimitsStreams) {

    /** Most requests in flight on one connection, given the server's stream limit. */
    public int maxInFlightPerConnection(int serverStreamLimit) {
        return serverLimitsStreams ? serverStreamLimit : 1;
    }
}
