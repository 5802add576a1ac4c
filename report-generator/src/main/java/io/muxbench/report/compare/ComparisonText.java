package io.muxbench.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words and figures every output shares, so the console, Markdown and JUnit say the same thing:
 * table rows, one detail line per judged change, and the thresholds. Locale-independent.
 */
final class ComparisonText {

    static final String[] CELL_HEADER = {"verdict", "cell", "loads", "p50 ms", "p90 ms", "p99 ms", "failed %"};
    static final String[] BENCHMARK_HEADER = {"verdict", "benchmark", "unit", "baseline", "current", "change"};

    private ComparisonText() {
    }

    static List<String[]> cellRows(Comparison comparison) {
        List<String[]> rows = new ArrayList<>();
        for (CellComparison cell : comparison.cells()) {
            String[] row = new String[CELL_HEADER.length];
            row[0] = cell.verdict().label();
            row[1] = cell.key();
            row[2] = cell.baselineLoads() + " / " + cell.currentLoads();
            for (int i = 0; i < 3; i++) {
                row[3 + i] = i < cell.percentiles().size() ? percentile(cell.percentiles().get(i)) : "n/a";
            }
            double[] failed = cell.failedPercent();
            row[6] = fmt("%.1f -> %.1f", failed[0], failed[1]) + mark(cell.failuresVerdict());
            rows.add(row);
        }
        return rows;
    }

    static List<String[]> benchmarkRows(Comparison comparison) {
        List<String[]> rows = new ArrayList<>();
        for (BenchmarkComparison b : comparison.benchmarks()) {
            rows.add(new String[]{b.verdict().label(), b.key(), b.unit() + (b.higherIsBetter() ? " (higher is better)" : " (lower is better)"),
                    score(b.baseline()), score(b.current()), signedPercent(b.changePercent()) + mark(b.verdict())
                    + (b.note() == null ? "" : " (" + b.note() + ")")});
        }
        return rows;
    }

    /** One line per percentile, failure share or benchmark that regressed or improved. */
    static List<String> details(Comparison comparison) {
        List<String> lines = new ArrayList<>();
        for (CellComparison cell : comparison.cells()) {
            for (PercentileChange p : cell.percentiles()) {
                if (p.verdict() != Verdict.NO_CHANGE) {
                    lines.add(cell.key() + ": " + detail(p, comparison.thresholds()));
                }
            }
            if (cell.failuresVerdict() != Verdict.NO_CHANGE) {
                double[] failed = cell.failedPercent();
                lines.add(cell.key() + ": " + cell.failuresVerdict().label() + ", failed page loads "
                        + fmt("%.1f%% -> %.1f%% (threshold %.1f points)", failed[0], failed[1],
                        comparison.thresholds().failedPoints()));
            }
        }
        for (BenchmarkComparison b : comparison.benchmarks()) {
            if (b.verdict() != Verdict.NO_CHANGE) {
                lines.add(benchmarkDetail(b, comparison.thresholds()));
            }
        }
        return lines;
    }

    static String detail(PercentileChange p, Thresholds thresholds) {
        return p.verdict().label() + ", p" + p.percentile() + " " + fmt("%.1f -> %.1f ms (%s ms, %s; %.0f%% CI of the"
                        + " difference [%s, %s] ms; threshold %.0f%% and %.1f ms)", p.baselineMs(), p.currentMs(),
                signed(p.deltaMs()), signedPercent(p.deltaPercent()), thresholds.confidencePercent(),
                signed(p.ciLowMs()), signed(p.ciHighMs()), p.thresholdPercent(), thresholds.minChangeMs());
    }

    static String benchmarkDetail(BenchmarkComparison b, Thresholds thresholds) {
        return b.key() + ": " + b.verdict().label() + ", " + score(b.baseline()) + " -> " + score(b.current()) + " "
                + b.unit() + " (" + signedPercent(b.changePercent()) + fmt("; threshold %.0f%%, errors do not overlap)",
                thresholds.jmhPercent());
    }

    static String thresholds(Thresholds t) {
        return fmt("thresholds: page-load p50 %.0f%%, p90 %.0f%%, p99 %.0f%%, and at least %.1f ms, with a %.0f%%"
                        + " bootstrap interval excluding zero (%d resamples, seed %d); failed page loads +%.1f points;"
                        + " JMH %.0f%% with non-overlapping score errors; ! marks a regression, + an improvement",
                t.p50Percent(), t.p90Percent(), t.p99Percent(), t.minChangeMs(), t.confidencePercent(), t.resamples(),
                t.seed(), t.failedPoints(), t.jmhPercent());
    }

    private static String percentile(PercentileChange p) {
        return fmt("%.1f -> %.1f (%s%%)", p.baselineMs(), p.currentMs(), signedNumber(p.deltaPercent()))
                + mark(p.verdict());
    }

    private static String mark(Verdict verdict) {
        return switch (verdict) {
            case REGRESSION -> " !";
            case IMPROVEMENT -> " +";
            case NO_CHANGE -> "";
        };
    }

    private static String score(JmhResult r) {
        return Double.isNaN(r.scoreError()) ? fmt("%.3f", r.score()) : fmt("%.3f ± %.3f", r.score(), r.scoreError());
    }

    private static String signed(double value) {
        return fmt("%+.1f", value);
    }

    private static String signedPercent(double percent) {
        return signedNumber(percent) + "%";
    }

    private static String signedNumber(double value) {
        return Double.isInfinite(value) ? (value > 0 ? "+inf" : "-inf") : fmt("%+.1f", value);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
