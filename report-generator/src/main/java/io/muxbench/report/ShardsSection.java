package io.muxbench.report;

import io.muxbench.results.RunInfo;
import java.util.List;
import java.util.Locale;

/** A merged run's shards ({@code muxbench merge}): how many, each one's host, page loads and driver health. */
final class ShardsSection {

    private ShardsSection() {
    }

    static boolean shown(ReportData data) {
        return data.run() != null && data.run().shards() != null;
    }

    static String render(ReportData data) {
        RunInfo run = data.run();
        List<RunInfo.MergedShard> shards = run.shards();
        Html html = new Html();
        html.raw("<p>").text(String.format(Locale.ROOT, "This run merges %d shards (run --shard I/N, one process"
                + " each): their histograms were added exactly and every percentile computed again from the sums;"
                + " counters are summed.", shards.size())).raw("</p>\n");
        List<String> saturated = ShardsText.saturated(run);
        if (!saturated.isEmpty()) {
            html.raw("<div class=\"banner warn\" id=\"saturated-shards\"><strong>The driver of ")
                    .text(String.join(", ", saturated))
                    .raw(" was probably the bottleneck</strong>: ")
                    .text("that shard's load may be less than its share, and its figures may measure the load"
                            + " generator, not the protocols. Its warnings are in the run section above.")
                    .raw("</div>\n");
        }
        html.table("shards", "shard", "host", "run", "started", "page loads", "complete", "driver CPU",
                "worst schedule lag", "driver");
        for (RunInfo.MergedShard s : shards) {
            RunInfo.DriverHealth d = s.driver();
            html.row(s.shard().index() + " of " + s.shard().count(), s.shard().host() == null ? "–" : s.shard().host(),
                    s.runId() == null ? "–" : s.runId(), s.startedAt() == null ? "–" : s.startedAt(),
                    String.format(Locale.ROOT, "%,d", s.pageLoads()), s.complete() ? "yes" : "no",
                    d == null ? "–" : String.format(Locale.ROOT, "%.0f%%", d.cpuPercent()),
                    d == null ? "–" : Html.ms(d.maxScheduleLagMs()),
                    d == null ? "unknown" : d.bottleneck() ? "bottleneck" : "ok");
        }
        html.endTable();
        return html.toString();
    }
}
