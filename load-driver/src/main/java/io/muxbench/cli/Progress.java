package io.muxbench.cli;

import io.muxbench.driver.run.ProgressListener;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr: a progress bar on a terminal, one line per cell elsewhere (CI logs), and
 * warnings as lines of their own either way.
 */
final class Progress implements ProgressListener {

    private final PrintStream err;
    private final boolean terminal;
    private final boolean quiet;
    private ProgressBar bar;
    private long done;
    private long total;
    private long lastPercent;
    private long lastLineNanos;

    Progress(PrintStream err, boolean quiet) {
        this.err = err;
        this.terminal = System.console() != null;
        this.quiet = quiet;
    }

    @Override
    public void writing(java.nio.file.Path runDir) {
        if (!quiet) {
            err.println("muxbench: writing " + runDir);
        }
    }

    @Override
    public synchronized void started(long totalPageLoads) {
        total = totalPageLoads;
        if (terminal && !quiet) {
            bar = new ProgressBarBuilder().setTaskName("page loads").setInitialMax(totalPageLoads)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).build();
        }
    }

    @Override
    public synchronized void cell(String description) {
        if (bar != null) {
            bar.setExtraMessage(description);
        } else if (!quiet) {
            // Without a terminal (CI logs), a line per cell round would be hundreds: one every 2% or 20 s.
            long percent = total == 0 ? 0 : done * 100 / total;
            long now = System.nanoTime();
            if (lastLineNanos == 0 || percent >= lastPercent + 2 || now - lastLineNanos > 20_000_000_000L) {
                err.printf("[%3d%%] %s%n", percent, description);
                lastPercent = percent;
                lastLineNanos = now;
            }
        }
    }

    @Override
    public synchronized void pageLoadDone() {
        done++;
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public synchronized void message(String line) {
        if (bar != null) {
            err.println();
        }
        err.println(line);
    }

    @Override
    public synchronized void info(String line) {
        if (!quiet) {
            message(line);
        }
    }

    @Override
    public synchronized void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
