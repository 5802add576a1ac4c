package io.muxbench.driver.run;

import io.muxbench.results.HistogramLogs;
import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The run's histogram logs, one per cell, each created at the cell's first round: after every cell
 * round the recorder's interval goes to its log, which is flushed so that a run killed mid-round
 * leaves results.json and the logs telling the same counts.
 */
final class CellLogs implements AutoCloseable {

    private final Path runDir;
    private final long runStartEpochMillis;
    private final Map<String, HistogramLogs.Writer> writers = new HashMap<>();

    CellLogs(Path runDir, long runStartEpochMillis) {
        this.runDir = runDir;
        this.runStartEpochMillis = runStartEpochMillis;
    }

    /** Ends the recorder's interval into its cell's log. */
    void endInterval(CellRecorder recorder) throws FileNotFoundException {
        HistogramLogs.Writer writer = writers.get(recorder.id);
        if (writer == null) {
            writer = HistogramLogs.Writer.open(runDir, recorder.id, runStartEpochMillis);
            writers.put(recorder.id, writer);
        }
        recorder.endInterval(writer::write);
        writer.flush();
    }

    @Override
    public void close() {
        writers.values().forEach(HistogramLogs.Writer::close);
    }
}
