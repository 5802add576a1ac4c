package io.muxbench.driver.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkProfileTest {

    @Test
    void namedProfilesHaveTheDocumentedValues() {
        assertEquals(List.of("lan", "cable", "4g", "3g", "lossy-4g", "satellite"), List.copyOf(LinkProfile.named().keySet()));
        assertEquals(new LinkProfile("cable", Duration.ofMillis(28), 5_000_000, 1_000_000, 0), LinkProfile.parse("cable"));
        assertEquals(new LinkProfile("3g", Duration.ofMillis(150), 1_600_000, 768_000, 0), LinkProfile.parse("3g"));
        assertEquals(0.02, LinkProfile.parse("lossy-4g").lossRate());
        assertSame(LinkProfile.named().get("satellite"), LinkProfile.parse(" Satellite "));
    }

    @Test
    void parsesExplicitSpecsIntoTheirCanonicalName() {
        LinkProfile profile = LinkProfile.parse("rtt=100ms,down=8mbit,up=2mbit,loss=0.01");
        assertEquals(new LinkProfile("rtt=100ms,down=8mbit,up=2mbit,loss=0.01", Duration.ofMillis(100), 8_000_000, 2_000_000, 0.01),
                profile);
        assertEquals("rtt=1500ms,down=1.6mbit,up=1.6mbit,loss=0.025", LinkProfile.parse("down=1600kbit, rtt=1.5s, loss=2.5%").name());
        assertEquals("rtt=0.5ms,down=1gbit,up=512kbit,loss=0", LinkProfile.parse("rtt=0.5ms,down=1gbit,up=0.512mbit").name());
    }

    @Test
    void initialWindowAndSynTimeoutAppearInTheNameOnlyWhenNotTheDefaults() {
        LinkProfile spdy = LinkProfile.parse("rtt=28ms,down=4mbit,up=1mbit,loss=1%,iw=4,syn-rto=3s");
        assertEquals("rtt=28ms,down=4mbit,up=1mbit,loss=0.01,iw=4,syn-rto=3s", spdy.name());
        assertEquals(4, spdy.initialWindowSegments());
        assertEquals(Duration.ofSeconds(3), spdy.synRto());
        assertEquals(3_000_000_000L, spdy.synRtoNanos());
        assertEquals("rtt=28ms,down=4mbit,up=1mbit,loss=0,syn-rto=1500ms",
                LinkProfile.parse("syn-rto=1.5s,rtt=28ms,down=4mbit,up=1mbit").name());
        assertEquals("rtt=28ms,down=4mbit,up=4mbit,loss=0,iw=1", LinkProfile.parse("rtt=28ms,down=4mbit,IW=1").name());
        // The defaults given explicitly name the same link as before these keys existed (cell ids hold the name).
        for (String defaults : new String[] {"iw=10", "syn-rto=0", "syn-rto=0s", "syn-rto=0ms", "iw=10.0,syn-rto=0s"}) {
            LinkProfile profile = LinkProfile.parse("rtt=28ms,down=5mbit,up=1mbit," + defaults);
            assertEquals("rtt=28ms,down=5mbit,up=1mbit,loss=0", profile.name(), defaults);
            assertEquals(LinkProfile.parse("rtt=28ms,down=5mbit,up=1mbit"), profile, defaults);
        }
    }

    @Test
    void theFiveArgumentConstructorGivesTheDefaults() {
        LinkProfile profile = new LinkProfile("cable", Duration.ofMillis(28), 5_000_000, 1_000_000, 0);
        assertEquals(LinkProfile.DEFAULT_INITIAL_WINDOW_SEGMENTS, profile.initialWindowSegments());
        assertEquals(10, profile.initialWindowSegments());
        assertEquals(Duration.ZERO, profile.synRto());
        for (LinkProfile named : LinkProfile.named().values()) {
            assertEquals(10, named.initialWindowSegments(), named.name());
            assertTrue(named.synRto().isZero(), named.name());
        }
        assertEquals("rtt=28ms,down=5mbit,up=1mbit,loss=0", LinkProfile.parse("cable").spec());
    }

    @Test
    void synTimeoutWithoutLossIsAllowedAndNamed() {
        // No effect without loss, but refusing it would break a sweep over loss that keeps syn-rto.
        LinkProfile profile = LinkProfile.parse("rtt=28ms,down=4mbit,syn-rto=3s");
        assertEquals(0, profile.lossRate());
        assertEquals("rtt=28ms,down=4mbit,up=4mbit,loss=0,syn-rto=3s", profile.name());
    }

    @Test
    void badInitialWindowsAndSynTimeoutsNameThePart() {
        assertBad("rtt=5ms,down=1mbit,iw=0", "'iw=0' (iw must be a whole number of segments from 1 to 1000)");
        assertBad("rtt=5ms,down=1mbit,iw=1001", "'iw=1001' (iw must be a whole number of segments from 1 to 1000)");
        assertBad("rtt=5ms,down=1mbit,iw=4.5", "'iw=4.5' (iw must be a whole number");
        assertBad("rtt=5ms,down=1mbit,iw=-4", "'iw=-4' (must not be negative)");
        assertBad("rtt=5ms,down=1mbit,iw=four", "'iw=four' (not a number)");
        assertBad("rtt=5ms,down=1mbit,iw=1e400", "'iw=1e400' (number out of range)");
        assertBad("rtt=5ms,down=1mbit,syn-rto=3", "'syn-rto=3' (syn-rto needs a unit: ms or s)");
        assertBad("rtt=5ms,down=1mbit,syn-rto=61s", "'syn-rto=61s' (syn-rto must be at most 60 s)");
        assertBad("rtt=5ms,down=1mbit,syn-rto=-1s", "'syn-rto=-1s' (must not be negative)");
        assertBad("rtt=5ms,down=1mbit,iw=4,iw=4", "gives 'iw' twice");
        assertBad("rtt=5ms,down=1mbit,syn-rto=1s,SYN-RTO=1s", "gives 'syn-rto' twice");
        assertBad("rtt=5ms,down=1mbit,synrto=1s", "(keys: rtt, down, up, loss, iw, syn-rto)");
        assertBad("rtt=5ms,down=1mbit,cwnd=4", "(keys: rtt, down, up, loss, iw, syn-rto)");
    }

    @Test
    void acceptsTheBoundsOfTheNewKeys() {
        assertEquals(1, LinkProfile.parse("rtt=5ms,down=1mbit,iw=1").initialWindowSegments());
        assertEquals(1000, LinkProfile.parse("rtt=5ms,down=1mbit,iw=1e3").initialWindowSegments());
        assertEquals(LinkProfile.MAX_SYN_RTO, LinkProfile.parse("rtt=5ms,down=1mbit,syn-rto=60000ms").synRto());
        assertEquals("rtt=5ms,down=1mbit,up=1mbit,loss=0,iw=1000,syn-rto=60s",
                LinkProfile.parse("rtt=5ms,down=1mbit,iw=1000,syn-rto=60s").name());
    }

    @Test
    void specRoundTrips() {
        for (LinkProfile named : LinkProfile.named().values()) {
            LinkProfile explicit = LinkProfile.parse(named.spec());
            assertEquals(named.spec(), explicit.name());
            assertEquals(named.rtt(), explicit.rtt());
            assertEquals(named.downBitsPerSecond(), explicit.downBitsPerSecond());
            assertEquals(named.upBitsPerSecond(), explicit.upBitsPerSecond());
            assertEquals(named.lossRate(), explicit.lossRate());
        }
        for (String spec : new String[] {"rtt=28ms,down=4mbit,up=1mbit,loss=0.01,iw=4,syn-rto=3s",
                "rtt=1ms,down=1gbit,up=1gbit,loss=0,iw=1", "rtt=1ms,down=1gbit,up=1gbit,loss=0.5,syn-rto=0.25ms"}) {
            LinkProfile profile = LinkProfile.parse(spec);
            assertEquals(spec, profile.spec());
            assertEquals(profile, LinkProfile.parse(profile.spec()));
        }
    }

    @Test
    void badSpecsNameTheBadPartAndListTheProfiles() {
        assertBad("dialup", "unknown link profile 'dialup'");
        assertBad("rtt=100,down=8mbit", "rtt=100");
        assertBad("rtt=100ms,down=8mb", "down=8mb");
        assertBad("rtt=100ms,down=8mbit,loss=100%", "loss=100%");
        assertBad("rtt=100ms,down=8mbit,loss=-0.1", "loss=-0.1");
        assertBad("rtt=100ms,down=0mbit", "down=0mbit");
        assertBad("rtt=100ms,up=8mbit", "has no down=");
        assertBad("rtt=100ms,down=8mbit,jitter=5ms", "jitter=5ms");
        assertBad("rtt=abcms,down=8mbit", "rtt=abcms");
        assertBad("", "empty");
    }

    @Test
    void refusesValuesThatWouldOverflowOrLieOutsideTheBounds() {
        // Each once ran as something else: 1e400ms as 0 ms, the next two as 28 ms and 5 mbit.
        assertBad("rtt=1e400ms,down=1mbit", "rtt=1e400ms");
        assertBad("rtt=18446744073737.551616ms,down=1mbit", "at most 1 h");
        assertBad("rtt=5ms,down=18446744073714.551616mbit", "from 1kbit to 1000gbit");
        assertBad("rtt=10000000000s,down=1mbit", "at most 1 h");
        assertBad("rtt=3600.000000001s,down=1mbit", "at most 1 h");
        assertBad("rtt=5ms,down=1001gbit", "from 1kbit to 1000gbit");
        assertBad("rtt=5ms,down=0.999kbit", "from 1kbit to 1000gbit");
        assertBad("rtt=5ms,down=0.0001kbit", "down=0.0001kbit");
        assertBad("rtt=5ms,down=1mbit,up=0mbit", "up=0mbit");
        assertBad("rtt=5ms,down=1e-99999999999mbit", "not a number");
        assertBad("rtt=5ms,down=1e-999999999mbit", "out of range");
        assertBad("rtt=5ms,down=1mbit,loss=NaN", "not a number");
        assertBad("rtt=5ms,down=1mbit,loss=0.99999999999999999999", "loss rounds to 1");
    }

    @Test
    void refusesAKeyGivenTwice() {
        assertBad("rtt=5ms,rtt=6ms,down=1mbit", "gives 'rtt' twice");
        assertBad("rtt=5ms,down=1mbit,DOWN=2mbit", "gives 'down' twice");
        assertBad("rtt=5ms,down=1mbit,loss=0,loss=0", "gives 'loss' twice");
    }

    @Test
    void lossOfAHundredPercentIsRefusedWithAMessageThatAgreesWithItself() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinkProfile.parse("rtt=5ms,down=1mbit,loss=100%"));
        assertTrue(e.getMessage().startsWith("bad link part 'loss=100%' (loss must be below 1, that is below 100%)"), e.getMessage());
    }

    @Test
    void acceptsTheBoundsThemselves() {
        LinkProfile widest = LinkProfile.parse("rtt=3600s,down=1000gbit,up=1kbit,loss=99.9%");
        assertEquals(LinkProfile.MAX_RTT, widest.rtt());
        assertEquals(LinkProfile.MAX_BITS_PER_SECOND, widest.downBitsPerSecond());
        assertEquals(LinkProfile.MIN_BITS_PER_SECOND, widest.upBitsPerSecond());
        assertEquals(0.999, widest.lossRate());
        assertEquals(Duration.ZERO, LinkProfile.parse("rtt=0ms,down=1mbit").rtt());
        assertEquals(0, LinkProfile.parse("rtt=0e-2147483647ms,down=1mbit,loss=0e-2147483647%").lossRate());
    }

    @Test
    void errorMessagesStayOneShortLineWhateverTheInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinkProfile.parse("rtt=5ms\n,down=1mbit\r\u2028,x=" + "y".repeat(10_000)));
        assertTrue(e.getMessage().lines().count() == 1, e.getMessage());
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @Test
    void constructorRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile("x", Duration.ofMillis(-1), 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile("x", Duration.ZERO, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile("x", Duration.ZERO, 1, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile(" ", Duration.ZERO, 1_000, 1_000, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile("x", Duration.ofMinutes(61), 1_000, 1_000, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile("x", Duration.ZERO, 1_000, 999, 0));
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile("x", Duration.ZERO, Long.MAX_VALUE, 1_000, 0));
        Duration zero = Duration.ZERO;
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile("x", zero, 1_000, 1_000, 0, 0, zero));
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile("x", zero, 1_000, 1_000, 0, 1001, zero));
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile("x", zero, 1_000, 1_000, 0, 10, Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> new LinkProfile("x", zero, 1_000, 1_000, 0, 10, Duration.ofSeconds(61)));
        assertThrows(NullPointerException.class, () -> new LinkProfile("x", zero, 1_000, 1_000, 0, 10, null));
    }

    private static void assertBad(String spec, String mentioned) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinkProfile.parse(spec));
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
        assertTrue(e.getMessage().contains("lan, cable, 4g, 3g, lossy-4g, satellite"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
