package io.muxbench.results.merge;

import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The merged run.json: the shards' common configuration, the span from the first start to the last
 * end, and each shard's driver health kept whole in {@code shards}; the merged driver health is a
 * bottleneck if any shard's was, with each warning prefixed by its shard.
 */
final class MergedRunInfo {

    private MergedRunInfo() {
    }

    static RunInfo of(String runId, List<ShardRun> shards) {
        RunInfo first = shards.get(0).run();
        List<RunInfo.MergedShard> merged = shards.stream().map(s -> new RunInfo.MergedShard(s.shard(),
                s.run().runId(), s.run().startedAt(), s.run().complete(), s.run().driver(), s.pageLoads())).toList();
        String startedAt = bound(shards.stream().map(s -> s.run().startedAt()).toList(), first.startedAt(), false);
        String finishedAt = shards.stream().anyMatch(s -> s.run().finishedAt() == null) ? null
                : bound(shards.stream().map(s -> s.run().finishedAt()).toList(), first.finishedAt(), true);
        double durationSeconds = span(startedAt, finishedAt,
                shards.stream().mapToDouble(s -> s.run().durationSeconds()).max().orElse(0));
        boolean complete = shards.stream().allMatch(s -> s.run().complete());
        RunInfo.Environment environment = first.environment() == null ? null : withHosts(first.environment(), shards);
        return new RunInfo(ResultsFormat.SCHEMA_VERSION, runId, startedAt, finishedAt, durationSeconds, complete,
                first.muxbenchVersion(), environment, first.configuration(), first.modes(), driver(shards),
                warmUp(shards), null, null, merged);
    }

    /** The earliest instant, or the latest when {@code latest}; {@code fallback} when one does not parse. */
    private static String bound(List<String> instants, String fallback, boolean latest) {
        try {
            Comparator<Instant> order = latest ? Comparator.reverseOrder() : Comparator.naturalOrder();
            return instants.stream().map(Instant::parse).min(order).map(Instant::toString).orElse(fallback);
        } catch (DateTimeParseException | NullPointerException e) {
            return fallback;
        }
    }

    private static double span(String startedAt, String finishedAt, double fallback) {
        try {
            return finishedAt == null ? fallback
                    : (Instant.parse(finishedAt).toEpochMilli() - Instant.parse(startedAt).toEpochMilli()) / 1000.0;
        } catch (DateTimeParseException | NullPointerException e) {
            return fallback;
        }
    }

    /** Shard 0's machine and software, named by every shard's host. */
    private static RunInfo.Environment withHosts(RunInfo.Environment e, List<ShardRun> shards) {
        String hosts = shards.stream().map(s -> s.shard().host()).filter(Objects::nonNull).distinct()
                .collect(Collectors.joining(", "));
        return new RunInfo.Environment(e.java(), e.javaVendor(), e.os(), e.arch(), e.cpus(), e.maxHeapBytes(), e.jetty(),
                hosts.isEmpty() ? e.hostname() : hosts);
    }

    /**
     * The worst of the shards: the highest CPU share, schedule lag and link timing error; a bottleneck
     * if any was one; every warning, prefixed by its shard.
     */
    private static RunInfo.DriverHealth driver(List<ShardRun> shards) {
        List<RunInfo.DriverHealth> all = shards.stream().map(s -> s.run().driver()).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        List<String> warnings = new ArrayList<>();
        for (ShardRun s : shards) {
            if (s.run().driver() != null) {
                s.run().driver().warnings().forEach(w -> warnings.add(s.shard().label() + ": " + w));
            }
        }
        return new RunInfo.DriverHealth(all.stream().mapToDouble(RunInfo.DriverHealth::cpuPercent).max().orElse(0),
                all.stream().mapToDouble(RunInfo.DriverHealth::maxScheduleLagMs).max().orElse(0),
                all.stream().anyMatch(RunInfo.DriverHealth::bottleneck), warnings,
                worst(all.stream().map(RunInfo.DriverHealth::linkTimingErrorP50Us).toList()),
                worst(all.stream().map(RunInfo.DriverHealth::linkTimingErrorP99Us).toList()));
    }

    private static Double worst(List<Double> values) {
        return values.stream().filter(Objects::nonNull).max(Double::compare).orElse(null);
    }

    /** Steady only if every shard was: the first shard's warm-up that was not steady, else shard 0's. */
    private static RunInfo.WarmUp warmUp(List<ShardRun> shards) {
        if (shards.stream().anyMatch(s -> s.run().warmUp() == null)) {
            return null;
        }
        return shards.stream().map(s -> s.run().warmUp()).filter(w -> !w.steady()).findFirst()
                .orElse(shards.get(0).run().warmUp());
    }
}
