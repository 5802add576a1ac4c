package io.muxbench.driver.run;

import io.muxbench.driver.link.LinkEmulator;
import io.muxbench.driver.link.LinkProfile;
import io.muxbench.driver.link.LinkStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The emulated links of a run, one emulator per profile, each in front of the origin, started on
 * first use. {@code none} is plain loopback, with no emulator.
 */
final class Links implements AutoCloseable {

    /** The name of "no emulated link". */
    static final String NONE = "none";

    /** Where a cell's browsers connect, and the handshake round trip the link adds. */
    record Front(String link, URI uri, Duration rtt) {
    }

    private final long seed;
    private final Map<String, Front> fronts = new LinkedHashMap<>();
    private final Map<String, LinkEmulator> emulators = new LinkedHashMap<>();

    Links(long seed) {
        this.seed = seed;
    }

    /** The canonical name of a link spec ({@code cable}, {@code rtt=100ms,...}); throws on a bad spec. */
    static String canonical(String spec) {
        return NONE.equals(spec) ? NONE : LinkProfile.parse(spec).name();
    }

    synchronized Front front(String link, URI upstream) {
        Front front = fronts.get(link);
        if (front != null) {
            String failure = failure(link);
            if (failure != null) {
                throw new UncheckedIOException(failure, new IOException(failure));
            }
            return front;
        }
        if (link.equals(NONE)) {
            front = new Front(link, upstream, Duration.ZERO);
        } else {
            LinkProfile profile = LinkProfile.parse(link);
            int port = upstream.getPort() > 0 ? upstream.getPort() : "https".equals(upstream.getScheme()) ? 443 : 80;
            LinkEmulator emulator;
            try {
                emulator = LinkEmulator.start(profile, new InetSocketAddress(upstream.getHost(), port), seed);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the link emulator for " + link + ": " + e.getMessage(), e);
            }
            emulators.put(link, emulator);
            // Keep a loopback host name (certificates name it); anything else goes through 127.0.0.1.
            String host = isLoopbackName(upstream.getHost()) ? upstream.getHost() : "127.0.0.1";
            URI uri = URI.create(upstream.getScheme() + "://" + host + ":" + emulator.port() + "/");
            front = new Front(link, uri, profile.rtt());
        }
        fronts.put(link, front);
        return front;
    }

    /** A link whose emulator failed forwards nothing: the run says so rather than record timeouts as measurements. */
    synchronized void checkRunning(String link) throws RunException {
        String failure = failure(link);
        if (failure != null) {
            throw new RunException(failure);
        }
    }

    /** Why the emulator of {@code link} no longer runs, or null if it does (or there is none). */
    private String failure(String link) {
        LinkEmulator emulator = emulators.get(link);
        if (emulator == null || emulator.isRunning()) {
            return null;
        }
        return "the link emulator for " + link + " failed: " + emulator.failure().orElse("it stopped");
    }

    private static boolean isLoopbackName(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Numbers connections again on every link, from round {@code round}'s first number, so that a
     * cell's seeded losses do not depend on earlier cells, and differ from one of its rounds to the next.
     */
    synchronized void renumberConnections(int round) {
        emulators.values().forEach(emulator -> emulator.renumberConnections(round));
    }

    /** What the UDP relays of {@code link} did so far; nothing for plain loopback or a link not started. */
    synchronized LinkStats.Datagrams datagrams(String link) {
        LinkEmulator emulator = emulators.get(link);
        return emulator == null ? LinkStats.Datagrams.NONE : emulator.stats().datagrams();
    }

    /** The emulators' delivery timing error, all links together, in microseconds; null when no link ran. */
    synchronized Histogram timingError() {
        Histogram total = null;
        for (LinkEmulator emulator : emulators.values()) {
            LinkStats stats = emulator.stats();
            if (total == null) {
                total = stats.timingErrorMicros().copy();
            } else {
                total.add(stats.timingErrorMicros());
            }
        }
        return total;
    }

    @Override
    public synchronized void close() {
        emulators.values().forEach(LinkEmulator::close);
        emulators.clear();
        fronts.clear();
    }
}
