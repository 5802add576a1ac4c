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
    private final java.util.Set<String> driverBusy = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> machineBusy = new java.util.LinkedHashSet<>();
    private int cellRounds;
    private double maxDriverPercent;
    private double maxMachinePercent;
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
     * Notes whether, during the cell round that just ran, the driver process or the machine as a
     * whole used nearly all the CPU. Returns a line to show now the first time each kind happens,
     * else null; {@link #warnings()} sums them all up.
     */
    synchronized String cellFinished(String cell) {
        long wallNanos = System.nanoTime() - cellStartNanos;
        double percent = percent(os.getProcessCpuTime() - cellCpuNanos, wallNanos);
        double machine = os.getCpuLoad() * 100;
        cellRounds++;
        if (wallNanos < 200_000_000L) {
            return null;
        }
        if (percent >= CPU_LIMIT_PERCENT) {
            driverBusy.add(cell);
            maxDriverPercent = Math.max(maxDriverPercent, percent);
            return driverBusy.size() == 1 ? String.format(java.util.Locale.ROOT,
                    "%s: the driver process used %.0f%% of %d cores: the driver may have been the bottleneck", cell,
                    percent, cpus) : null;
        }
        if (machine >= CPU_LIMIT_PERCENT) {
            machineBusy.add(cell);
            maxMachinePercent = Math.max(maxMachinePercent, machine);
            return machineBusy.size() == 1 ? String.format(java.util.Locale.ROOT,
                    "%s: the machine was %.0f%% busy (the driver process %.0f%%): other work competed with the run",
                    cell, machine, percent) : null;
        }
        return null;
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

    /** Whether the driver itself (its CPU, or its schedule under open load) limited the measurement. */
    synchronized boolean bottleneck() {
        return !driverBusy.isEmpty() || !warnings.isEmpty();
    }

    /** One line per kind of trouble, naming the cells it touched. */
    synchronized List<String> warnings() {
        List<String> all = new ArrayList<>(warnings);
        if (!driverBusy.isEmpty()) {
            all.add(0, String.format(java.util.Locale.ROOT, "the driver process used %.0f%% of %d cores or more in %d of %d"
                    + " cell rounds (%s): the driver may have been the bottleneck; use fewer browsers or a bigger machine",
                    CPU_LIMIT_PERCENT, cpus, driverBusy.size(), cellRounds, names(driverBusy)));
        }
        if (!machineBusy.isEmpty()) {
            all.add(String.format(java.util.Locale.ROOT, "the machine was %.0f%% busy or more (at most %.0f%%) in %d of %d"
                    + " cell rounds (%s): other work competed with the run, so trust ratios within the run more than"
                    + " absolute times", CPU_LIMIT_PERCENT, maxMachinePercent, machineBusy.size(), cellRounds,
                    names(machineBusy)));
        }
        return all;
    }

    private static String names(java.util.Set<String> cells) {
        List<String> list = new ArrayList<>(cells);
        return list.size() <= 3 ? String.join(", ", list) : String.join(", ", list.subList(0, 3)) + " and " + (list.size() - 3) + " more";
    }
}
