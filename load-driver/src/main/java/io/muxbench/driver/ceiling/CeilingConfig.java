package io.muxbench.driver.ceiling;

import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.tls.KeyType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@code muxbench ceiling} measures; validated, every field named in its message.
 *
 * @param modes               the modes, each measured in turn
 * @param scenarioSource      the scenario's name or file, as given (the embedded origin is started with it)
 * @param target              a server instead of the embedded origin; null for the embedded origin
 * @param insecure            with a target: do not verify its certificate
 * @param serverPid           with a target: its process, whose CPU is read from /proc; null for none
 * @param tls                 https (ALPN) rather than cleartext, for the embedded origin
 * @param browsers            virtual browsers loading the page in a closed loop, no think time
 * @param duration            the measured window per mode
 * @param warmupWindow        the window whose CPU per request warm-up watches
 * @param warmupBudget        the longest warm-up per mode
 * @param pageLoadTimeout     a page load taking longer fails
 * @param h1Connections       connections per browser for h1
 * @param pipelineConnections connections per browser for h1-pipelined
 * @param pipelineDepth       requests in flight per pipelined connection
 * @param maxStreams          the embedded origin's HTTP/2 stream limit
 * @param keyType             the embedded origin's certificate key
 * @param h2load              h2load to run beside the driver; null for none
 */
public record CeilingConfig(List<Mode> modes, String scenarioSource, URI target, boolean insecure, Long serverPid,
                            boolean tls, int browsers, Duration duration, Duration warmupWindow, Duration warmupBudget,
                            Duration pageLoadTimeout, int h1Connections, int pipelineConnections, int pipelineDepth,
                            int maxStreams, KeyType keyType, Path h2load) {

    public CeilingConfig {
        modes = List.copyOf(Objects.requireNonNull(modes, "modes"));
        Objects.requireNonNull(scenarioSource, "scenarioSource");
        Objects.requireNonNull(keyType, "keyType");
        if (modes.isEmpty()) {
            throw new IllegalArgumentException("modes must name at least one mode");
        }
        for (Mode mode : modes) {
            if (mode.whyNoCeiling() != null) {
                throw new IllegalArgumentException("the ceiling cannot measure " + mode.id() + " " + mode.whyNoCeiling());
            }
            if (mode.whyUnavailable(tls) != null) {
                throw new IllegalArgumentException(mode.id() + " " + mode.whyUnavailable(tls));
            }
        }
        if (browsers < 1 || browsers > 100) {
            throw new IllegalArgumentException("browsers must be 1..100, got " + browsers);
        }
        positive("duration", duration);
        positive("warmupWindow", warmupWindow);
        positive("pageLoadTimeout", pageLoadTimeout);
        if (warmupBudget == null || warmupBudget.isNegative()) {
            throw new IllegalArgumentException("warmupBudget must be 0 or more, got " + warmupBudget);
        }
        if (target == null && (insecure || serverPid != null)) {
            throw new IllegalArgumentException((insecure ? "insecure" : "serverPid")
                    + " only applies with a target (the embedded origin runs as a child process, measured as such)");
        }
    }

    /** Those of {@code modes} the ceiling can measure ({@link Mode#whyNoCeiling()}), in order. */
    public static List<Mode> measurable(List<Mode> modes) {
        return modes.stream().filter(mode -> mode.whyNoCeiling() == null).toList();
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** The scheme pages are loaded with: the target's, or the embedded origin's TLS or cleartext port. */
    boolean https() {
        return target != null ? "https".equals(target.getScheme()) : tls;
    }
}
