package io.muxbench.driver.transport;

/** Runs test code with {@code -Dmuxbench.quic=off} ({@link QuicLibrary#PROPERTY}), and puts the property back. */
public final class QuicTurnedOff {

    /** What runs meanwhile; may throw. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    private QuicTurnedOff() {
    }

    public static void during(Body body) throws Exception {
        String before = System.getProperty(QuicLibrary.PROPERTY);
        System.setProperty(QuicLibrary.PROPERTY, "off");
        try {
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(QuicLibrary.PROPERTY);
            } else {
                System.setProperty(QuicLibrary.PROPERTY, before);
            }
        }
    }
}
