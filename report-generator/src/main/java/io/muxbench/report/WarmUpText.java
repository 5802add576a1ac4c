package io.muxbench.report;

import io.muxbench.results.RunInfo;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a run's warm-up to steady state ({@code run.json} {@code warmUp}) means for its figures, in the
 * words the report, the console and compare share (plain ASCII, no final period).
 *
 * <pre>{@code
 * String problem = WarmUpText.beforeSteadyState(run);  // null when every mode was measured in steady state
 * if (problem != null) out.println("warning: measured before steady state: " + problem);
 * }</pre>
 */
public final class WarmUpText {

    private WarmUpText() {
    }

    /**
     * Why the run measured before steady state, or null when it did not, or when nothing is known (no run.json).
     * A run without {@code warmUp} did not warm up so; one with a mode whose CPU per request was still
     * falling when the budget ended names that mode.
     */
    public static String beforeSteadyState(RunInfo run) {
        if (run == null || run.measuredInSteadyState()) {
            return null;
        }
        RunInfo.WarmUp warmUp = run.warmUp();
        if (warmUp == null) {
            return "it did not warm up to steady state, so its first rounds may measure the JIT, not the protocols";
        }
        List<String> unsteady = warmUp.unsteadyModes();
        return String.format(Locale.ROOT, "the CPU per request of %s was still falling when the %s s warm-up budget"
                + " ended, so the first rounds may measure the JIT, not the protocols", String.join(", ", unsteady),
                seconds(warmUp.budgetSeconds()));
    }

    /**
     * Each mode's warm-up on one line: {@code h1 4.2 s, 312 -> 95 us per request; h2 …}, the CPU per
     * request of the first and last window.
     */
    public static String perMode(RunInfo.WarmUp warmUp) {
        return warmUp.modes().stream().map(m -> String.format(Locale.ROOT, "%s %s s%s, %s -> %s us CPU per request",
                        m.mode(), seconds(m.seconds()), m.steady() ? "" : " (not steady)", micros(m.firstMicrosPerRequest()),
                        micros(m.lastMicrosPerRequest())))
                .collect(Collectors.joining("; "));
    }

    /** Seconds to a tenth, without trailing zeros: 30, 4.2. */
    static String seconds(double seconds) {
        return java.math.BigDecimal.valueOf(Math.round(seconds * 10) / 10.0).stripTrailingZeros().toPlainString();
    }

    private static String micros(Double micros) {
        return micros == null || micros.isNaN() ? "-" : String.format(Locale.ROOT, "%.0f", micros);
    }
}
