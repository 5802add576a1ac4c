package io.muxbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Compares two runs and gives a regression verdict (exit 0 none, 1 regression, 2 bad input). */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compares two runs and gives a regression verdict (exit 0 none, 1 regression, 2 bad input).")
public final class CompareCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw UserException.failed("'compare' is not built yet");
    }
}
