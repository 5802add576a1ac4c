package io.muxbench.driver.link;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What an emulated link looks like: round-trip time, bottleneck bandwidth each way, the fraction
 * of segments lost, and two knobs of its TCP model: the initial congestion window and whether
 * handshakes can be lost. Rates are payload bits per second (decimal: 1 mbit = 1,000,000 bit/s).
 *
 * <pre>{@code
 * LinkProfile cable = LinkProfile.parse("cable");
 * LinkProfile custom = LinkProfile.parse("rtt=100ms,down=8mbit,up=2mbit,loss=1%");
 * custom.name(); // "rtt=100ms,down=8mbit,up=2mbit,loss=0.01"
 * LinkProfile spdy2009 = LinkProfile.parse("rtt=28ms,down=4mbit,up=1mbit,loss=1%,iw=4,syn-rto=3s");
 * spdy2009.name(); // "rtt=28ms,down=4mbit,up=1mbit,loss=0.01,iw=4,syn-rto=3s"
 * }</pre>
 *
 * @param name                  the profile's name ({@code cable}) or, for explicit specs, their canonical form
 * @param rtt                   round-trip time; each direction gets half of it as propagation delay
 * @param downBitsPerSecond     bottleneck bandwidth from server to client
 * @param upBitsPerSecond       bottleneck bandwidth from client to server
 * @param lossRate              probability that a segment is lost, in [0, 1)
 * @param initialWindowSegments each TCP connection's initial congestion window, both ways, in segments
 *                              of 1460 bytes (1 to 1000; {@value #DEFAULT_INITIAL_WINDOW_SEGMENTS} by default,
 *                              RFC 6928). Neither knob applies to UDP (h3): QUIC's window and handshake are its own
 * @param synRto                the SYN retransmission timeout: when not zero, each new TCP connection's SYN
 *                              and SYN-ACK are lost with {@code lossRate} too, and each loss delays the
 *                              connection by this timeout, doubled per retry; {@link Duration#ZERO}
 *                              (the default) never loses a handshake
 */
public record LinkProfile(String name, Duration rtt, long downBitsPerSecond, long upBitsPerSecond, double lossRate,
                          int initialWindowSegments, Duration synRto) {

    private static final long KBIT = 1_000L;
    private static final long MBIT = 1_000_000L;
    private static final long GBIT = 1_000_000_000L;

    /** The longest round trip a link may have: longer is a typo, and would overflow nanosecond arithmetic sooner or later. */
    public static final Duration MAX_RTT = Duration.ofHours(1);
    /** The slowest rate: below it a single segment would take over ten seconds. */
    public static final long MIN_BITS_PER_SECOND = KBIT;
    /** The fastest rate: far beyond anything loopback can carry. */
    public static final long MAX_BITS_PER_SECOND = 1_000 * GBIT;
    /** TCP's initial window since RFC 6928 (2013), and Linux's since 2.6.39: 10 segments. */
    public static final int DEFAULT_INITIAL_WINDOW_SEGMENTS = 10;
    /** The largest initial window: far beyond any stack's, and still a few MB of window. */
    public static final int MAX_INITIAL_WINDOW_SEGMENTS = 1_000;
    /** The longest SYN timeout: twenty times Linux's one second; longer is a typo. */
    public static final Duration MAX_SYN_RTO = Duration.ofSeconds(60);

    // cable, 4g and 3g are WebPageTest's Cable, LTE and 3GFast presets (its faster 4G and 3G, so that
    // the default suite stays fast); lan, lossy-4g and satellite are ours.
    private static final Map<String, LinkProfile> NAMED = namedProfiles();

    public LinkProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("link profile name must not be blank: '" + name + "'");
        }
        Objects.requireNonNull(rtt, "rtt");
        if (rtt.isNegative() || rtt.compareTo(MAX_RTT) > 0) {
            throw new IllegalArgumentException("link rtt must be from 0 to 1 h: " + rtt);
        }
        checkRate("downBitsPerSecond", downBitsPerSecond);
        checkRate("upBitsPerSecond", upBitsPerSecond);
        if (!(lossRate >= 0 && lossRate < 1)) {
            throw new IllegalArgumentException("link lossRate must be in [0, 1): " + lossRate);
        }
        if (initialWindowSegments < 1 || initialWindowSegments > MAX_INITIAL_WINDOW_SEGMENTS) {
            throw new IllegalArgumentException("link initialWindowSegments must be from 1 to " + MAX_INITIAL_WINDOW_SEGMENTS
                    + ": " + initialWindowSegments);
        }
        Objects.requireNonNull(synRto, "synRto");
        if (synRto.isNegative() || synRto.compareTo(MAX_SYN_RTO) > 0) {
            throw new IllegalArgumentException("link synRto must be from 0 to 60 s: " + synRto);
        }
    }

    /** A link with TCP's default initial window and handshakes that are never lost. */
    public LinkProfile(String name, Duration rtt, long downBitsPerSecond, long upBitsPerSecond, double lossRate) {
        this(name, rtt, downBitsPerSecond, upBitsPerSecond, lossRate, DEFAULT_INITIAL_WINDOW_SEGMENTS, Duration.ZERO);
    }

    /** The named profiles, in a stable order: lan, cable, 4g, 3g, lossy-4g, satellite. */
    public static Map<String, LinkProfile> named() {
        return NAMED;
    }

    /**
     * A named profile ({@code cable}) or an explicit spec ({@code rtt=100ms,down=8mbit,up=2mbit,loss=0.01}).
     * In explicit specs {@code rtt} and {@code down} are required, {@code up} defaults to {@code down},
     * {@code loss} to 0, {@code iw} to 10 and {@code syn-rto} to 0 (off); each key may appear once.
     * Values must lie within bounds: rtt from 0 to 1 h, rates from 1 kbit to 1000 gbit per second,
     * loss at least 0 and below 1 (below 100%), iw a whole number from 1 to 1000, syn-rto from 0 to
     * 60 s. The name of an explicit profile is its canonical spec.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad part
     */
    public static LinkProfile parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw bad("empty link spec");
        }
        String trimmed = spec.trim();
        LinkProfile named = NAMED.get(trimmed.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        if (!trimmed.contains("=")) {
            throw bad("unknown link profile " + SpecParser.quoted(trimmed));
        }
        return SpecParser.parse(trimmed);
    }

    /**
     * The explicit spec that {@link #parse} turns back into these values, e.g. {@code rtt=28ms,down=5mbit,up=1mbit,loss=0}.
     * {@code iw} and {@code syn-rto} appear only when they are not the defaults, so that links named
     * before those keys existed keep their names (cell ids and labels hold them).
     */
    public String spec() {
        return "rtt=" + formatDuration(rtt) + ",down=" + formatRate(downBitsPerSecond) + ",up=" + formatRate(upBitsPerSecond)
                + ",loss=" + BigDecimal.valueOf(lossRate).stripTrailingZeros().toPlainString()
                + (initialWindowSegments == DEFAULT_INITIAL_WINDOW_SEGMENTS ? "" : ",iw=" + initialWindowSegments)
                + (synRto.isZero() ? "" : ",syn-rto=" + formatDuration(synRto));
    }

    /** The round-trip time in nanoseconds. */
    public long rttNanos() {
        return rtt.toNanos();
    }

    /** The SYN retransmission timeout in nanoseconds; 0 when handshakes are never lost. */
    public long synRtoNanos() {
        return synRto.toNanos();
    }

    /** The bandwidth-delay product of the faster direction, in bytes. */
    public long bandwidthDelayProductBytes() {
        long fastest = Math.max(downBitsPerSecond, upBitsPerSecond);
        return (long) (fastest / 8.0 * rtt.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return name.equals(spec()) ? name : name + " (" + spec() + ")";
    }

    private static void checkRate(String field, long bitsPerSecond) {
        if (bitsPerSecond < MIN_BITS_PER_SECOND || bitsPerSecond > MAX_BITS_PER_SECOND) {
            throw new IllegalArgumentException("link " + field + " must be from 1kbit to 1000gbit per second: " + bitsPerSecond);
        }
    }

    static IllegalArgumentException bad(String what) {
        return new IllegalArgumentException(what + "; use one of " + String.join(", ", NAMED.keySet())
                + " or rtt=100ms,down=8mbit,up=2mbit,loss=1%");
    }

    /** A duration as the spec writes it: whole seconds in {@code s}, anything else in {@code ms}. */
    static String formatDuration(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos % 1_000_000_000L == 0 && nanos != 0) {
            return nanos / 1_000_000_000L + "s";
        }
        return new BigDecimal(nanos).movePointLeft(6).stripTrailingZeros().toPlainString() + "ms";
    }

    static String formatRate(long bitsPerSecond) {
        long unit = bitsPerSecond >= GBIT ? GBIT : bitsPerSecond >= MBIT ? MBIT : KBIT;
        String suffix = unit == GBIT ? "gbit" : unit == MBIT ? "mbit" : "kbit";
        return BigDecimal.valueOf(bitsPerSecond).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString() + suffix;
    }

    private static Map<String, LinkProfile> namedProfiles() {
        Map<String, LinkProfile> map = new LinkedHashMap<>();
        add(map, "lan", 1, GBIT, GBIT, 0);
        add(map, "cable", 28, 5 * MBIT, MBIT, 0);
        add(map, "4g", 70, 12 * MBIT, 12 * MBIT, 0);
        add(map, "3g", 150, 1_600 * KBIT, 768 * KBIT, 0);
        add(map, "lossy-4g", 70, 12 * MBIT, 12 * MBIT, 0.02);
        add(map, "satellite", 600, 25 * MBIT, 3 * MBIT, 0);
        return Collections.unmodifiableMap(map);
    }

    private static void add(Map<String, LinkProfile> map, String name, long rttMillis, long down, long up, double loss) {
        map.put(name, new LinkProfile(name, Duration.ofMillis(rttMillis), down, up, loss));
    }
}
