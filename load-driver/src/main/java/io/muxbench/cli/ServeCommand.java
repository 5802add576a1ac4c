package io.muxbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs the embedded origin alone and prints the URLs it serves. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Runs the embedded origin alone and prints the URLs it serves.")
public final class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw UserException.failed("'serve' is not built yet");
    }
}
