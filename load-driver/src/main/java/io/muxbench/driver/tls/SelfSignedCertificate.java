package io.muxbench.driver.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The origin's certificate, generated in memory at start-up: a leaf for {@code localhost},
 * {@code 127.0.0.1} and {@code ::1}, issued by a certificate authority generated with it. Clients
 * trust the authority, so the leaf can be issued again naming more hosts ({@link #withHosts}) with
 * the same key pair: trust stores stay valid and so does Chromium's pin on the key's hash.
 *
 * <pre>{@code
 * SelfSignedCertificate cert = SelfSignedCertificate.generate(KeyType.ECDSA).withHosts(List.of("cdn.example"));
 * sslContextFactory.setKeyStore(cert.keyStore());          // server side: the leaf and its issuer
 * clientFactory.setTrustStore(cert.trustStore());          // client side: trust exactly this authority
 * }</pre>
 */
public final class SelfSignedCertificate {

    /** Password of the in-memory key store; it never leaves the process. */
    public static final String PASSWORD = "muxbench";
    private static final String ALIAS = "origin";
    /** A DNS name a certificate may carry: lower-case labels of letters, digits and dashes. */
    private static final Pattern DNS_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private final KeyType keyType;
    private final KeyPair authorityKeys;
    private final X509Certificate authority;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final List<String> hosts;

    private SelfSignedCertificate(KeyType keyType, KeyPair authorityKeys, X509Certificate authority, KeyPair keyPair,
                                  X509Certificate certificate, List<String> hosts) {
        this.keyType = keyType;
        this.authorityKeys = authorityKeys;
        this.authority = authority;
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.hosts = hosts;
    }

    public static SelfSignedCertificate generate(KeyType keyType) {
        try {
            KeyPair authorityKeys = newKeyPair(keyType);
            X500Name name = new X500Name("CN=muxbench origin authority, O=muxbench origin");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))), name,
                    authorityKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            X509Certificate authority = sign(builder, keyType, authorityKeys.getPrivate());
            return new SelfSignedCertificate(keyType, authorityKeys, authority, newKeyPair(keyType), null, List.of())
                    .withHosts(List.of());
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot generate a " + keyType + " certificate: " + e.getMessage(), e);
        }
    }

    /**
     * The leaf issued again, with the same key and authority, naming {@code localhost}, the loopback
     * addresses and these hosts ({@code host} or {@code host:port}; the port is dropped, and a name
     * that cannot be a DNS name is left out).
     */
    public SelfSignedCertificate withHosts(Collection<String> hostNames) {
        TreeSet<String> names = new TreeSet<>();
        for (String host : hostNames) {
            String name = nameOf(host);
            if (DNS_NAME.matcher(name).matches() && name.length() <= 253) {
                names.add(name);
            }
        }
        names.remove("localhost");
        List<GeneralName> alternatives = new ArrayList<>(List.of(
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")));
        names.forEach(n -> alternatives.add(new GeneralName(GeneralName.dNSName, n)));
        try {
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(authority.getSubjectX500Principal().getEncoded()), serial(),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                    new X500Name("CN=localhost, O=muxbench origin"), keyPair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(alternatives.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509Certificate leaf = sign(builder, keyType, authorityKeys.getPrivate());
            return new SelfSignedCertificate(keyType, authorityKeys, authority, keyPair, leaf, List.copyOf(names));
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot issue a " + keyType + " certificate: " + e.getMessage(), e);
        }
    }

    /** The host name of {@code host} or {@code host:port}, in lower case. */
    private static String nameOf(String host) {
        int colon = host.lastIndexOf(':');
        String name = (colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT);
        // A certificate names hosts without the root's final dot; TLS clients compare without it too.
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static KeyPair newKeyPair(KeyType keyType) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType.algorithm);
        generator.initialize(keyType.bits, new SecureRandom());
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom());
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyType keyType, PrivateKey key)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(keyType.signature).build(key)));
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The leaf the origin presents. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The host names the leaf carries besides localhost and the loopback addresses, sorted. */
    public List<String> hosts() {
        return hosts;
    }

    /** A key store holding the private key, the leaf and its issuer, for the server. */
    public KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, keyPair.getPrivate(), PASSWORD.toCharArray(), new X509Certificate[]{certificate, authority});
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trust store holding only the authority that issues the leaf, for clients. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(ALIAS, authority);
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 SHA-256 of the leaf's public key, for Chromium's {@code --ignore-certificate-errors-spki-list}. */
    public String spkiSha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyPair.getPublic().getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
