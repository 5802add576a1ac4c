package io.muxbench.report.compare;

import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of a comparison: a run folder (or its results.json), with its jmh.json when it has one,
 * or a JMH JSON result file alone.
 *
 * <pre>{@code
 * ComparisonInput baseline = ComparisonInput.load(Path.of("results/baseline"));
 * }</pre>
 *
 * @param source the path given
 * @param run    the run folder, or null for a JMH file alone
 * @param jmh    the JMH results, or null when there are none
 */
public record ComparisonInput(Path source, ResultsFormat.RunFolder run, List<JmhResult> jmh) {

    /** Reads a run folder, a results.json, or a JMH JSON file (told apart by their first character). */
    public static ComparisonInput load(Path source) throws ResultsFormatException {
        if (!Files.exists(source)) {
            throw new ResultsFormatException(source + ": no such file or folder");
        }
        if (!Files.isDirectory(source) && startsWithList(source)) {
            return new ComparisonInput(source, null, JmhResult.read(source));
        }
        ResultsFormat.RunFolder run = ResultsFormat.readRun(source);
        Path jmhFile = run.dir().resolve(ResultsFormat.JMH_FILE);
        List<JmhResult> jmh = Files.isRegularFile(jmhFile) ? JmhResult.read(jmhFile) : null;
        return new ComparisonInput(source, run, jmh);
    }

    private static boolean startsWithList(Path file) throws ResultsFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB || c == 0xBF);
            return c == '[';
        } catch (IOException e) {
            throw new ResultsFormatException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** The run folder, or the JMH file, as the file system knows it: two inputs with the same one are one run. */
    public Path identity() {
        Path path = run != null ? run.dir() : source;
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** What this side is, for messages: "run folder" or "JMH result file". */
    public String kind() {
        return run != null ? "run folder" : "JMH result file";
    }
}
