package io.muxbench.bench;

import java.nio.ByteBuffer;
import java.util.Random;

import javax.net.ssl.SSLException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * TLS 1.3 record protection: the client engine encrypts one record ({@code wrap}) and the server
 * engine decrypts it ({@code unwrap}), for AES-128-GCM, AES-256-GCM and ChaCha20-Poly1305, with
 * 1 KB and 16 KB (the largest record) of plaintext. Divide the size by the score for throughput.
 *
 * <p>Pitfalls avoided: <i>state carried between invocations</i> — the record sequence number
 * grows with each invocation, which is what a real connection does and costs the same each time;
 * the key update the JDK starts after 2^37 bytes is far beyond any run; <i>constant
 * folding / a no-op</i> — the plaintext is random and setup checks that unwrap(wrap(x)) equals x
 * with the cipher suite asked for; <i>dead code</i> — the decrypted buffer is returned.
 */
public class TlsRecordBenchmark extends BenchmarkBase {

    /** The TLS 1.3 cipher suites browsers offer. */
    public enum CipherSuite {
        TLS_AES_128_GCM_SHA256,
        TLS_AES_256_GCM_SHA384,
        TLS_CHACHA20_POLY1305_SHA256
    }

    /** Plaintext per record. */
    public enum RecordSize {
        /** 1 KB: a small response or an HTTP/2 control frame burst. */
        KB_1(1024),
        /** 16 KB: a full record, what bulk transfer uses. */
        KB_16(16 * 1024);

        final int bytes;

        RecordSize(int bytes) {
            this.bytes = bytes;
        }
    }

    /** An established connection using one cipher suite, and the plaintext to send. */
    @State(Scope.Thread)
    public static class Workload {
        @Param
        CipherSuite cipherSuite;
        @Param
        RecordSize recordSize;

        InMemoryTlsConnection connection;
        ByteBuffer plaintext;

        @Setup(Level.Trial)
        public void setUp() throws SSLException {
            connection = new InMemoryTlsConnection(TlsContexts.create(CertificateKey.ECDSA_P256),
                    TlsProtocol.TLS_1_3.jsseName(), cipherSuite.name(), false);
            connection.handshake();
            String negotiated = connection.client.getSession().getCipherSuite();
            SelfCheck.require(negotiated.equals(cipherSuite.name()), "negotiated " + negotiated + ", wanted " + cipherSuite);
            byte[] bytes = new byte[recordSize.bytes];
            new Random(recordSize.bytes).nextBytes(bytes);
            plaintext = ByteBuffer.wrap(bytes).asReadOnlyBuffer();
            for (int round = 0; round < 3; round++) {
                SelfCheck.require(connection.sendToServer(plaintext).equals(plaintext),
                        cipherSuite + " unwrap(wrap(x)) differs from x for " + recordSize);
            }
        }
    }

    @Benchmark
    public ByteBuffer wrapUnwrap(Workload w) throws SSLException {
        return w.connection.sendToServer(w.plaintext);
    }
}
