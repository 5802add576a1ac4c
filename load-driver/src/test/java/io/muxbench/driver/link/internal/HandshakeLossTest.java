package io.muxbench.driver.link.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.link.LinkProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lost SYNs and SYN-ACKs ({@code syn-rto}): each costs the timeout, doubled per retry, at most
 * {@link LinkContext#MAX_HANDSHAKE_LOSSES} per connection; seeded, so the same seed loses the same
 * handshakes; never without a timeout or without loss.
 */
class HandshakeLossTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void eachLostSynCostsTheTimeoutDoubledPerRetry() {
        LinkContext link = context("rtt=10ms,down=1mbit,loss=99.9%,syn-rto=1s", 1);
        for (int connection = 0; connection < 20; connection++) {
            long before = link.counters.synLost.get();
            long delay = link.handshakeDelayNanos(upKey(connection), downKey(connection));
            // At 99.9% nearly every try loses its SYN: 1 s, then 2 s, then 4 s; the fourth try gets through.
            assertEquals(3, link.counters.synLost.get() - before);
            assertEquals(7 * SECOND, delay);
        }
        assertEquals(60, link.counters.synLost.get());
    }

    @Test
    void theDelayIsTheSumOfTheLostTriesTimeouts() {
        LinkContext link = context("rtt=10ms,down=1mbit,loss=50%,syn-rto=3s", 1);
        List<Long> lostPerConnection = new ArrayList<>();
        for (int connection = 0; connection < 200; connection++) {
            long before = link.counters.synLost.get();
            long delay = link.handshakeDelayNanos(upKey(connection), downKey(connection));
            long lost = link.counters.synLost.get() - before;
            assertTrue(lost <= LinkContext.MAX_HANDSHAKE_LOSSES, "lost " + lost);
            assertEquals(3 * SECOND * ((1L << lost) - 1), delay, "3 s, 6 s, 12 s for " + lost + " losses");
            lostPerConnection.add(lost);
        }
        // A try gets through when neither its SYN nor its SYN-ACK is lost: 1 in 4 at 50% loss.
        assertTrue(lostPerConnection.contains(0L) && lostPerConnection.contains(3L), lostPerConnection.toString());
    }

    @Test
    void theSameSeedLosesTheSameHandshakes() {
        assertEquals(lostPerConnection(7), lostPerConnection(7));
        assertTrue(!lostPerConnection(7).equals(lostPerConnection(8)), "another seed, other losses");
    }

    @Test
    void noTimeoutOrNoLossLosesNoHandshake() {
        for (String spec : new String[] {"rtt=10ms,down=1mbit,loss=99.9%", "rtt=10ms,down=1mbit,syn-rto=1s",
                "rtt=10ms,down=1mbit,loss=0,syn-rto=3s"}) {
            LinkContext link = context(spec, 1);
            for (int connection = 0; connection < 50; connection++) {
                assertEquals(0, link.handshakeDelayNanos(upKey(connection), downKey(connection)), spec);
            }
            assertEquals(0, link.counters.synLost.get(), spec);
            assertEquals(0, link.counters.snapshot().synLost(), spec);
        }
    }

    @Test
    void handshakeDrawsAreApartFromTheSegmentsDraws() {
        // Were they the same draws, a connection whose SYN was lost would always lose its first segment too.
        LossModel loss = new LossModel(3, 0.5);
        int agree = 0;
        for (int connection = 0; connection < 1000; connection++) {
            if (loss.isHandshakeLost(upKey(connection), 0) == loss.isLost(upKey(connection), 0)) {
                agree++;
            }
        }
        assertTrue(agree > 400 && agree < 600, agree + " of 1000 agree");
    }

    private static List<Long> lostPerConnection(long seed) {
        LinkContext link = context("rtt=10ms,down=1mbit,loss=30%,syn-rto=1s", seed);
        List<Long> lost = new ArrayList<>();
        for (int connection = 0; connection < 100; connection++) {
            long before = link.counters.synLost.get();
            link.handshakeDelayNanos(upKey(connection), downKey(connection));
            lost.add(link.counters.synLost.get() - before);
        }
        return lost;
    }

    private static LinkContext context(String spec, long seed) {
        return new LinkContext(LinkProfile.parse(spec), seed, 1 << 20);
    }

    private static long upKey(int connection) {
        return LossModel.flowKey(0x7f000002, connection, true);
    }

    private static long downKey(int connection) {
        return LossModel.flowKey(0x7f000002, connection, false);
    }
}
