package io.muxbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs scenarios over h1, h1-pipelined and h2 and writes a run folder with results and a report. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs scenarios over h1, h1-pipelined and h2 and writes a run folder with results and a report.")
public final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw UserException.failed("'run' is not built yet");
    }
}
