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
    void specRoundTrips() {
        for (LinkProfile named : LinkProfile.named().values()) {
            LinkProfile explicit = LinkProfile.parse(named.spec());
            assertEquals(named.spec(), explicit.name());
            assertEquals(named.rtt(), explicit.rtt());
            assertEquals(named.downBitsPerSecond(), explicit.downBitsPerSecond());
            assertEquals(named.upBitsPerSecond(), explicit.upBitsPerSecond());
            assertEquals(named.lossRate(), explicit.lossRate());
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
    }

    private static void assertBad(String spec, String mentioned) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinkProfile.parse(spec));
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
        assertTrue(e.getMessage().contains("lan, cable, 4g, 3g, lossy-4g, satellite"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}
