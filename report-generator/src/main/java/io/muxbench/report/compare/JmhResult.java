package io.muxbench.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One benchmark of a JMH JSON result file ({@code -rf json}): its primary metric only.
 *
 * <pre>{@code
 * List<JmhResult> results = JmhResult.read(Path.of("jmh.json"));
 * }</pre>
 *
 * @param benchmark  fully qualified benchmark method
 * @param mode       JMH mode: thrpt, avgt, sample, ss
 * @param params     the benchmark's {@code @Param} values, sorted by name
 * @param score      the primary metric's score
 * @param scoreError the half-width of its confidence interval; NaN when JMH could not estimate one
 * @param unit       the score's unit, e.g. {@code ops/s} or {@code ns/op}
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
                        String unit) {

    public JmhResult {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(unit, "unit");
        params = params == null ? Map.of() : new TreeMap<>(params);
    }

    /** The identity compare matches benchmarks by: name, parameters and mode. */
    public String key() {
        StringBuilder key = new StringBuilder(benchmark);
        if (!params.isEmpty()) {
            key.append(' ').append(params.toString().replace('{', '[').replace('}', ']'));
        }
        return key.append(" (").append(mode).append(')').toString();
    }

    /** Whether a higher score is better, from the unit: ops/time is better higher, time/op lower. */
    public static boolean higherIsBetter(String unit) {
        if (unit.startsWith("ops/")) {
            return true;
        }
        if (unit.endsWith("/op")) {
            return false;
        }
        throw new IllegalArgumentException("unit must be ops/<time> or <time>/op, was " + unit);
    }

    /** Reads a JMH JSON result file. */
    public static List<JmhResult> read(Path file) throws ResultsFormatException {
        JsonNode tree;
        try {
            tree = ResultsFormat.MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new ResultsFormatException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (tree == null || !tree.isArray()) {
            throw new ResultsFormatException(file + ": not a JMH result file (expected a JSON list, as -rf json writes)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < tree.size(); i++) {
            results.add(parse(file, i, tree.get(i)));
        }
        return results;
    }

    private static JmhResult parse(Path file, int index, JsonNode node) throws ResultsFormatException {
        String where = file + ": at $[" + index + "]";
        String benchmark = text(node, "benchmark", where);
        String mode = text(node, "mode", where);
        JsonNode metric = node.get("primaryMetric");
        if (metric == null || !metric.isObject()) {
            throw new ResultsFormatException(where + ": required field \"primaryMetric\" is missing");
        }
        double score = number(metric, "score", where + ".primaryMetric", false);
        double error = number(metric, "scoreError", where + ".primaryMetric", true);
        String unit = text(metric, "scoreUnit", where + ".primaryMetric");
        try {
            higherIsBetter(unit);
        } catch (IllegalArgumentException e) {
            throw new ResultsFormatException(where + ".primaryMetric: " + e.getMessage());
        }
        Map<String, String> params = new TreeMap<>();
        JsonNode p = node.get("params");
        if (p != null && p.isObject()) {
            p.fields().forEachRemaining(entry -> params.put(entry.getKey(), entry.getValue().asText()));
        }
        return new JmhResult(benchmark, mode, params, score, error, unit);
    }

    private static String text(JsonNode node, String field, String where) throws ResultsFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ResultsFormatException(where + ": required field \"" + field + "\" is missing");
        }
        return value.asText();
    }

    /** JMH writes "NaN" (a string) when it has no estimate; only the error may be one. */
    private static double number(JsonNode node, String field, String where, boolean nanAllowed)
            throws ResultsFormatException {
        JsonNode value = node.get(field);
        if (value != null && value.isNumber()) {
            return value.asDouble();
        }
        if (nanAllowed && value != null && "NaN".equals(value.asText())) {
            return Double.NaN;
        }
        throw new ResultsFormatException(where + ": required number \"" + field + "\" is missing");
    }
}
