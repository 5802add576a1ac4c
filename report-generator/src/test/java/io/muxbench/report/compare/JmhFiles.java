package io.muxbench.report.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.muxbench.results.ResultsFormat;
import java.io.IOException;
import java.nio.file.Path;

/** JMH {@code -rf json} files for tests, in the shape JMH 1.37 writes them. */
final class JmhFiles {

    private JmhFiles() {
    }

    static ObjectNode result(String benchmark, String mode, double score, double error, String unit) {
        ObjectNode node = ResultsFormat.MAPPER.createObjectNode();
        node.put("jmhVersion", "1.37").put("benchmark", benchmark).put("mode", mode).put("threads", 1).put("forks", 1);
        ObjectNode metric = node.putObject("primaryMetric");
        metric.put("score", score);
        if (Double.isNaN(error)) {
            metric.put("scoreError", "NaN");
        } else {
            metric.put("scoreError", error);
        }
        metric.putArray("scoreConfidence").add(score - error).add(score + error);
        metric.put("scoreUnit", unit);
        node.putObject("secondaryMetrics");
        return node;
    }

    static ObjectNode withParam(ObjectNode result, String name, String value) {
        ObjectNode params = result.has("params") ? (ObjectNode) result.get("params") : result.putObject("params");
        params.put(name, value);
        return result;
    }

    static Path write(Path file, ObjectNode... results) throws IOException {
        ArrayNode list = ResultsFormat.MAPPER.createArrayNode();
        for (ObjectNode r : results) {
            list.add(r);
        }
        ResultsFormat.writeJson(file, list);
        return file;
    }
}
