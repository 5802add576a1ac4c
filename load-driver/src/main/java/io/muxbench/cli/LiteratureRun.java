package io.muxbench.cli;

import io.muxbench.driver.literature.LiteratureSuite;
import io.muxbench.driver.run.RunException;
import io.muxbench.report.LiteratureReport;
import io.muxbench.report.ReportWriter;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import io.muxbench.results.literature.Literature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code run --suite literature [--quick]}: the literature suite into one folder (a run folder per
 * study, {@code literature.json}, the "Against the literature" report as its index.html), and its
 * verdict table on stdout.
 */
final class LiteratureRun {

    static final String SUITE = "literature";
    /** The flags that go with the suite; every other one would change what the published results are checked against. */
    private static final Set<String> ALLOWED = Set.of("--suite", "--quick", "--out", "--runs-dir", "--seed", "--quiet",
            "--no-report");

    private final CommandSpec spec;
    private final boolean quick;
    private final Long seed;
    private final Path out;
    private final Path runsDir;
    private final boolean quiet;
    private final boolean noReport;

    LiteratureRun(CommandSpec spec, boolean quick, Long seed, Path out, Path runsDir, boolean quiet, boolean noReport) {
        this.spec = spec;
        this.quick = quick;
        this.seed = seed;
        this.out = out;
        this.runsDir = runsDir;
        this.quiet = quiet;
        this.noReport = noReport;
    }

    int call() throws Exception {
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (!ALLOWED.contains(option.longestName())) {
                throw UserException.badInput(option.longestName() + " does not go with --suite literature: each study sets"
                        + " its own pages, links, modes and page loads (only -o, --runs-dir, --seed, -q and --no-report do)");
            }
        }
        RunFolder folder = RunFolder.create(out, runsDir);
        Path dir = folder.dir();
        Progress lines = new Progress(System.err, quiet);
        LiteratureSuite suite = new LiteratureSuite(quick, seed == null ? 1 : seed, dir, () -> new Progress(System.err, quiet),
                lines);
        try {
            suite.check();
        } catch (RunException e) {
            folder.removeIfUnmeasured();
            throw UserException.failed(e.getMessage());
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            suite.stop();
            try {
                finished.await(180, TimeUnit.SECONDS); // the run in progress writes what it has
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "muxbench-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        Literature done;
        try {
            done = suite.run();
        } catch (IOException e) {
            throw UserException.failed("cannot write the suite's results: " + IoErrors.describe(e));
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        print(done, stdout);
        stdout.println("Suite folder: " + dir.toAbsolutePath());
        boolean reported = noReport || report(dir, done, stdout);
        stdout.flush();
        if (!done.complete()) {
            System.err.println("muxbench: the suite stopped before every study ran; what it measured is in " + dir);
            return Main.EXIT_FAILED;
        }
        long unmeasured = done.studies().stream().filter(s -> s.verdict() == Literature.Verdict.NOT_MEASURED).count();
        if (unmeasured > 0) {
            System.err.println("muxbench: " + unmeasured + " of " + done.studies().size() + " studies could not be measured;"
                    + " their reasons are in " + dir.resolve(Literature.FILE));
            return Main.EXIT_FAILED;
        }
        return reported ? 0 : Main.EXIT_FAILED;
    }

    /** The verdict table: one line per study. */
    static void print(Literature literature, PrintWriter out) {
        out.println("Against the literature (" + literature.suite() + ")");
        for (Literature.Study study : literature.studies()) {
            StringBuilder gains = new StringBuilder();
            for (Literature.Point point : study.points()) {
                gains.append(gains.length() == 0 ? "" : ", ").append(point.label()).append(' ')
                        .append(point.gainPercent() == null ? "–" : String.format(Locale.ROOT, "%+.1f%%", point.gainPercent()));
            }
            String row = !study.row().isEmpty() && Character.isDigit(study.row().charAt(0)) ? "row " + study.row() : study.row();
            out.printf(Locale.ROOT, "  %-42s %-38s %s%n", row, study.verdict().label(),
                    study.compared() + " against " + study.baseline() + ": " + gains);
        }
    }

    /** Each study's run reports, then the suite's. */
    private static boolean report(Path dir, Literature done, PrintWriter out) {
        boolean ok = true;
        for (Literature.Study study : done.studies()) {
            for (String folder : study.folders()) {
                Path runDir = dir.resolve(folder);
                if (Files.exists(runDir.resolve(ResultsFormat.RESULTS_FILE))) {
                    try {
                        ReportWriter.write(runDir);
                    } catch (ResultsFormatException | IOException | RuntimeException e) {
                        System.err.println("muxbench: the report of " + folder + " failed: " + e.getMessage());
                        ok = false;
                    }
                }
            }
        }
        try {
            out.println("Report: " + LiteratureReport.write(dir).toAbsolutePath());
        } catch (ResultsFormatException | IOException | RuntimeException e) {
            System.err.println("muxbench: the results are written, but the literature report failed: " + e.getMessage());
            ok = false;
        }
        return ok;
    }
}
