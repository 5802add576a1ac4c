package io.muxbench.cli;

import io.muxbench.scenario.ScenarioException;
import io.muxbench.scenario.ScenarioLoader;
import io.muxbench.scenario.har.HarImport;
import io.muxbench.scenario.har.HarImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Turns a HAR capture into a scenario file:
 * {@code muxbench import-har shop.har --page 1 -o shop.json}. The summary line (what was imported
 * and skipped) goes to stderr; the scenario to the file, or to stdout without {@code -o}.
 */
@Command(name = "import-har", mixinStandardHelpOptions = true,
        description = "Turns one page of a HAR capture into a scenario file.")
public final class ImportHarCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.har", description = "The HAR capture (any browser's devtools saves one).")
    Path har;

    @Option(names = "--page", paramLabel = "N", defaultValue = "0",
            description = "Which page of log.pages to import, from 0 (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--keep-hosts",
            description = "Keep every host as its own origin (own connections per browser) instead of mapping all hosts onto the origin under test.")
    boolean keepHosts;

    @Option(names = "--decoded-sizes",
            description = "Use decoded body sizes (content.size) instead of the bytes transferred.")
    boolean decodedSizes;

    @Option(names = "--drop-redirects",
            description = "Skip redirects (3xx but 304) and hang what they lead to in their place, instead of replaying each as a"
                    + " resource whose one child is its target (the browser's extra round trip).")
    boolean dropRedirects;

    @Option(names = "--name", paramLabel = "NAME", description = "The scenario's name (default: from the file name).")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.json", description = "Where to write the scenario (default: stdout).")
    Path output;

    @Override
    public Integer call() {
        if (page < 0) {
            throw UserException.badInput("--page must be 0 or more, got " + page);
        }
        HarImport imported;
        try {
            imported = HarImporter.importHar(har, new HarImporter.Options(page, keepHosts, decodedSizes, !dropRedirects, name));
        } catch (ScenarioException e) {
            throw UserException.badInput(e.getMessage());
        }
        String json = ScenarioLoader.toJson(imported.scenario());
        if (output == null) {
            spec.commandLine().getOut().print(json);
            spec.commandLine().getOut().flush();
        } else {
            writeAtomically(output, json);
        }
        spec.commandLine().getErr().println(imported.summary());
        spec.commandLine().getErr().flush();
        return 0;
    }

    /** Writes beside the target, then moves over it, so a reader never sees half a scenario. */
    private static void writeAtomically(Path target, String text) {
        Path absolute = target.toAbsolutePath();
        Path temp = null;
        try {
            // Not createTempFile: its owner-only permissions would stay on the scenario file.
            temp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw UserException.badInput("cannot write " + target + ": no such directory " + absolute.getParent());
        } catch (IOException e) {
            throw UserException.badInput("cannot write " + target + ": " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the move normally took it away.
                }
            }
        }
    }
}
