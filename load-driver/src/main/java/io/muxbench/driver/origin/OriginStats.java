package io.muxbench.driver.origin;

import java.util.List;

/**
 * What the embedded origin saw since its counters were last reset.
 *
 * @param connectionsAccepted      TCP connections accepted, and QUIC connections (HTTP/3)
 * @param requestsReceived         requests received, on every connection
 * @param maxInFlightPerConnection the most requests or streams (HTTP/2, HTTP/3) in flight at once on any one connection
 * @param connections              per connection that carried requests, in the order they were first seen
 */
public record OriginStats(long connectionsAccepted, long requestsReceived, int maxInFlightPerConnection,
                          List<ConnectionStats> connections) {

    /**
     * @param id          origin-side connection number
     * @param protocol    {@code HTTP/1.1}, {@code HTTP/2.0} or {@code HTTP/3}
     * @param requests    requests it carried
     * @param maxInFlight the most in flight at once on it
     */
    public record ConnectionStats(long id, String protocol, long requests, int maxInFlight) {
    }
}
