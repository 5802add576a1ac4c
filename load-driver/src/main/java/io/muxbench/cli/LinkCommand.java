package io.muxbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Runs the link emulator alone, as a TCP proxy in front of a server. */
@Command(name = "link", mixinStandardHelpOptions = true, description = "Runs the link emulator alone, as a TCP proxy in front of a server.")
public final class LinkCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw UserException.failed("'link' is not built yet");
    }
}
