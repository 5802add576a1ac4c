package io.muxbench.driver.run;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulated links of a run, one per profile, each in front of the origin. {@code none} is plain
 * loopback, with no emulator.
 */
final class Links implements AutoCloseable {

    /** Where a cell's browsers connect, and the handshake round trip the link adds. */
    record Front(String link, URI uri, Duration rtt) {
    }

    private final long seed;
    private final Map<String, Front> fronts = new LinkedHashMap<>();

    Links(long seed) {
        this.seed = seed;
    }

    Front front(String link, URI upstream) {
        return fronts.computeIfAbsent(link, l -> {
            if (l.equals("none")) {
                return new Front(l, upstream, Duration.ZERO);
            }
            throw new IllegalArgumentException("link emulation is not built yet: " + l);
        });
    }

    @Override
    public void close() {
        fronts.clear();
    }
}
