package io.muxbench.driver.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.scenario.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Sends requests to a client as one batch, as a page load does, waits for all of them (30 s at most), and checks how they went. */
final class Batches {

    private Batches() {
    }

    static List<Exchange> sendAndWait(BrowserClient client, List<Resource> resources) throws InterruptedException {
        long now = System.nanoTime();
        List<Exchange> batch = new ArrayList<>();
        for (Resource resource : resources) {
            Exchange exchange = new Exchange(resource);
            exchange.startNanos = now;
            batch.add(exchange);
        }
        CountDownLatch done = new CountDownLatch(batch.size());
        client.send(batch, exchange -> done.countDown());
        assertTrue(done.await(30, TimeUnit.SECONDS), "exchanges did not complete: " + done.getCount() + " left");
        return batch;
    }

    /**
     * No exchange of the batch began while {@code limit} others were open, and those beyond the limit
     * began only once a first one ended: the client kept to the server's stream limit and started
     * waiting requests as streams ended.
     */
    static void assertKeptToTheLimit(List<Exchange> batch, int limit) {
        for (Exchange exchange : batch) {
            long openAtBegin = batch.stream().filter(other -> other != exchange
                    && other.beginNanos <= exchange.beginNanos && other.lastByteNanos > exchange.beginNanos).count();
            assertTrue(openAtBegin < limit, exchange.resource.path() + " began with " + openAtBegin + " streams open");
        }
        long firstEnd = batch.stream().mapToLong(e -> e.lastByteNanos).min().orElseThrow();
        assertTrue(batch.stream().filter(e -> e.beginNanos >= firstEnd).count() >= batch.size() - limit,
                "the requests beyond the limit waited for a stream to end");
    }
}
