package io.muxbench.driver.run;

/** Told how a run advances; the command line shows it as a progress bar on stderr. */
public interface ProgressListener {

    /** The checks passed and results are being written to this folder. */
    default void writing(java.nio.file.Path runDir) {
    }

    /** The run will make this many page loads, warm-up included. */
    default void started(long totalPageLoads) {
    }

    /** Now running this cell. */
    default void cell(String description) {
    }

    /** One more page load is done. */
    default void pageLoadDone() {
    }

    /** Something the user should read (a warning). */
    default void message(String line) {
    }

    /** Something the user may like to know (not shown when quiet). */
    default void info(String line) {
    }

    default void finished() {
    }

    ProgressListener NONE = new ProgressListener() {
    };
}
