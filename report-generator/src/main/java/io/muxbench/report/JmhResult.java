package io.muxbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One benchmark of JMH's JSON output ({@code -rf json}).
 *
 * <pre>{@code
 * List<JmhResult> results = JmhResult.read(runDir.resolve("jmh.json"));
 * }</pre>
 *
 * @param benchmark  fully qualified method, e.g. {@code io.muxbench.bench.HpackBench.encode}
 * @param mode       JMH mode: thrpt, avgt, sample, ss
 * @param params     the {@code @Param} values, sorted by name
 * @param score      primary metric score
 * @param scoreError half-width of its 99.9% confidence interval; NaN when JMH could not compute it
 * @param unit       score unit, e.g. ops/s or ns/op
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
                        String unit) {

    public JmhResult {
        params = Map.copyOf(params);
    }

    /** The benchmark class, without package. */
    public String className() {
        int method = benchmark.lastIndexOf('.');
        String cls = method < 0 ? benchmark : benchmark.substring(0, method);
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    /** The method and its parameters, e.g. {@code encode [size=LARGE]}. */
    public String label() {
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        return params.isEmpty() ? method : method + " " + new TreeMap<>(params);
    }

    /** Reads jmh.json. */
    public static List<JmhResult> read(Path file) throws ResultsFormatException {
        JsonNode root;
        try {
            root = ResultsFormat.MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ResultsFormatException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isArray()) {
            throw new ResultsFormatException(file + ": expected JMH's JSON output, a list of benchmarks");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode node : root) {
            JsonNode metric = node.path("primaryMetric");
            if (!node.hasNonNull("benchmark") || !metric.has("score")) {
                throw new ResultsFormatException(file + ": entry " + results.size() + " has no benchmark or primaryMetric.score");
            }
            Map<String, String> params = new TreeMap<>();
            node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            results.add(new JmhResult(node.get("benchmark").asText(), node.path("mode").asText("?"), params,
                    number(metric.get("score")), number(metric.get("scoreError")), metric.path("scoreUnit").asText("")));
        }
        return results;
    }

    // JMH writes "NaN" as a string when it has too few samples for an error.
    private static double number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
