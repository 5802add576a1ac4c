package io.muxbench.bench;

import java.security.cert.X509Certificate;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A whole TLS handshake between a client and a server {@link javax.net.ssl.SSLEngine} in memory
 * ({@link InMemoryTlsConnection}), for TLS 1.3 and 1.2 with an RSA-2048 or an ECDSA P-256 server
 * certificate: <b>full</b> (new engines that cannot resume: key exchange, certificate, its
 * signature and the client's verification of it) and <b>resumed</b> (new engines whose client
 * offers the session of an earlier connection to the same peer).
 *
 * <p>What resumption means here: in TLS 1.2 it is the abbreviated handshake (session ID or
 * ticket), with no key exchange and no certificate. In TLS 1.3 the JDK resumes with a pre-shared
 * key from the server's NewSessionTicket (stateless tickets, on by default since JDK 13); it
 * supports only the psk_dhe_ke mode, so a resumed TLS 1.3 handshake still runs an ECDHE key
 * exchange and saves only the certificate, its signature and its verification; there is no 0-RTT.
 * Each resumed handshake receives a new ticket, which the next one uses.
 *
 * <p>Pitfalls avoided: <i>state carried between invocations</i> — every invocation creates new
 * engines; a full handshake's client has no peer identity, so it can never resume by accident, and
 * setup proves it (each full handshake verifies a certificate, each resumed one none); the
 * server's session cache grows by one entry per full TLS 1.2 handshake, as it would on a real
 * server. <i>Dead code</i>: the connection is returned. Setup also checks the negotiated protocol
 * and that the peer certificate has the expected key type.
 */
public class TlsHandshakeBenchmark extends BenchmarkBase {

    /** Contexts for one protocol and key type, with a session the resumed handshakes can offer. */
    @State(Scope.Thread)
    public static class Workload {
        @Param
        TlsProtocol protocol;
        @Param
        CertificateKey keyType;

        TlsContexts tls;

        @Setup(Level.Trial)
        public void setUp() throws SSLException {
            tls = TlsContexts.create(keyType);
            for (int round = 0; round < 2; round++) {
                int checks = tls.serverCertificateChecks();
                checkSession(connect(false).client.getSession());
                SelfCheck.require(tls.serverCertificateChecks() == checks + 1,
                        protocol + " full handshake did not verify the server certificate exactly once");
            }
            int checks = tls.serverCertificateChecks();
            checkSession(connect(true).client.getSession());
            SelfCheck.require(tls.serverCertificateChecks() == checks + 1, "first resumable handshake was not full");
            for (int round = 0; round < 3; round++) {
                checkSession(connect(true).client.getSession());
                SelfCheck.require(tls.serverCertificateChecks() == checks + 1,
                        protocol + " handshake " + (round + 2) + " to the same peer did not resume");
            }
        }

        InMemoryTlsConnection connect(boolean resumable) throws SSLException {
            InMemoryTlsConnection connection = new InMemoryTlsConnection(tls, protocol.jsseName(), null, resumable);
            connection.handshake();
            return connection;
        }

        private void checkSession(SSLSession session) throws SSLException {
            String keyAlgorithm = ((X509Certificate) session.getPeerCertificates()[0]).getPublicKey().getAlgorithm();
            SelfCheck.require(session.getProtocol().equals(protocol.jsseName())
                    && keyAlgorithm.equals(keyType == CertificateKey.RSA_2048 ? "RSA" : "EC"),
                    "negotiated " + session.getProtocol() + " " + session.getCipherSuite() + " with a "
                            + keyAlgorithm + " certificate, wanted " + protocol + " " + keyType);
        }
    }

    @Benchmark
    public InMemoryTlsConnection fullHandshake(Workload w) throws SSLException {
        return w.connect(false);
    }

    @Benchmark
    public InMemoryTlsConnection resumedHandshake(Workload w) throws SSLException {
        return w.connect(true);
    }
}
