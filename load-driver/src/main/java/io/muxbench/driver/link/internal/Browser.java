package io.muxbench.driver.link.internal;

import java.net.InetAddress;

/** The connections and UDP relays from one client address: they share one bottleneck each way. */
final class Browser {

    final InetAddress address;
    final Bottleneck up;
    final Bottleneck down;
    private int nextConnectionOrdinal;
    private int nextRelayOrdinal;

    Browser(InetAddress address, TimerHeap timers, long upBitsPerSecond, long downBitsPerSecond) {
        this.address = address;
        this.up = new Bottleneck(timers, upBitsPerSecond);
        this.down = new Bottleneck(timers, downBitsPerSecond);
    }

    private int numberingEpoch;

    /**
     * Numbers this browser's connections 0, 1, 2... in accept order (a stable key for seeded loss),
     * starting again at 0 whenever the link's numbering epoch changed.
     */
    int nextConnectionOrdinal(int epoch) {
        renumberIfNew(epoch);
        return nextConnectionOrdinal++;
    }

    /** Numbers this browser's UDP relays (one per client port) as {@link #nextConnectionOrdinal} numbers connections. */
    int nextRelayOrdinal(int epoch) {
        renumberIfNew(epoch);
        return nextRelayOrdinal++;
    }

    private void renumberIfNew(int epoch) {
        if (epoch != numberingEpoch) {
            numberingEpoch = epoch;
            nextConnectionOrdinal = 0;
            nextRelayOrdinal = 0;
        }
    }
}
