package io.muxbench.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.muxbench.vocabulary.ErrorCause;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Failures are counted by cause: each exception a transport meets lands under the cause a reader expects. */
class FailureClassifierTest {

    @Test
    void classifiesTheExceptionsTransportsMeet() {
        assertEquals(ErrorCause.REFUSED, FailureClassifier.classify(new ConnectException("Connection refused")));
        assertEquals(ErrorCause.TIMEOUT, FailureClassifier.classify(new TimeoutException("Total timeout 30000 ms elapsed")));
        assertEquals(ErrorCause.TLS, FailureClassifier.classify(new SSLHandshakeException("PKIX path building failed")));
        assertEquals(ErrorCause.ALPN,
                FailureClassifier.classify(new SSLHandshakeException("Received fatal alert: no_application_protocol")));
        assertEquals(ErrorCause.RESET, FailureClassifier.classify(new EOFException("HttpConnectionOverHTTP@1")));
        assertEquals(ErrorCause.RESET, FailureClassifier.classify(new ClosedChannelException()));
        assertEquals(ErrorCause.RESET, FailureClassifier.classify(new IOException("Connection reset by peer")));
        assertEquals(ErrorCause.OTHER, FailureClassifier.classify(new IllegalStateException("bug")));
    }

    @Test
    void theInnermostKnownCauseWinsOverAWrapper() {
        Exception wrapped = new RuntimeException("request failed", new ConnectException("Connection refused"));
        assertEquals(ErrorCause.REFUSED, FailureClassifier.classify(wrapped));
        assertEquals(ErrorCause.ALPN, FailureClassifier.classify(new FailureClassifier.MuxbenchFailure(ErrorCause.ALPN, "ALPN gave 'h2'")));
        assertEquals("status-5xx", ErrorCause.STATUS_5XX.id());
    }
}
