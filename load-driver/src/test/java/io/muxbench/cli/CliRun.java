package io.muxbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the muxbench command line as a user would, in this JVM, capturing what it prints.
 *
 * @param exitCode the exit code {@code muxbench} would end with
 * @param out      what it printed on stdout
 * @param err      what it printed on stderr
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = execute(out, err, args);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    /** Runs the command line, appending its stdout and stderr to {@code out} and {@code err}. */
    public static int execute(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
