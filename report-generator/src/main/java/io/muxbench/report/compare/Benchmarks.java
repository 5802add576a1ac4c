package io.muxbench.report.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Matches JMH results by name, parameters and mode, and judges each pair. */
final class Benchmarks {

    private Benchmarks() {
    }

    static List<BenchmarkComparison> compare(List<JmhResult> baseline, List<JmhResult> current, Thresholds thresholds,
                                             List<String> differences) {
        Map<String, JmhResult> b = byKey("baseline", baseline, differences);
        Map<String, JmhResult> c = byKey("current", current, differences);
        b.keySet().stream().filter(k -> !c.containsKey(k)).forEach(k -> differences.add("benchmark '" + k + "' only in baseline"));
        c.keySet().stream().filter(k -> !b.containsKey(k)).forEach(k -> differences.add("benchmark '" + k + "' only in current"));
        List<BenchmarkComparison> out = new ArrayList<>();
        for (Map.Entry<String, JmhResult> entry : b.entrySet()) {
            JmhResult now = c.get(entry.getKey());
            if (now == null) {
                continue;
            }
            if (!now.unit().equals(entry.getValue().unit())) {
                differences.add("benchmark '" + entry.getKey() + "': unit " + entry.getValue().unit() + " vs " + now.unit());
                continue;
            }
            out.add(BenchmarkComparison.judge(entry.getValue(), now, thresholds));
        }
        return out;
    }

    private static Map<String, JmhResult> byKey(String side, List<JmhResult> results, List<String> differences) {
        Map<String, JmhResult> map = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (map.put(r.key(), r) != null) {
                differences.add(side + " has benchmark '" + r.key() + "' twice");
            }
        }
        return map;
    }
}
