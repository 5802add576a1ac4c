package io.muxbench.driver.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random link specs: {@link LinkProfile#parse} either returns a profile within every bound, or
 * refuses with an {@link IllegalArgumentException} of one line; never anything else. (jqwik ignores
 * JUnit's {@code @Timeout}; parsing is pure computation on bounded numbers, so the tries bound the time.)
 */
class LinkProfilePropertyTest {

    @Property(tries = 1000)
    void nearlyValidSpecsParseWithinBoundsOrAreRefusedInOneLine(@ForAll("nearlyValidSpecs") String spec) {
        check(spec);
    }

    @Property(tries = 500)
    void arbitraryStringsParseWithinBoundsOrAreRefusedInOneLine(@ForAll("anyStrings") String spec) {
        check(spec);
    }

    private static void check(String spec) {
        LinkProfile profile;
        try {
            profile = LinkProfile.parse(spec);
        } catch (IllegalArgumentException e) {
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertFalse(e.getMessage().isBlank());
            return;
        }
        assertFalse(profile.rtt().isNegative(), profile::toString);
        assertTrue(profile.rtt().compareTo(LinkProfile.MAX_RTT) <= 0, profile::toString);
        for (long rate : new long[] {profile.downBitsPerSecond(), profile.upBitsPerSecond()}) {
            assertTrue(rate >= LinkProfile.MIN_BITS_PER_SECOND && rate <= LinkProfile.MAX_BITS_PER_SECOND, profile::toString);
        }
        assertTrue(profile.lossRate() >= 0 && profile.lossRate() < 1, profile::toString);
        // An explicit profile's name is a spec that gives the same profile back.
        if (profile.name().contains("=")) {
            assertEquals(profile, LinkProfile.parse(profile.name()));
        }
    }

    @Provide
    Arbitrary<String> nearlyValidSpecs() {
        Arbitrary<String> key = Arbitraries.of("rtt", "down", "up", "loss", "RTT", " down ", "jitter", "", "rtt ");
        Arbitrary<String> number = Arbitraries.oneOf(
                Arbitraries.of("0", "1", "-1", "0.5", "1e400", "1e-400", "18446744073737.551616", "NaN", "", "abc",
                        "9223372036854775807", "9223372036854775808", "3600", "0e-2147483647", "1e2147483647", ".5", "5."),
                Arbitraries.bigDecimals().ofScale(3).between(new java.math.BigDecimal("-1e12"), new java.math.BigDecimal("1e12"))
                        .map(java.math.BigDecimal::toPlainString),
                Arbitraries.doubles().map(String::valueOf));
        Arbitrary<String> unit = Arbitraries.of("ms", "s", "kbit", "mbit", "gbit", "%", "", "h", "MBIT", "bit");
        Arbitrary<String> part = Combinators.combine(key, number, unit).as((k, n, u) -> k + "=" + n + u);
        return part.list().ofMinSize(0).ofMaxSize(6).map(parts -> String.join(",", parts));
    }

    @Provide
    Arbitrary<String> anyStrings() {
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(80);
        Arbitrary<String> tokens = Arbitraries.of("rtt=", "down=", "up=", "loss=", ",", "=", "ms", "mbit", "%", "\n", "\u2028",
                        "1", "0", "e", "-", ".", " ", "cable", "lan")
                .list().ofMaxSize(20).map(list -> String.join("", list));
        return Arbitraries.oneOf(noise, tokens, Arbitraries.of(List.of("", " ", ",", "=", "lan", "rtt=1ms,down=1kbit")));
    }
}
