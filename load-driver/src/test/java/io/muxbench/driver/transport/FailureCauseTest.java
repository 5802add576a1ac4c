package io.muxbench.driver.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Failures are counted by cause: each exception a transport meets lands under the cause a reader expects. */
class FailureCauseTest {

    @Test
    void classifiesTheExceptionsTransportsMeet() {
        assertEquals(FailureCause.REFUSED, FailureCause.of(new ConnectException("Connection refused")));
        assertEquals(FailureCause.TIMEOUT, FailureCause.of(new TimeoutException("Total timeout 30000 ms elapsed")));
        assertEquals(FailureCause.TLS, FailureCause.of(new SSLHandshakeException("PKIX path building failed")));
        assertEquals(FailureCause.ALPN,
                FailureCause.of(new SSLHandshakeException("Received fatal alert: no_application_protocol")));
        assertEquals(FailureCause.RESET, FailureCause.of(new EOFException("HttpConnectionOverHTTP@1")));
        assertEquals(FailureCause.RESET, FailureCause.of(new ClosedChannelException()));
        assertEquals(FailureCause.RESET, FailureCause.of(new IOException("Connection reset by peer")));
        assertEquals(FailureCause.OTHER, FailureCause.of(new IllegalStateException("bug")));
    }

    @Test
    void theInnermostKnownCauseWinsOverAWrapper() {
        Exception wrapped = new RuntimeException("request failed", new ConnectException("Connection refused"));
        assertEquals(FailureCause.REFUSED, FailureCause.of(wrapped));
        assertEquals(FailureCause.ALPN, FailureCause.of(new FailureCause.MuxbenchFailure(FailureCause.ALPN, "ALPN gave 'h2'")));
        assertEquals("status-5xx", FailureCause.STATUS_5XX.id());
    }
}
