package io.muxbench.driver.transport;

import io.muxbench.vocabulary.ErrorCause;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Tells why a request failed from the exception a transport gave, as one of the causes results count
 * failures by ({@link ErrorCause}).
 *
 * <pre>{@code
 * exchange.fail(FailureClassifier.classify(failure), failure.getMessage());
 * }</pre>
 */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    /** Classifies an exception from a transport. */
    public static ErrorCause classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MuxbenchFailure m) {
                return m.cause();
            }
            if (t instanceof ConnectException) {
                return ErrorCause.REFUSED;
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return ErrorCause.TIMEOUT;
            }
            String name = t.getClass().getName();
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof SSLException) {
                // The alert a server sends when it accepts none of the protocols offered over ALPN.
                return message.contains("no_application_protocol") ? ErrorCause.ALPN : ErrorCause.TLS;
            }
            if (name.contains("http2") || message.contains("goaway") || message.contains("rst_stream")
                    || message.contains("stream_reset") || message.contains("reset_stream")) {
                return ErrorCause.GOAWAY;
            }
            if (name.contains("BadMessage") || name.contains("HttpException")) {
                return ErrorCause.PROTOCOL;
            }
            if (t instanceof EOFException || t instanceof ClosedChannelException
                    || message.contains("reset") || message.contains("closed") || message.contains("broken pipe")) {
                return ErrorCause.RESET;
            }
        }
        return failure instanceof IOException ? ErrorCause.RESET : ErrorCause.OTHER;
    }

    /** An exception that carries its cause explicitly. */
    public static final class MuxbenchFailure extends IOException {
        private final ErrorCause cause;

        public MuxbenchFailure(ErrorCause cause, String message) {
            super(message);
            this.cause = cause;
        }

        public ErrorCause cause() {
            return cause;
        }
    }
}
