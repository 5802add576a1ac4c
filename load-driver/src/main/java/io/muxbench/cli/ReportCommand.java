package io.muxbench.cli;

import io.muxbench.report.ReportWriter;
import io.muxbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the HTML report (index.html) of a run folder and prints its absolute path.
 *
 * <pre>{@code
 * muxbench report results/runs/20261130-212836
 * }</pre>
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Writes the HTML report (index.html) of a run folder and prints its path.")
public final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder (with results.json), or its results.json.")
    Path runDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            Path report = ReportWriter.write(runDir);
            spec.commandLine().getOut().println(report);
            spec.commandLine().getOut().flush();
            return 0;
        } catch (ResultsFormatException e) {
            throw UserException.badInput(e.getMessage());
        } catch (IOException e) {
            throw UserException.failed("cannot write the report in " + runDir + ": " + e.getMessage());
        }
    }
}
