package io.muxbench.driver.transport;

/**
 * The ALPN protocol ids muxbench offers and expects (the IANA registry's names, RFC 7301): names of
 * wire protocols, not of modes ({@link io.muxbench.vocabulary.ModeDescription#id()}), though h2's are alike.
 */
public final class Alpn {

    /** HTTP/2 over TLS. */
    public static final String H2 = "h2";
    /** HTTP/1.1. */
    public static final String HTTP_1_1 = "http/1.1";
    /** HTTP/3 over QUIC (RFC 9114). */
    public static final String H3 = "h3";

    private Alpn() {
    }
}
