package io.muxbench.report.compare;

import java.io.PrintWriter;
import java.util.List;

/**
 * The comparison as fixed-width text for a terminal or a CI log: a table of cells, a table of
 * benchmarks, a line per judged change, the notes, the thresholds and the summary.
 *
 * <pre>{@code
 * ComparisonTable.write(comparison, new PrintWriter(System.out, true));
 * }</pre>
 */
public final class ComparisonTable {

    private ComparisonTable() {
    }

    public static void write(Comparison comparison, PrintWriter out) {
        out.println("baseline: " + comparison.baseline());
        out.println("current:  " + comparison.current());
        if (!comparison.cells().isEmpty()) {
            out.println();
            table(ComparisonText.CELL_HEADER, ComparisonText.cellRows(comparison), out);
        }
        if (!comparison.benchmarks().isEmpty()) {
            out.println();
            table(ComparisonText.BENCHMARK_HEADER, ComparisonText.benchmarkRows(comparison), out);
        }
        List<String> details = ComparisonText.details(comparison);
        if (!details.isEmpty()) {
            out.println();
            details.forEach(line -> out.println("  " + line));
        }
        out.println();
        comparison.notes().forEach(note -> out.println("note: " + note));
        out.println(ComparisonText.thresholds(comparison.thresholds()));
        out.println(comparison.summary());
        out.flush();
    }

    static void table(String[] header, List<String[]> rows, PrintWriter out) {
        int[] widths = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            widths[i] = header[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        line(header, widths, out);
        String[] rule = new String[header.length];
        for (int i = 0; i < header.length; i++) {
            rule[i] = "-".repeat(widths[i]);
        }
        line(rule, widths, out);
        rows.forEach(row -> line(row, widths, out));
    }

    private static void line(String[] row, int[] widths, PrintWriter out) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < row.length; i++) {
            sb.append(i == 0 ? "" : "  ").append(row[i]).append(" ".repeat(widths[i] - row[i].length()));
        }
        out.println(sb.toString().stripTrailing());
    }
}
