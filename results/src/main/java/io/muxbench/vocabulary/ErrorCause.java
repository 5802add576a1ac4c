package io.muxbench.vocabulary;

import java.util.Locale;

/**
 * Why a request or a page load failed: the one catalogue of the causes results count failures by
 * ({@code errors} in results.json), whichever client failed. The ids are lower case with dashes.
 */
public enum ErrorCause {
    /** The connection was refused: nothing listens there. */
    REFUSED,
    /** The connection was reset or closed before the response was complete. */
    RESET,
    /** No response within the timeout. */
    TIMEOUT,
    /** HTTP/2 GOAWAY or stream reset by the server. */
    GOAWAY,
    /** The response status was 500 or above. */
    STATUS_5XX,
    /** The response status was not the one the scenario declares (a 404 or 403 from a real server, say). */
    STATUS_MISMATCH,
    /** TLS handshake failed (certificate not trusted, no common cipher...). */
    TLS,
    /** ALPN did not give the protocol the mode asked for; muxbench never falls back silently. */
    ALPN,
    /** The response was not what HTTP allows (the parser rejected it). */
    PROTOCOL,
    /** A page load that did not finish within the page-load timeout, and its requests still unanswered. */
    TIMEOUT_PAGE_LOAD,
    /** The real browser could not make the page loads (it would not start, or died). */
    BROWSER_FAILED,
    /** The real browser's navigation failed before the page loaded. */
    NAVIGATION_FAILED,
    /** The connections used another protocol than the mode's (the origin or the browser saw it). */
    PROTOCOL_MISMATCH,
    /** The real browser reported a resource of the page as failed. */
    RESOURCE_FAILED,
    /** The real browser could not decode an image of the page. */
    IMAGE_UNDECODABLE,
    /** A resource finished after the browser's load event, so outside the page-load time. */
    RESOURCE_AFTER_LOAD,
    /** Anything else; a sample's detail says what. */
    OTHER;

    /** The name used in results: lower case with dashes, e.g. {@code status-5xx}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A cause by its id, or {@link #OTHER} for an id this version does not know. */
    public static ErrorCause of(String id) {
        for (ErrorCause cause : values()) {
            if (cause.id().equals(id)) {
                return cause;
            }
        }
        return OTHER;
    }

    @Override
    public String toString() {
        return id();
    }
}
