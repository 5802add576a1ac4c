package io.muxbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page load kept whole, for waterfall charts. Times are microseconds from the page load's start.
 *
 * @param pageLoadMs  page-load time of this load
 * @param failed      whether the page load failed (its requests say which and why)
 * @param requests    every request of the page load, in the order they were issued
 */
public record PageLoadSample(double pageLoadMs, boolean failed, List<RequestRecord> requests) {

    public PageLoadSample {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /**
     * One request's timeline. A phase that did not happen (no new connection, cleartext) has its
     * start and end equal. Times are microseconds from the page load's start; {@code -1} when the
     * request failed before reaching that point.
     *
     * @param path          request path; {@code //host/path} for a resource on another host of the page
     * @param connectionId  which connection carried it (unique within the page load's browser)
     * @param streamId      HTTP/2 or HTTP/3 stream id, or the position on the connection for HTTP/1.1 (1, 2, ...)
     * @param status        response status; 0 when none arrived
     * @param error         failure cause, or null
     * @param startUs       the page load asked for it (its parent completed)
     * @param connectStartUs a new connection started for it (equals startUs when it had to wait, or reused one)
     * @param connectEndUs  TCP connected (including the emulated handshake round trip); over QUIC the
     *                      handshake's end, equal to tlsEndUs (TLS runs inside QUIC's handshake)
     * @param tlsEndUs      TLS handshake done (equals connectEndUs in cleartext or on reuse)
     * @param sentUs        request fully written
     * @param firstByteUs   first response byte
     * @param lastByteUs    last response byte
     * @param bytesReceived response bytes, headers and body
     * @param errorDetail   what the failure said (e.g. {@code status 500}, {@code Connection reset by peer}), or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestRecord(String path, long connectionId, long streamId, int status, String error,
                                long startUs, long connectStartUs, long connectEndUs, long tlsEndUs, long sentUs,
                                long firstByteUs, long lastByteUs, long bytesReceived, String errorDetail) {
    }
}
