package io.muxbench.driver.tls;

/** The key of the origin's generated certificate. */
public enum KeyType {
    /** RSA 2048, signed with SHA256withRSA. */
    RSA("RSA", 2048, "SHA256withRSA"),
    /** ECDSA on P-256, signed with SHA256withECDSA. */
    ECDSA("EC", 256, "SHA256withECDSA");

    final String algorithm;
    final int bits;
    final String signature;

    KeyType(String algorithm, int bits, String signature) {
        this.algorithm = algorithm;
        this.bits = bits;
        this.signature = signature;
    }
}
