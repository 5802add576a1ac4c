package io.muxbench.driver.run;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches the driver itself: its CPU use per cell and how far page loads fell behind their schedule
 * under open load, and whether the machine as a whole was saturated. The origin and the link
 * emulator run in the same process, so a busy process is reported whichever of them made it busy.
 */
final class DriverMonitor {

    /** CPU use, as a share of all cores, above which a cell's figures are suspect. */
    static final double CPU_LIMIT_PERCENT = 90;
    /** Schedule lag, as a share of the interval between page loads, above which open load was not held. */
    static final double LAG_LIMIT_SHARE = 0.5;

    private final com.sun.management.OperatingSystemMXBean os;
    private final int cpus = Runtime.getRuntime().availableProcessors();
    private final long startCpuNanos;
    private final long startNanos = System.nanoTime();
    private final List<String> warnings = new ArrayList<>();
    private long cellCpuNanos;
    private long cellStartNanos;
    private double maxLagMillis;

    DriverMonitor() {
        os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        startCpuNanos = os.getProcessCpuTime();
    }

    void cellStarted() {
        os.getCpuLoad(); // starts the machine-wide measurement interval
        cellCpuNanos = os.getProcessCpuTime();
        cellStartNanos = System.nanoTime();
    }

    /**
     * Returns a warning when, during the cell that just ran, the driver process or the machine as a
     * whole used nearly all the CPU, else null.
     */
    synchronized String cellFinished(String cell) {
        long wallNanos = System.nanoTime() - cellStartNanos;
        double percent = percent(os.getProcessCpuTime() - cellCpuNanos, wallNanos);
        double machine = os.getCpuLoad() * 100;
        if (wallNanos < 200_000_000L) {
            return null;
        }
        String warning = null;
        if (percent >= CPU_LIMIT_PERCENT) {
            warning = String.format(java.util.Locale.ROOT,
                    "%s: the driver process used %.0f%% of %d cores: the driver may have been the bottleneck", cell, percent, cpus);
        } else if (machine >= CPU_LIMIT_PERCENT) {
            warning = String.format(java.util.Locale.ROOT,
                    "%s: the machine was %.0f%% busy (the driver process %.0f%%): other work competed with the run", cell,
                    machine, percent);
        }
        if (warning != null) {
            warnings.add(warning);
        }
        return warning;
    }

    synchronized void lag(long lagNanos, long intervalNanos, String cell) {
        double lagMillis = lagNanos / 1e6;
        if (lagMillis > maxLagMillis) {
            maxLagMillis = lagMillis;
        }
        if (intervalNanos > 0 && lagNanos > intervalNanos * LAG_LIMIT_SHARE && lagNanos > 50_000_000L) {
            String warning = String.format(java.util.Locale.ROOT,
                    "%s: page loads started up to %.0f ms behind schedule: the open load was not held", cell, lagMillis);
            if (warnings.stream().noneMatch(w -> w.startsWith(cell + ": page loads started"))) {
                warnings.add(warning);
            }
        }
    }

    private double percent(long cpuNanos, long wallNanos) {
        return wallNanos <= 0 ? 0 : 100.0 * cpuNanos / ((double) wallNanos * cpus);
    }

    synchronized double cpuPercent() {
        return Math.round(percent(os.getProcessCpuTime() - startCpuNanos, System.nanoTime() - startNanos) * 10) / 10.0;
    }

    synchronized double maxLagMillis() {
        return Math.round(maxLagMillis * 1000) / 1000.0;
    }

    synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }
}
