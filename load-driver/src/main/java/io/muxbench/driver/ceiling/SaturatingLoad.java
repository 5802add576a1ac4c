package io.muxbench.driver.ceiling;

import io.muxbench.driver.run.PageLoad;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.Exchange;
import io.muxbench.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed load with no think time, on warm connections: every browser loads the page again the
 * moment its last page load ends, until closed. The counts only grow; a caller takes two
 * {@link #counts()} and subtracts. Page loads are the same {@link PageLoad}s {@code muxbench run}
 * makes, without recording them into histograms.
 */
final class SaturatingLoad implements AutoCloseable {

    /** Page loads and requests completed, and page loads that failed, since the start. */
    record Counts(long pageLoads, long requests, long failedPageLoads) {
        Counts minus(Counts before) {
            return new Counts(pageLoads - before.pageLoads, requests - before.requests,
                    failedPageLoads - before.failedPageLoads);
        }
    }

    private final List<BrowserClient> browsers;
    private final Scenario scenario;
    private final Duration pageLoadTimeout;
    private final LongAdder pageLoads = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicReference<RuntimeException> harnessFailure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    SaturatingLoad(List<BrowserClient> browsers, Scenario scenario, Duration pageLoadTimeout) {
        this.browsers = List.copyOf(browsers);
        this.scenario = scenario;
        this.pageLoadTimeout = pageLoadTimeout;
    }

    /** Starts every browser's loop, each on a thread of its own. */
    SaturatingLoad start() {
        for (int i = 0; i < browsers.size(); i++) {
            BrowserClient browser = browsers.get(i);
            Thread thread = new Thread(() -> loop(browser), "ceiling-browser-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void loop(BrowserClient browser) {
        try {
            while (!stopped) {
                pageLoad(browser);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            harnessFailure.compareAndSet(null, e);
        }
    }

    /** One page load, counted; a page load that times out is failed and its connections closed. */
    void pageLoad(BrowserClient browser) throws InterruptedException {
        PageLoad load = new PageLoad(browser, scenario);
        PageLoad.Outcome outcome;
        try {
            outcome = load.start().get(pageLoadTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcome = load.abandon(System.nanoTime());
            browser.closeConnections();
        } catch (ExecutionException e) {
            throw new IllegalStateException("page load failed inside the harness", e.getCause());
        }
        requests.add(outcome.exchanges().size());
        if (outcome.failed()) {
            failed.increment();
            firstFailure.compareAndSet(null, describe(outcome));
        }
        pageLoads.increment();
        synchronized (this) {
            notifyAll(); // once per page load, not per request: wakes awaitPageLoads
        }
    }

    /**
     * Waits until at least {@code pageLoads} page loads have completed since the start, or until
     * {@code deadlineNanos} ({@link System#nanoTime()}).
     */
    synchronized void awaitPageLoads(long pageLoads, long deadlineNanos) throws InterruptedException {
        long left;
        while (this.pageLoads.sum() < pageLoads && harnessFailure.get() == null
                && (left = deadlineNanos - System.nanoTime()) > 0) {
            wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    private static String describe(PageLoad.Outcome outcome) {
        for (Exchange e : outcome.exchanges()) {
            if (e.failed()) {
                return e.resource.path() + ": " + e.failure.id() + " (" + e.failureDetail + ")";
            }
        }
        return outcome.firstFailure().id();
    }

    /** What has completed so far; a failure inside the harness is thrown here. */
    Counts counts() {
        RuntimeException failure = harnessFailure.get();
        if (failure != null) {
            throw failure;
        }
        return new Counts(pageLoads.sum(), requests.sum(), failed.sum());
    }

    /** The first failed page load's first failure, or null. */
    String firstFailure() {
        return firstFailure.get();
    }

    /** Stops the loops after their page loads in progress, waiting up to the page-load timeout. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        long deadline = System.nanoTime() + pageLoadTimeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
    }
}
