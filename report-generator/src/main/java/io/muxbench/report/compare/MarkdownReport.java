package io.muxbench.report.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The comparison as GitHub-flavoured Markdown, for a CI job summary. Appends when the file exists
 * (GitHub's {@code $GITHUB_STEP_SUMMARY} is shared by the steps of a job), else creates it.
 *
 * <pre>{@code
 * MarkdownReport.write(comparison, Path.of(System.getenv("GITHUB_STEP_SUMMARY")));
 * }</pre>
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static void write(Comparison comparison, Path file) throws IOException {
        append(file, render(comparison));
    }

    /** What to show when the inputs could not be compared. */
    public static void writeIncomparable(String baseline, String current, IncomparableException e, Path file)
            throws IOException {
        StringBuilder md = new StringBuilder("## muxbench compare: cannot compare\n\n")
                .append("`").append(baseline).append("` with `").append(current).append("`:\n\n");
        e.differences().forEach(d -> md.append("- ").append(escape(d)).append('\n'));
        append(file, md.toString());
    }

    static String render(Comparison comparison) {
        StringBuilder md = new StringBuilder("## muxbench compare: ").append(comparison.summary()).append("\n\n")
                .append("Baseline `").append(comparison.baseline()).append("`, current `")
                .append(comparison.current()).append("`.\n\n");
        if (!comparison.cells().isEmpty()) {
            table(ComparisonText.CELL_HEADER, ComparisonText.cellRows(comparison), md);
        }
        if (!comparison.benchmarks().isEmpty()) {
            table(ComparisonText.BENCHMARK_HEADER, ComparisonText.benchmarkRows(comparison), md);
        }
        List<String> details = ComparisonText.details(comparison);
        details.forEach(line -> md.append("- ").append(escape(line)).append('\n'));
        if (!details.isEmpty()) {
            md.append('\n');
        }
        comparison.notes().forEach(note -> md.append("> **Note:** ").append(escape(note)).append("\n\n"));
        md.append('_').append(escape(ComparisonText.thresholds(comparison.thresholds()))).append("._\n");
        return md.toString();
    }

    private static void table(String[] header, List<String[]> rows, StringBuilder md) {
        row(header, md);
        md.append('|').append("---|".repeat(header.length)).append('\n');
        rows.forEach(r -> row(r, md));
        md.append('\n');
    }

    private static void row(String[] cells, StringBuilder md) {
        md.append('|');
        for (String cell : cells) {
            md.append(' ').append(escape(cell)).append(" |");
        }
        md.append('\n');
    }

    /** Cell keys contain '|', which would split a table cell. */
    static String escape(String text) {
        return text.replace("|", "\\|").replace("*", "\\*").replace("_", "\\_");
    }

    private static void append(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
