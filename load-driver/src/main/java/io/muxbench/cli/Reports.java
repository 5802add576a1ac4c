package io.muxbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes a run folder's report at the end of a run (the report generator is being built). */
final class Reports {

    private Reports() {
    }

    static void write(Path runDir, PrintWriter out) {
    }
}
