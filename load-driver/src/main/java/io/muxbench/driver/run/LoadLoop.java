package io.muxbench.driver.run;

import io.muxbench.driver.transport.BrowserClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes a cell's page loads for one round with a set of browsers: closed load (each browser loads
 * the page again, after an optional think time) or open load (page loads start at a fixed rate and
 * are measured from their intended start).
 */
final class LoadLoop {

    private final CellRecorder cell;
    private final List<BrowserClient> browsers;
    private final LoadModel load;
    private final Duration pageLoadTimeout;
    private final DriverMonitor monitor;
    private final ProgressListener progress;
    private final StopSignal stop;

    LoadLoop(CellRecorder cell, List<BrowserClient> browsers, LoadModel load, Duration pageLoadTimeout,
             DriverMonitor monitor, ProgressListener progress, StopSignal stop) {
        this.cell = cell;
        this.browsers = browsers;
        this.load = load;
        this.pageLoadTimeout = pageLoadTimeout;
        this.monitor = monitor;
        this.progress = progress;
        this.stop = stop;
    }

    /** Unrecorded page loads, every browser at once, as many each. */
    void warmUp(int pageLoadsPerBrowser) throws InterruptedException {
        eachBrowser(browser -> {
            for (int i = 0; i < pageLoadsPerBrowser && !stop.isStopped(); i++) {
                pageLoad(browser, 0, false);
                progress.pageLoadDone();
            }
        });
    }

    /** What one browser does in a closed loop; may be interrupted. */
    @FunctionalInterface
    private interface BrowserLoop {
        void run(BrowserClient browser) throws InterruptedException;
    }

    /**
     * Runs {@code loop} on every browser, each on a thread of its own, and waits for all of them. A
     * harness failure on any of them stops the run loudly, rethrown here.
     */
    private void eachBrowser(BrowserLoop loop) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        for (BrowserClient browser : browsers) {
            Thread thread = new Thread(() -> {
                try {
                    loop.run(browser);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e instanceof RuntimeException r ? r
                            : new IllegalStateException("browser thread failed: " + e, e));
                }
            }, "browser-" + cell.id);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    /** Runs {@code count} recorded page loads. */
    void run(int count) throws InterruptedException {
        if (load instanceof LoadModel.Open open) {
            open(open, count);
        } else {
            closed((LoadModel.Closed) load, count);
        }
    }

    private void closed(LoadModel.Closed closed, int count) throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(count);
        eachBrowser(browser -> {
            while (!stop.isStopped() && remaining.getAndDecrement() > 0) {
                pageLoad(browser, 0, true);
                progress.pageLoadDone();
                if (!closed.thinkTime().isZero() && remaining.get() > 0) {
                    stop.pause(closed.thinkTime()); // the load model's think time; Ctrl-C ends it
                }
            }
        });
    }

    /**
     * Open load: page load i is meant to start at t0 + i/rate. A page load that has to wait for a
     * free browser starts late; its time is measured from when it was meant to start, which is what
     * a visitor arriving on schedule would have seen (coordinated omission corrected).
     */
    private void open(LoadModel.Open open, int count) throws InterruptedException {
        long intervalNanos = open.intervalNanos();
        BlockingQueue<BrowserClient> free = new ArrayBlockingQueue<>(browsers.size(), false, browsers);
        ExecutorService finishing = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "page-load-" + cell.id);
            t.setDaemon(true);
            return t;
        });
        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < count && !stop.isStopped(); i++) {
                // Capped at 2^62 ns (146 years) so that a tiny rate cannot overflow the schedule.
                long intended = t0 + (i > (1L << 62) / intervalNanos ? 1L << 62 : i * intervalNanos);
                // Holding the schedule, not waiting for a result; Ctrl-C ends the wait (page loads in
                // flight still finish, and what they measured is kept).
                if (stop.pauseNanos(intended - System.nanoTime())) {
                    break;
                }
                // The driver's own lateness (sleep overshoot, a busy machine); waiting for a free browser
                // below is the system under test's doing, and the correction already counts it.
                monitor.lag(System.nanoTime() - intended, intervalNanos, cell.id);
                BrowserClient browser = free.take();
                if (inFlight.size() >= 2 * browsers.size()) {
                    // At most one page load per browser is in flight: forget those that ended well, so a
                    // long run keeps no future per page load (a failed one stays, for the get below).
                    inFlight.removeIf(f -> f.isDone() && !f.isCompletedExceptionally());
                }
                inFlight.add(CompletableFuture.runAsync(() -> {
                    try {
                        pageLoad(browser, intended, true);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        progress.pageLoadDone();
                        free.add(browser);
                    }
                }, finishing));
            }
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(pageLoadTimeout.toMillis() * 2 + 10_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("page loads of cell " + cell.id + " did not finish", e);
        } finally {
            finishing.shutdownNow();
        }
    }

    /** One page load on one browser; records it when {@code record}, then closes connections for cold cells. */
    private void pageLoad(BrowserClient browser, long intendedStartNanos, boolean record) throws InterruptedException {
        PageLoad load = new PageLoad(browser, cell.scenario);
        CompletableFuture<PageLoad.Outcome> future = load.start();
        Duration timeout = pageLoadTimeout;
        try {
            PageLoad.Outcome outcome = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (record) {
                cell.record(outcome, intendedStartNanos);
            }
        } catch (TimeoutException e) {
            PageLoad.Outcome partial = load.abandon(System.nanoTime());
            browser.closeConnections(); // aborts what is still in flight
            if (record) {
                cell.recordTimeout(partial);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("page load failed inside the harness", e.getCause());
        } finally {
            if (cell.cold()) {
                browser.closeConnections();
            }
        }
    }
}
