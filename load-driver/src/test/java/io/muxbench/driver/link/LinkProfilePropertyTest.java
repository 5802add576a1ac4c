package io.muxbench.driver.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Random link specs: {@link LinkProfile#parse} either returns a profile within every bound, or
 * refuses with an {@link IllegalArgumentException} of one line; never anything else. Jazzer builds
 * the specs from its input; parsing is pure computation on bounded numbers, so each input is quick.
 */
class LinkProfilePropertyTest {

    private static final List<String> KEYS = List.of("rtt", "down", "up", "loss", "iw", "syn-rto", "RTT", " down ", "jitter", "",
            "rtt ", "IW", "syn-rto ");
    private static final List<String> ODD_NUMBERS = List.of("0", "1", "-1", "0.5", "1e400", "1e-400",
            "18446744073737.551616", "NaN", "", "abc", "9223372036854775807", "9223372036854775808", "3600",
            "0e-2147483647", "1e2147483647", ".5", "5.");
    private static final List<String> UNITS = List.of("ms", "s", "kbit", "mbit", "gbit", "%", "", "h", "MBIT", "bit");
    private static final List<String> TOKENS = List.of("rtt=", "down=", "up=", "loss=", "iw=", "syn-rto=", ",", "=", "ms",
            "mbit", "%", "\n", "\u2028", "1", "0", "e", "-", ".", " ", "cable", "lan");
    private static final List<String> SHORT_SPECS = List.of("", " ", ",", "=", "lan", "rtt=1ms,down=1kbit");
    private static final long MAX_THOUSANDTHS = 1_000_000_000_000_000L; // 1e12 with three decimals

    @FuzzTest(maxDuration = "5s")
    void nearlyValidSpecsParseWithinBoundsOrAreRefusedInOneLine(FuzzedDataProvider data) {
        check(nearlyValidSpec(data));
    }

    @FuzzTest(maxDuration = "5s")
    void arbitraryStringsParseWithinBoundsOrAreRefusedInOneLine(FuzzedDataProvider data) {
        check(anyString(data));
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
        assertTrue(profile.initialWindowSegments() >= 1
                && profile.initialWindowSegments() <= LinkProfile.MAX_INITIAL_WINDOW_SEGMENTS, profile::toString);
        assertFalse(profile.synRto().isNegative(), profile::toString);
        assertTrue(profile.synRto().compareTo(LinkProfile.MAX_SYN_RTO) <= 0, profile::toString);
        // An explicit profile's name is a spec that gives the same profile back.
        if (profile.name().contains("=")) {
            assertEquals(profile, LinkProfile.parse(profile.name()));
        }
    }

    /** Up to six {@code key=number unit} parts: keys and units mostly right, numbers often odd. */
    private static String nearlyValidSpec(FuzzedDataProvider data) {
        List<String> parts = new ArrayList<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            String number = switch (data.consumeInt(0, 2)) {
                case 0 -> data.pickValue(ODD_NUMBERS);
                case 1 -> BigDecimal.valueOf(data.consumeLong(-MAX_THOUSANDTHS, MAX_THOUSANDTHS), 3).toPlainString();
                default -> String.valueOf(data.consumeDouble());
            };
            parts.add(data.pickValue(KEYS) + "=" + number + data.pickValue(UNITS));
        }
        return String.join(",", parts);
    }

    /** Any text of up to 80 characters, a run of spec tokens, or one of a few short specs. */
    private static String anyString(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 2)) {
            case 0 -> data.consumeString(80);
            case 1 -> tokens(data);
            default -> data.pickValue(SHORT_SPECS);
        };
    }

    private static String tokens(FuzzedDataProvider data) {
        StringBuilder text = new StringBuilder();
        int count = data.consumeInt(0, 20);
        for (int i = 0; i < count; i++) {
            text.append(data.pickValue(TOKENS));
        }
        return text.toString();
    }
}
