package io.muxbench.driver.mode;

import io.netty.handler.codec.quic.Quic;

/**
 * Whether Netty's native QUIC library (quiche and BoringSSL) loaded, the one place that asks: the h3
 * mode needs it on both sides. {@code -Dmuxbench.quic=off} makes it say no, so that the path without
 * the library can be tested (and taken) on a machine that has it.
 */
final class QuicLibrary {

    /** The system property that turns QUIC off: {@code -Dmuxbench.quic=off}. */
    static final String PROPERTY = "muxbench.quic";

    private QuicLibrary() {
    }

    /** Null when QUIC can be used, else why not, in a few words. */
    static String whyUnavailable() {
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
