package io.muxbench.cli;

import io.muxbench.report.compare.Comparison;
import io.muxbench.report.compare.ComparisonTable;
import io.muxbench.report.compare.IncomparableException;
import io.muxbench.report.compare.JUnitReport;
import io.muxbench.report.compare.MarkdownReport;
import io.muxbench.report.compare.RunComparator;
import io.muxbench.report.compare.Thresholds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code muxbench compare BASELINE CURRENT}: the regression verdict for CI (exit 0 none, 1 regression,
 * 2 bad or incomparable input). How verdicts are made: report-generator/COMPARE.md.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Compares a current run with a baseline and gives a regression verdict.",
                "BASELINE and CURRENT are run folders (their jmh.json is compared too when both have one),"
                        + " results.json files, or JMH JSON result files (-rf json).",
                "Cells are matched by scenario, mode, link, reuse, TLS and client; benchmarks by name, parameters"
                        + " and mode. Runs that differ in schema, measured configuration or cells are not compared.",
                "A page-load percentile regresses when it grows by more than its threshold AND by more than"
                        + " --min-change-ms AND a bootstrap confidence interval of the difference (from the"
                        + " recorded histograms) excludes zero. A JMH score regresses when it is worse by more than"
                        + " --threshold-jmh (the unit says which way is better) AND the score±error intervals do not"
                        + " overlap. See report-generator/COMPARE.md."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:no regression",
                "1:at least one cell or benchmark regressed",
                "2:bad or incomparable input (the differences are listed)"})
public final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASELINE", description = "The baseline: run folder, results.json or JMH JSON.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "The run to judge, of the same kind as BASELINE.")
    Path current;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Append the comparison as Markdown (e.g. \"$GITHUB_STEP_SUMMARY\").")
    Path markdown;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Write JUnit XML: one testcase per cell and benchmark, a failure per regression.")
    Path junit;

    @Option(names = "--threshold-p50", paramLabel = "PERCENT", converter = PercentConverter.class,
            defaultValue = Thresholds.DEFAULT_P50_PERCENT + "%",
            description = "Relative change of the median page load that may count (default: ${DEFAULT-VALUE}).")
    double p50Percent;

    @Option(names = "--threshold-p90", paramLabel = "PERCENT", converter = PercentConverter.class,
            defaultValue = Thresholds.DEFAULT_P90_PERCENT + "%",
            description = "Relative change of the 90th percentile that may count (default: ${DEFAULT-VALUE}).")
    double p90Percent;

    @Option(names = "--threshold-p99", paramLabel = "PERCENT", converter = PercentConverter.class,
            defaultValue = Thresholds.DEFAULT_P99_PERCENT + "%",
            description = "Relative change of the 99th percentile that may count (default: ${DEFAULT-VALUE}).")
    double p99Percent;

    @Option(names = "--min-change-ms", paramLabel = "MS", defaultValue = "" + Thresholds.DEFAULT_MIN_CHANGE_MS,
            description = "Absolute change of a percentile below which nothing counts (default: ${DEFAULT-VALUE} ms).")
    double minChangeMs;

    @Option(names = "--threshold-failed", paramLabel = "POINTS", defaultValue = "" + Thresholds.DEFAULT_FAILED_POINTS,
            description = "Growth of the share of failed page loads, in percentage points, that is a regression"
                    + " (default: ${DEFAULT-VALUE}).")
    double failedPoints;

    @Option(names = "--threshold-jmh", paramLabel = "PERCENT", converter = PercentConverter.class,
            defaultValue = Thresholds.DEFAULT_JMH_PERCENT + "%",
            description = "Relative change of a JMH score that may count (default: ${DEFAULT-VALUE}).")
    double jmhPercent;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + Thresholds.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples per percentile, " + Thresholds.MIN_RESAMPLES + " to " + Thresholds.MAX_RESAMPLES
                    + " (default: ${DEFAULT-VALUE}).")
    int resamples;

    @Option(names = "--confidence", paramLabel = "PERCENT", converter = PercentConverter.class,
            defaultValue = Thresholds.DEFAULT_CONFIDENCE_PERCENT + "%",
            description = "Confidence level of the bootstrap interval (default: ${DEFAULT-VALUE}).")
    double confidencePercent;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + Thresholds.DEFAULT_SEED,
            description = "The bootstrap's random seed; fixed so that a comparison is repeatable (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--ignore-config", paramLabel = "FIELD",
            description = "A field of run.json's configuration (a name such as seed, or a dotted path) that may"
                    + " differ; repeatable. samplesPerCell (page loads kept for waterfalls) is always ignored.")
    List<String> ignoredConfiguration = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunComparator comparator;
        try {
            Thresholds thresholds = new Thresholds(p50Percent, p90Percent, p99Percent, minChangeMs, failedPoints,
                    jmhPercent, resamples, confidencePercent, seed);
            comparator = new RunComparator(thresholds, Set.copyOf(ignoredConfiguration));
        } catch (IllegalArgumentException e) {
            throw UserException.badInput(e.getMessage());
        }
        Comparison comparison;
        try {
            comparison = comparator.compare(baseline, current);
        } catch (IncomparableException e) {
            writeOutputs(() -> MarkdownReport.writeIncomparable(baseline.toString(), current.toString(), e, markdown),
                    () -> JUnitReport.writeIncomparable(e, junit));
            throw UserException.badInput(e.getMessage());
        }
        ComparisonTable.write(comparison, spec.commandLine().getOut());
        writeOutputs(() -> MarkdownReport.write(comparison, markdown), () -> JUnitReport.write(comparison, junit));
        return comparison.exitCode();
    }

    private interface Output {
        void write() throws IOException;
    }

    private void writeOutputs(Output markdownOutput, Output junitOutput) {
        try {
            if (markdown != null) {
                markdownOutput.write();
            }
            if (junit != null) {
                junitOutput.write();
            }
        } catch (IOException e) {
            throw UserException.badInput("cannot write output: " + e.getMessage());
        }
    }

    /** "10%" or "10" as 10.0. */
    static final class PercentConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String number = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
            try {
                return Double.parseDouble(number.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a percentage (e.g. 10%)");
            }
        }
    }
}
