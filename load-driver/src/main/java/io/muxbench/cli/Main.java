package io.muxbench.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code muxbench} executable: {@code java -jar load-driver/target/muxbench.jar <command>}.
 * User mistakes end in one line on stderr and a non-zero exit, never a stack trace.
 */
@Command(name = "muxbench",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Measures HTTP/1.1 against HTTP/2 the way a browser experiences them.",
        subcommands = {
                RunCommand.class,
                ServeCommand.class,
                LinkCommand.class,
                CeilingCommand.class,
                ReportCommand.class,
                CompareCommand.class,
                MergeCommand.class,
                K8sCommand.class,
                ImportHarCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    /** Exit code for bad input: wrong flags, malformed files, incomparable results. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a run that could not do its work (server unreachable, harness failure). */
    public static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Always exit: Jetty's threads are not daemons, and a failed serve or run must not stay alive
        // with its ports bound.
        System.exit(execute(args));
    }

    /**
     * Runs the command line and returns the exit code (tests call this). An {@link Error}, such as
     * running out of memory, ends in one line and exit code 1 too.
     */
    public static int execute(String... args) {
        CommandLine cli = newCommandLine();
        try {
            return cli.execute(args);
        } catch (Error e) {
            cli.getErr().println("muxbench: " + describe(e));
            cli.getErr().flush();
            return EXIT_FAILED;
        }
    }

    /** An error in words: what ran out, and what to try. */
    static String describe(Error e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "); give Java more with java -Xmx<size> -jar muxbench.jar,"
                    + " or make the scenario smaller";
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow: the input is nested too deeply";
        }
        return "internal error: " + e;
    }

    /** The configured picocli command line, with muxbench's error handling. */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("muxbench: " + firstLine(ex.getMessage()));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UserException user) {
                err.println("muxbench: " + user.getMessage());
                return user.exitCode();
            }
            err.println("muxbench: internal error: " + ex);
            ex.printStackTrace(err);
            return 70;
        });
        return cli;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid arguments";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** muxbench's version from the jar manifest, and the Java and Jetty it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{
                    "muxbench " + muxbenchVersion(),
                    "Jetty " + org.eclipse.jetty.util.Jetty.VERSION + ", Java " + System.getProperty("java.version")
                            + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("os.name")
                            + " " + System.getProperty("os.arch")
            };
        }
    }

    /** The version in the jar manifest, or "dev" when run from classes. */
    public static String muxbenchVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
