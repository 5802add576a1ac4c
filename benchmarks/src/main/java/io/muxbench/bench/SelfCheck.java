package io.muxbench.bench;

/**
 * The one way a benchmark's {@code @Setup} rejects a workload that does not do what it claims:
 * an exception whose message names the benchmark input, so that JMH stops with an error instead of
 * printing a score for a no-op.
 *
 * <pre>{@code
 * SelfCheck.require(decoded.equals(headers), "HPACK round trip changed " + headerSet);
 * }</pre>
 */
public final class SelfCheck {
    private SelfCheck() {
    }

    /**
     * @param condition what setup verified
     * @param failure what went wrong, naming the workload
     * @throws IllegalStateException when {@code condition} is false
     */
    public static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("benchmark self-check failed: " + failure);
        }
    }
}
