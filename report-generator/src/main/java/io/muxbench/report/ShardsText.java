package io.muxbench.report;

import io.muxbench.results.RunInfo;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a merged run ({@code muxbench merge}, run.json's {@code shards}) was made of, in the words the
 * report and the console share (plain ASCII, no final period).
 *
 * <pre>{@code
 * String line = ShardsText.summary(run);  // null unless the run merges shards
 * }</pre>
 */
public final class ShardsText {

    private ShardsText() {
    }

    /** {@code merged from 3 shards: shard 0 (pod-a) 200 page loads, ...}; null unless the run merges shards. */
    public static String summary(RunInfo run) {
        if (run == null || run.shards() == null) {
            return null;
        }
        return String.format(Locale.ROOT, "merged from %d shards: %s", run.shards().size(), run.shards().stream()
                .map(s -> String.format(Locale.ROOT, "%s %,d page loads%s", s.shard().label(), s.pageLoads(),
                        s.complete() ? "" : " (incomplete)"))
                .collect(Collectors.joining(", ")));
    }

    /** The shards whose driver was probably the bottleneck, each by {@link RunInfo.Shard#label()}. */
    public static List<String> saturated(RunInfo run) {
        if (run == null || run.shards() == null) {
            return List.of();
        }
        return run.shards().stream().filter(s -> s.driver() != null && s.driver().bottleneck())
                .map(s -> s.shard().label()).toList();
    }
}
