package io.muxbench.report.compare;

import java.util.List;

/**
 * The two inputs cannot be compared (other schema version, a configuration that changes what is
 * measured, cells on one side only, missing fields). {@link #differences()} says exactly what, one
 * line each; the message joins them on one line.
 *
 * <pre>{@code
 * throw new IncomparableException(List.of("configuration.browsers: 4 vs 8"));
 * }</pre>
 */
public final class IncomparableException extends Exception {

    private final List<String> differences;

    public IncomparableException(List<String> differences) {
        super(summary(differences));
        this.differences = List.copyOf(differences);
    }

    public IncomparableException(String difference) {
        this(List.of(difference));
    }

    public List<String> differences() {
        return differences;
    }

    private static String summary(List<String> differences) {
        if (differences.isEmpty()) {
            throw new IllegalArgumentException("differences must not be empty");
        }
        return "cannot compare: " + String.join("; ", differences);
    }
}
