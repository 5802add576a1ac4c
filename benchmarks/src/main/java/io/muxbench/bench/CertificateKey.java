package io.muxbench.bench;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server certificate's key, the one thing that changes the cost of a full TLS handshake's
 * signature. Certificates are self-signed with BouncyCastle when first asked for, once per JVM
 * (key generation is not what the benchmarks measure), and never written to disk. The JMH
 * parameter keeps its name, {@code keyType}. This is not the origin's
 * {@code io.muxbench.driver.tls.KeyType}: the benchmarks jar stands alone, without the driver.
 *
 * <pre>{@code
 * CertificateKey.ECDSA_P256.credentials().certificate();
 * }</pre>
 */
public enum CertificateKey {
    /** RSA with a 2048-bit modulus, signing with SHA256withRSA (RSA-PSS in TLS 1.3). */
    RSA_2048("SHA256withRSA"),
    /** ECDSA on the NIST P-256 curve (secp256r1). */
    ECDSA_P256("SHA256withECDSA");

    private static final Map<CertificateKey, Credentials> CACHE = new ConcurrentHashMap<>();
    private final String signatureAlgorithm;

    CertificateKey(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** A key pair and its self-signed certificate. */
    public record Credentials(KeyPair keyPair, X509Certificate certificate) {
    }

    /** @return this type's credentials, generated on first use */
    public Credentials credentials() {
        return CACHE.computeIfAbsent(this, CertificateKey::generate);
    }

    private Credentials generate() {
        try {
            KeyPairGenerator generator;
            if (this == RSA_2048) {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
            } else {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            KeyPair keyPair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=bench.muxbench.io");
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(30))),
                    name, keyPair.getPublic())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm).build(keyPair.getPrivate()));
            return new Credentials(keyPair, new JcaX509CertificateConverter().getCertificate(holder));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a " + this + " certificate", e);
        }
    }
}
