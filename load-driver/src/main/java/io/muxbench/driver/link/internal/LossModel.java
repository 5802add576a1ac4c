package io.muxbench.driver.link.internal;

/**
 * Seeded segment and datagram loss that does not depend on timing: whether a segment is lost is a hash of the
 * seed, the flow and the MSS-sized block of the byte stream it starts, so the same seed and the
 * same bytes give the same losses whatever the scheduling. Only segments that start a block can
 * be lost (a block sent in pieces loses at most its first piece).
 */
final class LossModel {

    private final long seed;
    private final double lossRate;

    LossModel(long seed, double lossRate) {
        this.seed = seed;
        this.lossRate = lossRate;
    }

    boolean isLost(long flowKey, long startSeq) {
        if (lossRate == 0 || startSeq % Flow.MSS != 0) {
            return false;
        }
        return isLostAt(flowKey, startSeq / Flow.MSS);
    }

    /**
     * Whether a datagram is lost: a hash of the seed, the relay's direction and the datagram's number
     * in the order the relay received them, so the same seed and the same datagrams lose the same ones.
     */
    boolean isDatagramLost(long flowKey, long datagramNumber) {
        return lossRate != 0 && isLostAt(flowKey, datagramNumber);
    }

    /**
     * Whether the {@code attempt}th try (0 first) of a connection's SYN (the up flow's key) or SYN-ACK
     * (the down flow's key) is lost: a draw of its own, apart from the segments' draws of the same flow.
     */
    boolean isHandshakeLost(long flowKey, int attempt) {
        return lossRate != 0 && isLostAt(mix(flowKey ^ SYN_TAG), attempt);
    }

    /** The seeded draw for the {@code n}th unit (MSS block or datagram) of a flow. */
    private boolean isLostAt(long flowKey, long n) {
        long h = mix(seed ^ mix(flowKey ^ mix(n)));
        return (h >>> 11) * 0x1.0p-53 < lossRate;
    }

    /** A key for one direction of one UDP relay, apart from every TCP connection's keys. */
    static long datagramFlowKey(int browserAddressHash, int relayOrdinal, boolean upstream) {
        return mix(flowKey(browserAddressHash, relayOrdinal, upstream) ^ UDP_TAG);
    }

    private static final long UDP_TAG = 0x5544_5000_0000_0000L;
    private static final long SYN_TAG = 0x5359_4E00_0000_0000L;

    /** A key for one direction of one connection: the browser's address, its connection number, the direction. */
    static long flowKey(int browserAddressHash, int connectionOrdinal, boolean upstream) {
        return mix(((long) browserAddressHash << 32) ^ ((long) connectionOrdinal << 1) ^ (upstream ? 1 : 0));
    }

    // SplitMix64's finaliser.
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
