package io.muxbench.driver.transport;

import io.muxbench.scenario.Resource;
import io.muxbench.vocabulary.ErrorCause;

/**
 * One request of a page load and what happened to it. A transport fills the times (from
 * {@link System#nanoTime()}; 0 means not reached) and the outcome, then reports it once to the
 * {@link BrowserClient.Listener}. Not thread-safe: one transport thread writes it at a time, and the
 * listener reads it after completion.
 */
public final class Exchange {

    public final Resource resource;
    /** The page load asked for it (its parent completed). */
    public long startNanos;
    /** A connection or stream was free and the request began on it (end of queueing). */
    public long beginNanos;
    /** A new connection was started for it; 0 when it used an open one. */
    public long connectStartNanos;
    /** TCP connected (including the emulated handshake round trip); 0 when it used an open one. */
    public long connectEndNanos;
    /** TLS handshake done; 0 in cleartext or on an open connection. */
    public long tlsEndNanos;
    /** The request was fully written. */
    public long sentNanos;
    /** The first byte of the response arrived. */
    public long firstByteNanos;
    /** The last byte of the response arrived. */
    public long lastByteNanos;
    /** Which connection carried it, unique within its browser. */
    public long connectionId;
    /** HTTP/2 stream id, or the request's position on its HTTP/1.1 connection (1, 2, ...). */
    public long streamId;
    public int status;
    public long bodyBytesReceived;
    /** Null on success. */
    public ErrorCause failure;
    public String failureDetail;

    public Exchange(Resource resource) {
        this.resource = resource;
    }

    public boolean failed() {
        return failure != null;
    }

    /** Marks it failed with a cause, keeping the first failure if there were several. */
    public void fail(ErrorCause cause, String detail) {
        if (failure == null) {
            failure = cause;
            failureDetail = detail;
        }
    }
}
