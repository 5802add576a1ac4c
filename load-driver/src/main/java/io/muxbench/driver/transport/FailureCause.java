package io.muxbench.driver.transport;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Why a request failed; results count failures by these causes. */
public enum FailureCause {
    /** The connection was refused: nothing listens there. */
    REFUSED,
    /** The connection was reset or closed before the response was complete. */
    RESET,
    /** No response (or no page load) within the timeout. */
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
    /** Anything else; the detail says what. */
    OTHER;

    /** The name used in results: lower case with dashes, e.g. {@code status-5xx}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Classifies an exception from a transport. */
    public static FailureCause of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MuxbenchFailure m) {
                return m.cause();
            }
            if (t instanceof ConnectException) {
                return REFUSED;
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return TIMEOUT;
            }
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof SSLException) {
                // The alert a server sends when it accepts none of the protocols offered over ALPN.
                return message.contains("no_application_protocol") ? ALPN : TLS;
            }
            if (name.contains("http2") || message.contains("goaway") || message.contains("rst_stream")
                    || message.contains("stream_reset") || message.contains("reset_stream")) {
                return GOAWAY;
            }
            if (name.contains("BadMessage") || name.contains("HttpException")) {
                return PROTOCOL;
            }
            if (t instanceof EOFException || t instanceof ClosedChannelException
                    || message.contains("reset") || message.contains("closed") || message.contains("broken pipe")) {
                return RESET;
            }
        }
        return failure instanceof IOException ? RESET : OTHER;
    }

    /** An exception that carries its cause explicitly. */
    public static final class MuxbenchFailure extends IOException {
        private final FailureCause cause;

        public MuxbenchFailure(FailureCause cause, String message) {
            super(message);
            this.cause = cause;
        }

        public FailureCause cause() {
            return cause;
        }
    }
}
