package io.muxbench.driver.link.internal;

/**
 * Something the event loop wakes at a time it asked for. Arming earlier than the armed time adds a
 * second heap entry; the later one becomes stale and is skipped when it comes up, so re-arming never
 * searches the heap.
 */
abstract class Scheduled {

    private final TimerHeap timers;
    private long armedNanos = TimerHeap.NONE;

    Scheduled(TimerHeap timers) {
        this.timers = timers;
    }

    /** Makes sure {@link #onTimer} runs at {@code dueNanos} or earlier. */
    final void armAt(long dueNanos) {
        if (dueNanos - armedNanos < 0 || armedNanos == TimerHeap.NONE) {
            armedNanos = dueNanos;
            timers.add(dueNanos, this);
        }
    }

    /** Called by the loop for a heap entry that came due. */
    final void fire(long entryDueNanos, long nowNanos) {
        if (entryDueNanos != armedNanos) {
            return; // stale entry: an earlier one already ran and re-armed as needed
        }
        armedNanos = TimerHeap.NONE;
        onTimer(nowNanos);
    }

    /** Does everything due by {@code nowNanos}, and re-arms for what comes next. */
    abstract void onTimer(long nowNanos);

    /**
     * {@link #onTimer} threw: give up whatever this task serves (its connection, say), so that one
     * failure costs one connection and never the loop.
     */
    abstract void onFailure(Throwable failure);
}
