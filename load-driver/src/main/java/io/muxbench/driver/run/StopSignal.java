package io.muxbench.driver.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A run's request to stop (Ctrl-C), which the load loops' pauses wait on: a think time or the gap
 * between two starts under open load ends as soon as the run is asked to stop, not when the pause
 * would have ended (at {@code --rate 0.001}, 1000 s later).
 */
final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);

    void stop() {
        stopped.countDown();
    }

    boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** Pauses for {@code nanos}, or less if the run is asked to stop; returns whether it was. */
    boolean pauseNanos(long nanos) throws InterruptedException {
        return nanos <= 0 ? isStopped() : stopped.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Pauses for {@code pause}, or less if the run is asked to stop; returns whether it was. */
    boolean pause(Duration pause) throws InterruptedException {
        // Durations are bounded by RunConfig (at most a day), so this cannot overflow.
        return pauseNanos(pause.toNanos());
    }
}
