package io.muxbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Writes the HTML report (index.html) of a run folder. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Writes the HTML report (index.html) of a run folder.")
public final class ReportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw UserException.failed("'report' is not built yet");
    }
}
