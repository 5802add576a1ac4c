package io.muxbench.driver.chromium;

import io.muxbench.results.PageLoadSample;
import io.muxbench.vocabulary.ErrorCause;
import java.util.List;
import java.util.Set;

/**
 * One page load by a real browser, as the browser timed it.
 *
 * @param pageLoadMicros navigation start to the end of the load event ({@code loadEventEnd}, or
 *                       {@code loadEventStart} when the end is not set yet); 0 when the load failed
 * @param errors         failure causes seen in this page load (one entry per occurrence); empty when none
 * @param failed         whether the page load failed (timeout, navigation error, wrong protocol, missing resource)
 * @param requests       the document and every resource, from Navigation and Resource Timing, in start order
 * @param protocols      the {@code nextHopProtocol} values seen ({@code h2}, {@code http/1.1})
 * @param bytesReceived  sum of {@code transferSize} (Chromium adds an estimate of 300 bytes of headers per response)
 * @param bodyBytesReceived sum of {@code encodedBodySize}
 * @param connectionsOpened new connections (requests with a connect phase)
 * @param tlsProtocol    TLS version of the document's connection, e.g. {@code TLS 1.3}; null in cleartext
 * @param cipher         cipher of the document's connection; null in cleartext
 */
public record ChromiumPageLoad(long pageLoadMicros, List<ErrorCause> errors, boolean failed,
                              List<PageLoadSample.RequestRecord> requests, Set<String> protocols, long bytesReceived,
                              long bodyBytesReceived,
                              int connectionsOpened, String tlsProtocol, String cipher) {

    public ChromiumPageLoad {
        errors = List.copyOf(errors);
        requests = List.copyOf(requests);
        protocols = Set.copyOf(protocols);
    }

    /** This page load, failed with one more cause. */
    ChromiumPageLoad failedWith(ErrorCause cause) {
        List<ErrorCause> more = new java.util.ArrayList<>(errors);
        more.add(cause);
        return new ChromiumPageLoad(pageLoadMicros, more, true, requests, protocols, bytesReceived, bodyBytesReceived,
                connectionsOpened, tlsProtocol, cipher);
    }

    /** A page load that produced no timings at all. */
    static ChromiumPageLoad failure(ErrorCause cause) {
        return new ChromiumPageLoad(0, List.of(cause), true, List.of(), Set.of(), 0, 0, 0, null, null);
    }
}

