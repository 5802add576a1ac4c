package io.muxbench.driver.link.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimerHeapTest {

    @Test
    void pollsInDueOrderAndSkipsStaleEntries() {
        TimerHeap heap = new TimerHeap();
        List<Long> fired = new ArrayList<>();
        Random random = new Random(3);
        List<Scheduled> tasks = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Scheduled task = new Scheduled(heap) {
                @Override
                void onTimer(long nowNanos) {
                    fired.add(nowNanos);
                }

                @Override
                void onFailure(Throwable failure) {
                    throw new AssertionError(failure);
                }
            };
            long due = 1_000 + random.nextInt(1_000_000);
            task.armAt(due);
            task.armAt(due + 5); // later: ignored, already armed earlier
            task.armAt(due - 1); // earlier: the entry at due becomes stale
            tasks.add(task);
        }
        assertEquals(1_000, heap.size());
        while (heap.size() > 0) {
            long due = heap.peekDue();
            heap.poll().fire(due, due);
        }
        assertEquals(500, fired.size(), "each task fires once");
        for (int i = 1; i < fired.size(); i++) {
            assertEquals(true, fired.get(i - 1) <= fired.get(i), "in order at " + i);
        }
    }
}
