package io.muxbench.driver.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate for {@code localhost} and {@code 127.0.0.1}, generated in memory at start-up.
 *
 * <pre>{@code
 * SelfSignedCertificate cert = SelfSignedCertificate.generate(KeyType.ECDSA);
 * sslContextFactory.setKeyStore(cert.keyStore());          // server side
 * clientFactory.setTrustStore(cert.trustStore());          // client side: trust exactly this one
 * }</pre>
 */
public final class SelfSignedCertificate {

    /** Password of the in-memory key store; it never leaves the process. */
    public static final String PASSWORD = "muxbench";
    private static final String ALIAS = "origin";

    private final KeyType keyType;
    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyType keyType, KeyPair keyPair, X509Certificate certificate) {
        this.keyType = keyType;
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    public static SelfSignedCertificate generate(KeyType keyType) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType.algorithm);
            generator.initialize(keyType.bits, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name name = new X500Name("CN=localhost, O=muxbench origin");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[]{
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")}));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(keyType.signature).build(pair.getPrivate())));
            return new SelfSignedCertificate(keyType, pair, cert);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot generate a " + keyType + " certificate: " + e.getMessage(), e);
        }
    }

    public KeyType keyType() {
        return keyType;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A key store holding the private key and certificate, for the server. */
    public KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, keyPair.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[]{certificate});
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store holding only this certificate, for clients. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(ALIAS, certificate);
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 SHA-256 of the public key, for Chromium's {@code --ignore-certificate-errors-spki-list}. */
    public String spkiSha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
