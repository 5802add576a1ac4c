package io.muxbench.driver.transport.internal;

import io.muxbench.driver.transport.FailureClassifier;
import io.muxbench.vocabulary.ErrorCause;
import io.muxbench.driver.transport.FailureClassifier.MuxbenchFailure;
import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The TLS handshake of an HTTP/1.1 connection (h1, h1-pipelined): ALPN offers exactly {@code http/1.1} and must get it
 * back; muxbench never falls back silently.
 *
 * <pre>{@code
 * SSLSocket tls = Http11Handshake.handshake(countingSocket, settings, owner);
 * }</pre>
 */
final class Http11Handshake {

    static final String ALPN = io.muxbench.driver.transport.Alpn.HTTP_1_1;

    private Http11Handshake() {
    }

    /**
     * Layers TLS over {@code raw}, offering only {@code http/1.1} over ALPN, and reports what was
     * negotiated to {@code owner}.
     *
     * @throws MuxbenchFailure with {@link ErrorCause#ALPN} when anything but http/1.1 was negotiated
     */
    static SSLSocket handshake(Socket raw, ConnectionSettings settings, PipelinedConnection.Owner owner)
            throws IOException {
        SSLSocket socket = (SSLSocket) settings.sslContext().getSocketFactory()
                .createSocket(raw, settings.serverName(), settings.port(), true);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(new String[]{ALPN});
        if (settings.tlsProtocols() != null) {
            parameters.setProtocols(settings.tlsProtocols());
        }
        if (settings.verifyHostName()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(parameters);
        try {
            socket.startHandshake();
        } catch (SSLHandshakeException e) {
            if (FailureClassifier.classify(e) == ErrorCause.ALPN) {
                throw new MuxbenchFailure(ErrorCause.ALPN, "the server accepts none of the offered"
                        + " protocols [" + ALPN + "] over ALPN: " + e.getMessage());
            }
            throw e;
        }
        String alpn = socket.getApplicationProtocol();
        owner.negotiated(socket.getSession().getProtocol(), socket.getSession().getCipherSuite(),
                alpn == null || alpn.isEmpty() ? null : alpn);
        if (!ALPN.equals(alpn)) {
            throw new MuxbenchFailure(ErrorCause.ALPN, "ALPN negotiated "
                    + (alpn == null || alpn.isEmpty() ? "no protocol" : "'" + alpn + "'")
                    + " where only " + ALPN + " was offered; muxbench does not fall back");
        }
        return socket;
    }
}
