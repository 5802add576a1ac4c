package io.muxbench.driver.run;

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
 * Closed load with no think time: every browser loads a page again the moment its last page load
 * ends, until closed, going round the {@link Page}s it was given (warm connections, or new ones for
 * every page load). The counts only grow; a caller takes two {@link #counts()} and subtracts. Page
 * loads are the same {@link PageLoad}s {@code muxbench run} makes, without recording them into
 * histograms.
 *
 * <pre>{@code
 * try (SaturatingLoad load = new SaturatingLoad(browsers, List.of(new Page(scenario, false)), timeout).start()) {
 *     SaturatingLoad.Counts before = load.counts();
 *     ...
 * }
 * }</pre>
 */
public final class SaturatingLoad implements AutoCloseable {

    /** A page to load, and whether its connections are closed after each load of it (cold). */
    public record Page(Scenario scenario, boolean cold) {
    }

    /** Page loads and requests completed, and page loads that failed, since the start. */
    public record Counts(long pageLoads, long requests, long failedPageLoads) {
        public Counts minus(Counts before) {
            return new Counts(pageLoads - before.pageLoads, requests - before.requests,
                    failedPageLoads - before.failedPageLoads);
        }
    }

    private final List<BrowserClient> browsers;
    private final List<Page> pages;
    private final Duration pageLoadTimeout;
    private final LongAdder pageLoads = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicReference<RuntimeException> harnessFailure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopped;

    /** Loads {@code scenario} on warm connections. */
    public SaturatingLoad(List<BrowserClient> browsers, Scenario scenario, Duration pageLoadTimeout) {
        this(browsers, List.of(new Page(scenario, false)), pageLoadTimeout);
    }

    /** Goes round {@code pages}, each browser from the first. */
    public SaturatingLoad(List<BrowserClient> browsers, List<Page> pages, Duration pageLoadTimeout) {
        if (browsers.isEmpty() || pages.isEmpty()) {
            throw new IllegalArgumentException("a saturating load needs a browser and a page");
        }
        this.browsers = List.copyOf(browsers);
        this.pages = List.copyOf(pages);
        this.pageLoadTimeout = pageLoadTimeout;
    }

    /** Starts every browser's loop, each on a thread of its own. */
    public SaturatingLoad start() {
        for (int i = 0; i < browsers.size(); i++) {
            BrowserClient browser = browsers.get(i);
            Thread thread = new Thread(() -> loop(browser), "saturating-browser-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void loop(BrowserClient browser) {
        try {
            for (long n = 0; !stopped; n++) {
                pageLoad(browser, pages.get((int) (n % pages.size())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            harnessFailure.compareAndSet(null, e);
        }
    }

    /** One page load of the first page, counted, on the caller's thread (a check before {@link #start}). */
    public void pageLoad(BrowserClient browser) throws InterruptedException {
        pageLoad(browser, pages.get(0));
    }

    /**
     * One page load, counted; a page load that times out is failed and its connections closed, and
     * so are a cold page's after it.
     */
    private void pageLoad(BrowserClient browser, Page page) throws InterruptedException {
        PageLoad load = new PageLoad(browser, page.scenario());
        PageLoad.Outcome outcome;
        try {
            outcome = load.start().get(pageLoadTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            outcome = load.abandon(System.nanoTime());
            browser.closeConnections();
        } catch (ExecutionException e) {
            throw new IllegalStateException("page load failed inside the harness", e.getCause());
        }
        if (page.cold()) {
            browser.closeConnections();
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
    public synchronized void awaitPageLoads(long pageLoads, long deadlineNanos) throws InterruptedException {
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
    public Counts counts() {
        RuntimeException failure = harnessFailure.get();
        if (failure != null) {
            throw failure;
        }
        return new Counts(pageLoads.sum(), requests.sum(), failed.sum());
    }

    /** The first failed page load's first failure, or null. */
    public String firstFailure() {
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
