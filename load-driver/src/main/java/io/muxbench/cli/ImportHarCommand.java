package io.muxbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Turns a HAR capture into a scenario file. */
@Command(name = "import-har", mixinStandardHelpOptions = true, description = "Turns a HAR capture into a scenario file.")
public final class ImportHarCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw UserException.failed("'import-har' is not built yet");
    }
}
