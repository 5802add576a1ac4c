package io.muxbench.report.compare;

import io.muxbench.report.chart.Svg;
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
                .append(escape(baseline)).append(" with ").append(escape(current)).append(":\n\n");
        e.differences().forEach(d -> md.append("- ").append(escape(d)).append('\n'));
        append(file, md.toString());
    }

    static String render(Comparison comparison) {
        StringBuilder md = new StringBuilder("## muxbench compare: ").append(escape(comparison.summary())).append("\n\n")
                .append("Baseline ").append(escape(comparison.baseline())).append(", current ")
                .append(escape(comparison.current())).append(".\n\n");
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

    /**
     * A value as plain text in Markdown, whatever it holds: a results.json may come from anywhere,
     * and not every renderer of a job summary sanitizes HTML as GitHub does. HTML's {@code < > & " '}
     * become entities, Markdown's emphasis, code, link and table characters are backslash-escaped
     * (cell keys contain '|'), and line breaks become spaces so a value stays in its row.
     */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r', '\n' -> sb.append(' ');
                case '\\', '`', '*', '_', '[', ']', '|', '~' -> sb.append('\\').append(c);
                default -> sb.append(c);
            }
        }
        // Then HTML's characters, as the report escapes them; the backslashes above are not among them.
        return Svg.escape(sb.toString());
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
