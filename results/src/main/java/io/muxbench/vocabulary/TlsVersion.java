package io.muxbench.vocabulary;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The one TLS version a run's clients are held to ({@code run --tls 1.2}); a run without one lets
 * them negotiate whatever both ends support (TLS 1.3 on the embedded origin). QUIC is always TLS 1.3.
 *
 * <pre>{@code
 * TlsVersion v = TlsVersion.of("1.2");
 * v.protocol();   // "TLSv1.2", as JSSE and Jetty name it
 * }</pre>
 */
public enum TlsVersion {
    /** TLS 1.2 (RFC 5246): the handshake costs two round trips before the first request. */
    V1_2("1.2", "TLSv1.2"),
    /** TLS 1.3 (RFC 8446): one round trip. */
    V1_3("1.3", "TLSv1.3");

    private final String id;
    private final String protocol;

    TlsVersion(String id, String protocol) {
        this.id = id;
        this.protocol = protocol;
    }

    /** The name used on the command line and in results: {@code 1.2}, {@code 1.3}. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The protocol's name in JSSE and Jetty ({@code TLSv1.2}), and in what a client reports it negotiated. */
    public String protocol() {
        return protocol;
    }

    /** A version by its id. */
    @JsonCreator
    public static TlsVersion of(String id) {
        for (TlsVersion version : values()) {
            if (version.id.equals(id)) {
                return version;
            }
        }
        throw new IllegalArgumentException("TLS version must be " + String.join(" or ", ids()) + ", got '" + id + "'");
    }

    /** Every version's id, in order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(TlsVersion::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
