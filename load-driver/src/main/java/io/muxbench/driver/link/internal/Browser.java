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
     * Numbers this browser's connections n, n + 1, n + 2... in accept order (a stable key for seeded
     * loss), starting again at the link's numbering start whenever its numbering epoch changed.
     */
    int nextConnectionOrdinal(LinkContext link) {
        renumberIfNew(link);
        return nextConnectionOrdinal++;
    }

    /** Numbers this browser's UDP relays (one per client port) as {@link #nextConnectionOrdinal} numbers connections. */
    int nextRelayOrdinal(LinkContext link) {
        renumberIfNew(link);
        return nextRelayOrdinal++;
    }

    private void renumberIfNew(LinkContext link) {
        int epoch = link.numberingEpoch.get();
        if (epoch != numberingEpoch) {
            numberingEpoch = epoch;
            nextConnectionOrdinal = link.numberingStart;
            nextRelayOrdinal = link.numberingStart;
        }
    }
}
