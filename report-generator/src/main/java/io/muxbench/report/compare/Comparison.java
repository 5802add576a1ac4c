package io.muxbench.report.compare;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of comparing two runs: every matched cell and benchmark with its verdict, and notes
 * (things the reader must know that do not stop the comparison, such as different machines).
 *
 * <pre>{@code
 * Comparison c = new RunComparator(Thresholds.DEFAULTS, Set.of()).compare(baseline, current);
 * c.regressedCells().forEach(cell -> System.out.println(cell.key()));
 * return c.exitCode();
 * }</pre>
 *
 * @param baseline   what the baseline was (a path)
 * @param current    what the current run was (a path)
 * @param thresholds the thresholds that applied
 * @param cells      matched cells, in the baseline's order
 * @param benchmarks matched JMH benchmarks, in the baseline's order
 * @param notes      one line each
 */
public record Comparison(String baseline, String current, Thresholds thresholds, List<CellComparison> cells,
                         List<BenchmarkComparison> benchmarks, List<String> notes) {

    /** Exit code when nothing regressed. */
    public static final int EXIT_OK = 0;
    /** Exit code when at least one cell or benchmark regressed. */
    public static final int EXIT_REGRESSION = 1;
    /** Exit code for bad or incomparable input. */
    public static final int EXIT_INCOMPARABLE = 2;

    public Comparison {
        Objects.requireNonNull(thresholds, "thresholds");
        cells = List.copyOf(cells);
        benchmarks = List.copyOf(benchmarks);
        notes = List.copyOf(notes);
    }

    public List<CellComparison> regressedCells() {
        return cells.stream().filter(c -> c.verdict() == Verdict.REGRESSION).toList();
    }

    public List<BenchmarkComparison> regressedBenchmarks() {
        return benchmarks.stream().filter(b -> b.verdict() == Verdict.REGRESSION).toList();
    }

    public long count(Verdict verdict) {
        return cells.stream().filter(c -> c.verdict() == verdict).count()
                + benchmarks.stream().filter(b -> b.verdict() == verdict).count();
    }

    /** 1 when anything regressed, else 0. */
    public int exitCode() {
        return count(Verdict.REGRESSION) > 0 ? EXIT_REGRESSION : EXIT_OK;
    }

    /** One line: how many matches, how many regressed or improved. */
    public String summary() {
        long regressions = count(Verdict.REGRESSION);
        return (regressions == 0 ? "no regression" : plural(regressions, "regression"))
                + ", " + count(Verdict.IMPROVEMENT) + " improved, " + count(Verdict.NO_CHANGE) + " unchanged ("
                + plural(cells.size(), "cell") + ", " + plural(benchmarks.size(), "benchmark") + ")";
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
