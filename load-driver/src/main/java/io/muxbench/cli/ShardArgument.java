package io.muxbench.cli;

import io.muxbench.driver.run.RunConfig;

/**
 * {@code run --shard}: {@code I/N} (shard I, from 0, of N), or {@code N} alone with I taken from
 * {@code $JOB_COMPLETION_INDEX}, the index Kubernetes gives each pod of an Indexed Job.
 *
 * <pre>{@code
 * RunConfig.Shard shard = ShardArgument.parse("3", System.getenv(ShardArgument.INDEX_VARIABLE)); // pod 1: 1/3
 * }</pre>
 */
final class ShardArgument {

    /** The variable an Indexed Job's pods find their index in. */
    static final String INDEX_VARIABLE = "JOB_COMPLETION_INDEX";

    private ShardArgument() {
    }

    /**
     * The shard {@code value} names.
     *
     * @param indexVariable the value of {@link #INDEX_VARIABLE}, or null when it is not set
     * @throws UserException (exit 2) naming the flag, the value and what is wrong
     */
    static RunConfig.Shard parse(String value, String indexVariable) {
        String text = value.trim();
        int slash = text.indexOf('/');
        String index = slash < 0 ? indexVariable : text.substring(0, slash);
        String count = slash < 0 ? text : text.substring(slash + 1);
        if (slash < 0 && index == null) {
            throw UserException.badInput("--shard " + text + " takes the shard's index from $" + INDEX_VARIABLE
                    + ", which is not set: give --shard I/" + text + " (I from 0)");
        }
        int n = number(count, "--shard must be I/N (shard I, from 0, of N) or N, got '" + value + "'");
        int i = number(index, slash < 0
                ? "$" + INDEX_VARIABLE + " must be a shard index (0 to N - 1), got '" + index + "'"
                : "--shard must be I/N (shard I, from 0, of N) or N, got '" + value + "'");
        try {
            return new RunConfig.Shard(i, n);
        } catch (IllegalArgumentException e) {
            throw UserException.badInput("--shard " + i + "/" + n + (slash < 0 ? " (index from $" + INDEX_VARIABLE + ")" : "")
                    + ": " + e.getMessage());
        }
    }

    private static int number(String text, String problem) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw UserException.badInput(problem);
        }
    }
}
