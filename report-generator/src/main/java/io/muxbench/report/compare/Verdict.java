package io.muxbench.report.compare;

/**
 * The outcome of one comparison: worse, better, or within noise and thresholds.
 *
 * <pre>{@code
 * Verdict cell = p50.verdict().worst(p90.verdict()).worst(p99.verdict());
 * }</pre>
 */
public enum Verdict {
    REGRESSION("regression"),
    IMPROVEMENT("improvement"),
    NO_CHANGE("no change");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** How outputs print it. */
    public String label() {
        return label;
    }

    /** The worst of two verdicts: a regression anywhere wins, then an improvement. */
    public Verdict worst(Verdict other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
