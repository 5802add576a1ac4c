package io.muxbench.driver.link.internal;

import java.io.IOException;

/** Fault injection for the tests: breaks an event loop the way only a JDK or memory failure would. */
public final class LoopFaults {

    private LoopFaults() {
    }

    /** Closes the loop's selector under it: its next select throws, which no single event can contain. */
    public static void breakSelector(EventLoop loop) throws IOException {
        loop.selector.close();
    }
}
