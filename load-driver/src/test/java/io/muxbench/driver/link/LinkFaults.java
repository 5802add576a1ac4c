package io.muxbench.driver.link;

import io.muxbench.driver.link.internal.LoopFaults;
import java.io.IOException;

/** Fault injection for the tests of the link's users: makes an emulator's thread fail. */
public final class LinkFaults {

    private LinkFaults() {
    }

    /** Makes the emulator's thread fail as if the selector broke; it then stops by itself. */
    public static void breakThread(LinkEmulator link) throws IOException {
        LoopFaults.breakSelector(link.loop());
    }
}
