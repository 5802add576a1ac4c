package io.muxbench.bench;

/** The TLS versions the handshake benchmarks compare, with their JSSE protocol names. */
public enum TlsProtocol {
    /** TLS 1.3: one round trip, ECDHE always, the server's NewSessionTicket after the handshake. */
    TLS_1_3("TLSv1.3"),
    /** TLS 1.2: two round trips for a full handshake, one for an abbreviated (resumed) one. */
    TLS_1_2("TLSv1.2");

    private final String jsseName;

    TlsProtocol(String jsseName) {
        this.jsseName = jsseName;
    }

    /** @return the name SSLEngine.setEnabledProtocols expects */
    public String jsseName() {
        return jsseName;
    }
}
