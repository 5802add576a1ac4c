package io.muxbench.driver.link.internal;

import java.util.Arrays;

/**
 * A binary min-heap of (due time, task) in two parallel arrays, so that arming a timer allocates
 * nothing. A task may sit in the heap more than once; {@link Scheduled} skips the stale entries,
 * which lets a task re-arm earlier without searching the heap.
 */
final class TimerHeap {

    static final long NONE = Long.MAX_VALUE;

    private long[] dues = new long[64];
    private Scheduled[] tasks = new Scheduled[64];
    private int size;

    void add(long dueNanos, Scheduled task) {
        if (size == dues.length) {
            dues = Arrays.copyOf(dues, size * 2);
            tasks = Arrays.copyOf(tasks, size * 2);
        }
        int i = size++;
        // Sift up.
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (dues[parent] - dueNanos <= 0) {
                break;
            }
            dues[i] = dues[parent];
            tasks[i] = tasks[parent];
            i = parent;
        }
        dues[i] = dueNanos;
        tasks[i] = task;
    }

    /** The earliest due time, or {@link #NONE}. */
    long peekDue() {
        return size == 0 ? NONE : dues[0];
    }

    /** Removes and returns the earliest task. */
    Scheduled poll() {
        Scheduled top = tasks[0];
        int last = --size;
        long due = dues[last];
        Scheduled task = tasks[last];
        tasks[last] = null;
        if (last > 0) {
            // Sift the former last element down from the root.
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last && dues[child + 1] - dues[child] < 0) {
                    child++;
                }
                if (due - dues[child] <= 0) {
                    break;
                }
                dues[i] = dues[child];
                tasks[i] = tasks[child];
                i = child;
            }
            dues[i] = due;
            tasks[i] = task;
        }
        return top;
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(tasks, 0, size, null);
        size = 0;
    }
}
