package io.muxbench.driver.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

/**
 * The link emulator's accuracy targets, shared by its TCP and UDP tests: a round trip within 10%, a
 * browser's share of the link within bounds. The only place in muxbench where tests check absolute times.
 */
final class LinkAccuracy {

    private LinkAccuracy() {
    }

    /** The median of {@code rttNanos} (sorted in place) lies within 100 to 110 ms; prints it with the link's stats. */
    static void assertMedianRoundTripOf100Millis(String what, long[] rttNanos, LinkEmulator link) {
        Arrays.sort(rttNanos);
        double medianMillis = rttNanos[rttNanos.length / 2] / 1e6;
        System.out.printf("%s at rtt=100ms: median %.2f ms, timing error %s%n", what, medianMillis, link.stats().summary());
        assertTrue(medianMillis >= 100 && medianMillis <= 110, "median " + what + " " + medianMillis + " ms");
    }

    /** Two downloads of one browser get about half of the 8 mbit link each; two browsers get all of it each. */
    static void assertSharesOfEightMegabit(int size, double[] sameBrowserSeconds, double[] twoBrowsersSeconds) {
        double fullRateSeconds = size * 8 / 8e6;
        for (double seconds : sameBrowserSeconds) {
            double share = fullRateSeconds / seconds;
            assertTrue(share > 0.38 && share < 0.6, "one browser's download got " + share + " of the link");
        }
        for (double seconds : twoBrowsersSeconds) {
            double share = fullRateSeconds / seconds;
            assertTrue(share > 0.8 && share <= 1.0, "a browser of two got " + share + " of the link");
        }
    }
}
