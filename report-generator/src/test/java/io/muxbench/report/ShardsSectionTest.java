package io.muxbench.report;

import static io.muxbench.report.ReportWriterTest.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A merged run's report says how many shards it had and each one's host, load and health. */
@Timeout(60)
class ShardsSectionTest {

    @TempDir
    Path dir;

    @Test
    void eachShardIsTabledAndASaturatedOneNamed() throws Exception {
        RunInfo run = merged(List.of(shard(0, false), shard(1, true)));
        String html = report(run);
        String shards = section(html, "shards");
        assertTrue(shards.contains("This run merges 2 shards"), shards);
        assertTrue(shards.contains("<tr><td>0 of 2</td><td>pod-0</td><td>shard-0</td><td>2026-12-01T10:00:00Z</td>"
                + "<td>1,200</td><td>yes</td><td>30%</td><td>0.50 ms</td><td>ok</td></tr>"), shards);
        assertTrue(shards.contains("<td>bottleneck</td></tr>"), shards);
        assertTrue(shards.contains("<div class=\"banner warn\" id=\"saturated-shards\"><strong>The driver of shard 1"
                + " (pod-1) was probably the bottleneck</strong>"), shards);
        assertEquals("merged from 2 shards: shard 0 (pod-0) 1,200 page loads, shard 1 (pod-1) 1,200 page loads",
                ShardsText.summary(run));
        assertEquals(List.of("shard 1 (pod-1)"), ShardsText.saturated(run));
    }

    @Test
    void aRunOfOneProcessHasNoShardsSection() throws Exception {
        String html = report(null);
        assertFalse(html.contains("<section id=\"shards\">"), "not a merge");
        assertNull(ShardsText.summary(ResultsFormat.read(dir.resolve(ResultsFormat.RUN_FILE), RunInfo.class)));
    }

    private static RunInfo.MergedShard shard(int index, boolean bottleneck) {
        return new RunInfo.MergedShard(new RunInfo.Shard(index, 2, "abc", "pod-" + index), "shard-" + index,
                "2026-12-01T10:00:0" + index + "Z", true,
                new RunInfo.DriverHealth(30 + 60 * index, 0.5, bottleneck, List.of(), null, null), 1200);
    }

    private RunInfo merged(List<RunInfo.MergedShard> shards) throws Exception {
        Fixture.copyTo(dir);
        RunInfo run = ResultsFormat.read(dir.resolve(ResultsFormat.RUN_FILE), RunInfo.class);
        return new RunInfo(run.schemaVersion(), run.runId(), run.startedAt(), run.finishedAt(), run.durationSeconds(),
                run.complete(), run.muxbenchVersion(), run.environment(), run.configuration(), run.modes(),
                run.driver(), run.warmUp(), run.ceiling(), null, shards);
    }

    private String report(RunInfo run) throws Exception {
        if (run == null) {
            Fixture.copyTo(dir);
        } else {
            ResultsFormat.writeRun(dir, run);
        }
        return Files.readString(ReportWriter.write(dir));
    }
}
