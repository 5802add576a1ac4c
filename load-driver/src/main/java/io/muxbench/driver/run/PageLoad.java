package io.muxbench.driver.run;

import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.Exchange;
import io.muxbench.vocabulary.ErrorCause;
import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One page load: the document, then each resource's children once it is complete, as a browser's
 * parser discovers them. Completes when every request has completed; a failed resource's children
 * are never requested (a browser would not discover them), and the page load counts as failed.
 */
public final class PageLoad {

    /**
     * What a page load did. Times are {@link System#nanoTime()}. {@code unanswered} holds the requests
     * still waiting when a page load timed out (empty otherwise); {@code exchanges} the completed ones.
     */
    public record Outcome(long startNanos, long endNanos, boolean failed, ErrorCause firstFailure,
                   List<Exchange> exchanges, List<Exchange> unanswered, long bytesSent, long bytesReceived,
                   long bodyBytesReceived, long connectionsOpened) {
        public long durationNanos() {
            return endNanos - startNanos;
        }
    }

    private final BrowserClient client;
    private final Scenario scenario;
    private final AtomicInteger pending = new AtomicInteger();
    private final ConcurrentLinkedQueue<Exchange> sent = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Exchange> done = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    /** Set when the page load timed out: late completions must not send children into the next page load. */
    private volatile boolean abandoned;
    private long startNanos;
    private long sentBefore;
    private long receivedBefore;
    private long connectionsBefore;

    public PageLoad(BrowserClient client, Scenario scenario) {
        this.client = client;
        this.scenario = scenario;
    }

    /** Starts the page load; the future completes when every request has. */
    public CompletableFuture<Outcome> start() {
        sentBefore = client.bytesSent();
        receivedBefore = client.bytesReceived();
        connectionsBefore = client.connectionsOpened();
        startNanos = System.nanoTime();
        send(List.of(scenario.root()), startNanos);
        return outcome;
    }

    private void send(List<Resource> resources, long nowNanos) {
        List<Exchange> batch = new ArrayList<>(resources.size());
        for (Resource resource : resources) {
            Exchange exchange = new Exchange(resource);
            exchange.startNanos = nowNanos;
            batch.add(exchange);
        }
        pending.addAndGet(batch.size());
        sent.addAll(batch);
        client.send(batch, this::onComplete);
    }

    private void onComplete(Exchange exchange) {
        if (!exchange.failed() && exchange.status >= 500) {
            exchange.fail(ErrorCause.STATUS_5XX, "status " + exchange.status);
        } else if (!exchange.failed() && exchange.status != exchange.resource.status()) {
            exchange.fail(ErrorCause.STATUS_MISMATCH, "status " + exchange.status + " where the scenario declares "
                    + exchange.resource.status());
        }
        done.add(exchange);
        List<Resource> children = exchange.resource.children();
        if (!exchange.failed() && !children.isEmpty() && !abandoned) {
            // Children are sent before this request stops counting, so the page cannot look finished early.
            send(children, System.nanoTime());
        }
        if (pending.decrementAndGet() == 0) {
            finish();
        }
    }

    /**
     * Gives the page load up (it timed out): what completes later sends nothing more.
     *
     * @return what it got to by {@code nowNanos}: the completed requests, and those still unanswered
     */
    public Outcome abandon(long nowNanos) {
        abandoned = true;
        List<Exchange> completed = new ArrayList<>(done);
        Set<Exchange> finished = Collections.newSetFromMap(new IdentityHashMap<>());
        finished.addAll(completed);
        List<Exchange> unanswered = new ArrayList<>();
        for (Exchange e : sent) {
            if (!finished.contains(e)) {
                unanswered.add(e);
            }
        }
        return outcome(nowNanos, completed, unanswered);
    }

    private void finish() {
        List<Exchange> exchanges = new ArrayList<>(done);
        // The page is loaded when the last byte of the last response arrived, not when its callback ran.
        long end = startNanos;
        for (Exchange e : exchanges) {
            end = Math.max(end, e.lastByteNanos);
        }
        outcome.complete(outcome(end, exchanges, List.of()));
    }

    private Outcome outcome(long endNanos, List<Exchange> exchanges, List<Exchange> unanswered) {
        ErrorCause first = unanswered.isEmpty() ? null : ErrorCause.TIMEOUT;
        long body = 0;
        for (Exchange e : exchanges) {
            body += e.bodyBytesReceived;
            if (e.failed() && first == null) {
                first = e.failure;
            }
        }
        return new Outcome(startNanos, endNanos, first != null, first, exchanges, unanswered,
                client.bytesSent() - sentBefore, client.bytesReceived() - receivedBefore, body,
                client.connectionsOpened() - connectionsBefore);
    }
}
