package io.muxbench.cli;

import io.muxbench.report.ReportWriter;
import io.muxbench.results.ResultsFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes a run folder's report at the end of a run; a report that fails leaves the results intact. */
final class Reports {

    private Reports() {
    }

    /** Writes index.html and prints its path; returns false (with one line on stderr) if it could not. */
    static boolean write(Path runDir, PrintWriter out) {
        try {
            Path report = ReportWriter.write(runDir);
            out.println("Report: " + report.toAbsolutePath());
            return true;
        } catch (ResultsFormatException | IOException | RuntimeException e) {
            System.err.println("muxbench: the results are written, but the report failed: " + e.getMessage()
                    + " (try: muxbench report " + runDir + ")");
            return false;
        }
    }
}
