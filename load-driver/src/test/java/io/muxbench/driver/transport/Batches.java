package io.muxbench.driver.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.scenario.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Sends requests to a client as one batch, as a page load does, and waits for all of them (30 s at most). */
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
}
