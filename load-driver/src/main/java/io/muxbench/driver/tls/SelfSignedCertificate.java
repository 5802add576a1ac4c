package io.muxbench.driver.tls;

import io.muxbench.scenario.Authority;
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
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The origin's certificates, generated in memory at start-up with one key pair: a leaf for the origin
 * under test ({@code localhost}, {@code 127.0.0.1}, {@code ::1} and the names given to
 * {@link #generate(KeyType, Collection)}) and one leaf for each other host ({@link #withHosts}) naming
 * only that host, all issued by a certificate authority generated with them. Clients trust the
 * authority; one key keeps Chromium's pin on the key's hash valid for every leaf. A leaf per host,
 * as on the web, where hosts mostly have their own addresses and certificates, keeps a browser from
 * pooling HTTP/2 connections across hosts that all resolve to the loopback address (RFC 9113
 * section 9.1.1 lets it when one certificate names both).
 *
 * <pre>{@code
 * SelfSignedCertificate cert = SelfSignedCertificate.generate(KeyType.ECDSA).withHosts(List.of("cdn.example"));
 * sslContextFactory.setKeyStore(cert.keyStore());          // server side: every leaf, picked by TLS server name
 * clientFactory.setTrustStore(cert.trustStore());          // client side: trust exactly this authority
 * }</pre>
 */
public final class SelfSignedCertificate {

    /** Password of the in-memory key store; it never leaves the process. */
    public static final String PASSWORD = "muxbench";
    /**
     * Key store alias of the origin under test's leaf; a space keeps it apart from the hosts' leaves,
     * whose aliases are their names.
     */
    public static final String ORIGIN_ALIAS = "origin under test";
    private static final String AUTHORITY_ALIAS = "origin";

    private final KeyType keyType;
    private final KeyPair authorityKeys;
    private final X509Certificate authority;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final List<String> originNames;
    /** Each other host's leaf, by host name, sorted. */
    private final SortedMap<String, X509Certificate> hostLeaves;

    private SelfSignedCertificate(KeyType keyType, KeyPair authorityKeys, X509Certificate authority, KeyPair keyPair,
                                  X509Certificate certificate, List<String> originNames,
                                  SortedMap<String, X509Certificate> hostLeaves) {
        this.keyType = keyType;
        this.authorityKeys = authorityKeys;
        this.authority = authority;
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.originNames = originNames;
        this.hostLeaves = Collections.unmodifiableSortedMap(hostLeaves);
    }

    /** Certificates whose origin under test is named {@code localhost} and the loopback addresses only. */
    public static SelfSignedCertificate generate(KeyType keyType) {
        return generate(keyType, List.of());
    }

    /**
     * Certificates whose origin under test is also named by {@code originNames} (DNS names; one that
     * cannot be is left out).
     */
    public static SelfSignedCertificate generate(KeyType keyType, Collection<String> originNames) {
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
            KeyPair keyPair = newKeyPair(keyType);
            TreeSet<String> names = dnsNames(originNames);
            names.remove("localhost");
            List<GeneralName> alternatives = new ArrayList<>(List.of(
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.iPAddress, "::1")));
            names.forEach(n -> alternatives.add(new GeneralName(GeneralName.dNSName, n)));
            X509Certificate leaf = issue(keyType, authorityKeys, authority, keyPair, "localhost", alternatives);
            return new SelfSignedCertificate(keyType, authorityKeys, authority, keyPair, leaf,
                    List.copyOf(names), new TreeMap<>());
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot generate a " + keyType + " certificate: " + e.getMessage(), e);
        }
    }

    /**
     * These certificates and a leaf, with the same key and authority, for each of these hosts that
     * has none yet ({@code host} or {@code host:port}; the port is dropped, and a name that cannot be
     * a DNS name, or that the origin under test's leaf carries, is left out). Leaves already issued
     * are kept as they are.
     */
    public SelfSignedCertificate withHosts(Collection<String> hostNames) {
        TreeSet<String> names = dnsNames(hostNames);
        names.remove("localhost");
        names.removeAll(originNames);
        names.removeAll(hostLeaves.keySet());
        if (names.isEmpty()) {
            return this;
        }
        TreeMap<String, X509Certificate> leaves = new TreeMap<>(hostLeaves);
        try {
            for (String name : names) {
                leaves.put(name, issue(keyType, authorityKeys, authority, keyPair, name,
                        List.of(new GeneralName(GeneralName.dNSName, name))));
            }
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.CertIOException e) {
            throw new IllegalStateException("cannot issue a " + keyType + " certificate: " + e.getMessage(), e);
        }
        return new SelfSignedCertificate(keyType, authorityKeys, authority, keyPair, certificate, originNames, leaves);
    }

    private static TreeSet<String> dnsNames(Collection<String> hostNames) {
        TreeSet<String> names = new TreeSet<>();
        for (String host : hostNames) {
            String name = nameOf(host);
            // A scenario host's rules (a DNS name, no IP literal, no localhost) are a certificate's too.
            if (Authority.problem(name) == null) {
                names.add(name);
            }
        }
        return names;
    }

    private static X509Certificate issue(KeyType keyType, KeyPair authorityKeys, X509Certificate authority,
                                         KeyPair keyPair, String commonName, List<GeneralName> alternatives)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException,
                   org.bouncycastle.cert.CertIOException {
        Instant now = Instant.now();
        X500NameBuilder subject = new X500NameBuilder().addRDN(BCStyle.CN, commonName).addRDN(BCStyle.O, "muxbench origin");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                X500Name.getInstance(authority.getSubjectX500Principal().getEncoded()), serial(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(30))),
                subject.build(), keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(alternatives.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        return sign(builder, keyType, authorityKeys.getPrivate());
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

    /** The origin under test's leaf: what a client that names no other host is shown. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The names the origin under test's leaf carries besides localhost and the loopback addresses, sorted. */
    public List<String> originNames() {
        return originNames;
    }

    /** The other hosts, each with a leaf naming only it, sorted. */
    public List<String> hosts() {
        return List.copyOf(hostLeaves.keySet());
    }

    /** The leaf of one of {@link #hosts()}, or null for a host without its own. */
    public X509Certificate certificate(String host) {
        return hostLeaves.get(host);
    }

    /**
     * A key store for the server: the private key once per leaf, the origin under test's under
     * {@link #ORIGIN_ALIAS}, each host's under its name, each with its issuer.
     */
    public KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = PASSWORD.toCharArray();
            store.setKeyEntry(ORIGIN_ALIAS, keyPair.getPrivate(), password, new X509Certificate[]{certificate, authority});
            for (var leaf : hostLeaves.entrySet()) {
                store.setKeyEntry(leaf.getKey(), keyPair.getPrivate(), password, new X509Certificate[]{leaf.getValue(), authority});
            }
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
            store.setCertificateEntry(AUTHORITY_ALIAS, authority);
            return store;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64 SHA-256 of the public key every leaf carries, for Chromium's {@code --ignore-certificate-errors-spki-list}. */
    public String spkiSha256() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyPair.getPublic().getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
