package io.muxbench.driver.ceiling;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of processes, in nanoseconds: this JVM's from its management bean, another process's
 * and this JVM's reaped children's from Linux's {@code /proc/<pid>/stat} (clock ticks of 10 ms,
 * Linux's USER_HZ of 100).
 */
final class ProcessCpu {

    private static final long NANOS_PER_TICK = 10_000_000L;
    /** Fields after the command name in /proc/pid/stat: utime is field 14, so index 11 after it. */
    private static final int UTIME = 11;
    private static final int CUTIME = 13;

    private ProcessCpu() {
    }

    /** CPU time of this JVM, every thread of it (the driver, GC and JIT). */
    static long ownNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time of process {@code pid} (user and system), or -1 when it cannot be read. */
    static long nanos(long pid) {
        long[] ticks = ticks(Path.of("/proc", Long.toString(pid), "stat"), UTIME);
        return ticks == null ? -1 : (ticks[0] + ticks[1]) * NANOS_PER_TICK;
    }

    /** CPU time of this JVM's children that have ended and been waited for (h2load), or -1. */
    static long reapedChildrenNanos() {
        long[] ticks = ticks(Path.of("/proc/self/stat"), CUTIME);
        return ticks == null ? -1 : (ticks[0] + ticks[1]) * NANOS_PER_TICK;
    }

    /** Two consecutive fields of a stat line, counted after the command name, or null. */
    private static long[] ticks(Path stat, int index) {
        try {
            return parse(Files.readString(stat), index);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The fields at {@code index} and the next of a stat line; the name in parentheses may hold spaces. */
    static long[] parse(String statLine, int index) {
        String[] fields = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" +");
        return new long[]{Long.parseLong(fields[index]), Long.parseLong(fields[index + 1])};
    }

    /** Whether another process's CPU time can be read here (Linux). */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }
}
