package io.muxbench.results.merge;

import io.muxbench.results.CellResult;
import io.muxbench.results.Results;
import io.muxbench.results.RunInfo;
import java.nio.file.Path;

/** One shard folder as read: its run.json (with its {@code shard}) and its results.json. */
record ShardRun(Path dir, RunInfo run, Results results) {

    RunInfo.Shard shard() {
        return run.shard();
    }

    int index() {
        return run.shard().index();
    }

    /** How a message names it: {@code shard 1 (runs/b)}. */
    String name() {
        return "shard " + index() + " (" + dir + ")";
    }

    /** Its cell of that id, or null. */
    CellResult cell(String id) {
        return results.cells().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** Measured page loads over all its cells. */
    long pageLoads() {
        return results.cells().stream().mapToLong(c -> c.pageLoads().count()).sum();
    }
}
