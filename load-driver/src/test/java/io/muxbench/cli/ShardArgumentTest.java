package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.muxbench.driver.run.RunConfig;
import org.junit.jupiter.api.Test;

/** {@code --shard I/N} and {@code --shard N} with the index from $JOB_COMPLETION_INDEX, and their mistakes. */
class ShardArgumentTest {

    private static String refused(String value, String indexVariable) {
        UserException e = assertThrows(UserException.class, () -> ShardArgument.parse(value, indexVariable));
        assertEquals(Main.EXIT_BAD_INPUT, e.exitCode());
        return e.getMessage();
    }

    @Test
    void iOverNNamesTheShardAndIgnoresTheVariable() {
        assertEquals(new RunConfig.Shard(1, 3), ShardArgument.parse("1/3", null));
        assertEquals(new RunConfig.Shard(0, 3), ShardArgument.parse("0/3", "2"));
    }

    @Test
    void nAloneTakesTheIndexFromJobCompletionIndex() {
        assertEquals(new RunConfig.Shard(2, 3), ShardArgument.parse("3", "2"));
    }

    @Test
    void nAloneWithoutTheVariableIsRefused() {
        assertEquals("--shard 3 takes the shard's index from $JOB_COMPLETION_INDEX, which is not set: give"
                + " --shard I/3 (I from 0)", refused("3", null));
    }

    @Test
    void anIndexOutOfRangeAZeroCountAndGarbageAreRefusedWithOneLine() {
        assertEquals("--shard 3/3: shard index must be between 0 and 2, got 3", refused("3/3", null));
        assertEquals("--shard 0/0: shard count must be between 1 and 1000, got 0", refused("0/0", null));
        assertEquals("--shard 5/3 (index from $JOB_COMPLETION_INDEX): shard index must be between 0 and 2, got 5",
                refused("3", "5"));
        assertEquals("--shard must be I/N (shard I, from 0, of N) or N, got 'a/3'", refused("a/3", null));
        assertEquals("--shard must be I/N (shard I, from 0, of N) or N, got '1/'", refused("1/", null));
        assertEquals("--shard must be I/N (shard I, from 0, of N) or N, got 'three'", refused("three", "1"));
        assertEquals("$JOB_COMPLETION_INDEX must be a shard index (0 to N - 1), got 'x'", refused("3", "x"));
    }
}
