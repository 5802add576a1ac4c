package io.muxbench.driver.transport;

import io.netty.handler.codec.quic.Quic;

/**
 * Whether Netty's native QUIC library (quiche and BoringSSL) loaded, the one place that asks: the h3
 * mode and the origin's HTTP/3 side both need it. {@code -Dmuxbench.quic=off} makes it say no, so that the path without
 * the library can be tested (and taken) on a machine that has it.
 */
public final class QuicLibrary {

    /** The system property that turns QUIC off: {@code -Dmuxbench.quic=off}. */
    public static final String PROPERTY = "muxbench.quic";

    private QuicLibrary() {
    }

    /** Null when QUIC can be used, else why not, in a few words. */
    public static String whyUnavailable() {
        if ("off".equalsIgnoreCase(System.getProperty(PROPERTY, "").trim())) {
            return "is turned off (-D" + PROPERTY + "=off)";
        }
        if (!Quic.isAvailable()) {
            Throwable cause = Quic.unavailabilityCause();
            return "needs Netty's native QUIC library, which did not load"
                    + (cause == null ? "" : " (" + cause.getMessage() + ")");
        }
        return null;
    }
}
