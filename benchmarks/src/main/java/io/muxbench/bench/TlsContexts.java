package io.muxbench.bench;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A server {@link SSLContext} holding one {@link CertificateKey}'s certificate and a client context that
 * trusts exactly that certificate, with fresh session caches. The client counts how often it
 * verified a server certificate: a full handshake verifies one, a resumed handshake none, which is
 * how the benchmarks prove a resumption really happened.
 *
 * <pre>{@code
 * TlsContexts tls = TlsContexts.create(CertificateKey.RSA_2048);
 * InMemoryTlsConnection connection = new InMemoryTlsConnection(tls, "TLSv1.3", null, false);
 * }</pre>
 */
final class TlsContexts {
    private static final char[] PASSWORD = "bench".toCharArray();

    final SSLContext server;
    final SSLContext client;
    private final AtomicInteger serverCertificateChecks = new AtomicInteger();

    private TlsContexts(CertificateKey keyType) throws GeneralSecurityException, java.io.IOException {
        CertificateKey.Credentials credentials = keyType.credentials();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", credentials.keyPair().getPrivate(), PASSWORD,
                new X509Certificate[] {credentials.certificate()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        server = SSLContext.getInstance("TLS");
        server.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", credentials.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        client = SSLContext.getInstance("TLS");
        client.init(null, new TrustManager[] {new CountingTrustManager(
                (X509ExtendedTrustManager) trustManagers.getTrustManagers()[0])}, null);
    }

    /**
     * @param keyType the server certificate's key
     * @return new contexts with empty session caches
     */
    static TlsContexts create(CertificateKey keyType) {
        try {
            return new TlsContexts(keyType);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS contexts for " + keyType, e);
        }
    }

    /** @return how many server certificate chains the client has verified so far */
    int serverCertificateChecks() {
        return serverCertificateChecks.get();
    }

    private final class CountingTrustManager extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        CountingTrustManager(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            serverCertificateChecks.incrementAndGet();
            delegate.checkServerTrusted(chain, authType, engine);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            serverCertificateChecks.incrementAndGet();
            delegate.checkServerTrusted(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            serverCertificateChecks.incrementAndGet();
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
