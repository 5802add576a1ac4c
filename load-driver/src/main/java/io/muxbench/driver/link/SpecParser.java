package io.muxbench.driver.link;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Parses explicit link specs such as {@code rtt=100ms,down=8mbit,up=2mbit,loss=1%,iw=4,syn-rto=3s}. Values are
 * checked against the bounds as exact decimals before they become longs, so no value can wrap
 * around into a plausible one.
 */
final class SpecParser {

    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000L);
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MAX_RTT_NANOS = BigDecimal.valueOf(LinkProfile.MAX_RTT.toNanos());
    private static final BigDecimal MAX_SYN_RTO_NANOS = BigDecimal.valueOf(LinkProfile.MAX_SYN_RTO.toNanos());
    private static final BigDecimal MAX_INITIAL_WINDOW = BigDecimal.valueOf(LinkProfile.MAX_INITIAL_WINDOW_SEGMENTS);
    private static final BigDecimal MIN_RATE = BigDecimal.valueOf(LinkProfile.MIN_BITS_PER_SECOND);
    private static final BigDecimal MAX_RATE = BigDecimal.valueOf(LinkProfile.MAX_BITS_PER_SECOND);
    /** Numbers beyond this many digits either side of the point are refused before any arithmetic on them. */
    private static final int MAX_MAGNITUDE_DIGITS = 30;
    /** How much of a bad input an error message repeats. */
    private static final int MAX_QUOTED_CHARS = 60;

    private SpecParser() {
    }

    static LinkProfile parse(String spec) {
        Duration rtt = null;
        Long down = null;
        Long up = null;
        double loss = 0;
        int initialWindow = LinkProfile.DEFAULT_INITIAL_WINDOW_SEGMENTS;
        Duration synRto = Duration.ZERO;
        Set<String> seen = new HashSet<>();
        for (String part : spec.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw LinkProfile.bad("bad link part " + quoted(part) + " in " + quoted(spec) + " (expected key=value)");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw LinkProfile.bad("link spec " + quoted(spec) + " gives " + quoted(key) + " twice");
            }
            switch (key) {
                case "rtt" -> rtt = duration(part, "rtt", value, MAX_RTT_NANOS, "1 h");
                case "down" -> down = rate(part, value);
                case "up" -> up = rate(part, value);
                case "loss" -> loss = loss(part, value);
                case "iw" -> initialWindow = initialWindow(part, value);
                case "syn-rto" -> synRto = duration(part, "syn-rto", value, MAX_SYN_RTO_NANOS, "60 s");
                default -> throw LinkProfile.bad("unknown link part " + quoted(part) + " in " + quoted(spec)
                        + " (keys: rtt, down, up, loss, iw, syn-rto)");
            }
        }
        if (rtt == null) {
            throw LinkProfile.bad("link spec " + quoted(spec) + " has no rtt=");
        }
        if (down == null) {
            throw LinkProfile.bad("link spec " + quoted(spec) + " has no down=");
        }
        LinkProfile values = new LinkProfile("explicit", rtt, down, up == null ? down : up, loss, initialWindow, synRto);
        return new LinkProfile(values.spec(), values.rtt(), values.downBitsPerSecond(), values.upBitsPerSecond(),
                values.lossRate(), values.initialWindowSegments(), values.synRto());
    }

    /** A duration in ms or s, at most {@code maxNanos} ({@code maxText} in the message). */
    private static Duration duration(String part, String key, String value, BigDecimal maxNanos, String maxText) {
        BigDecimal nanosPerUnit;
        String number;
        if (value.equals("0")) {
            return Duration.ZERO; // nothing to measure: no unit needed
        } else if (value.endsWith("ms")) {
            nanosPerUnit = NANOS_PER_MILLI;
            number = value.substring(0, value.length() - 2);
        } else if (value.endsWith("s")) {
            nanosPerUnit = NANOS_PER_SECOND;
            number = value.substring(0, value.length() - 1);
        } else {
            throw LinkProfile.bad("bad link part " + quoted(part) + " (" + key + " needs a unit: ms or s)");
        }
        BigDecimal nanos = number(part, number).multiply(nanosPerUnit);
        if (nanos.compareTo(maxNanos) > 0) {
            throw LinkProfile.bad("bad link part " + quoted(part) + " (" + key + " must be at most " + maxText + ")");
        }
        // Below a nanosecond is below what the emulator can schedule: drop it.
        return Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
    }

    private static long rate(String part, String value) {
        long unit;
        if (value.endsWith("gbit")) {
            unit = 1_000_000_000L;
        } else if (value.endsWith("mbit")) {
            unit = 1_000_000L;
        } else if (value.endsWith("kbit")) {
            unit = 1_000L;
        } else {
            throw LinkProfile.bad("bad link part " + quoted(part) + " (rates need a unit: kbit, mbit or gbit)");
        }
        BigDecimal bits = number(part, value.substring(0, value.length() - 4)).multiply(BigDecimal.valueOf(unit));
        if (bits.compareTo(MIN_RATE) < 0 || bits.compareTo(MAX_RATE) > 0) {
            throw LinkProfile.bad("bad link part " + quoted(part) + " (rate must be from 1kbit to 1000gbit)");
        }
        return bits.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private static double loss(String part, String value) {
        boolean percent = value.endsWith("%");
        BigDecimal number = number(part, percent ? value.substring(0, value.length() - 1) : value);
        BigDecimal fraction = percent ? number.movePointLeft(2) : number;
        if (fraction.compareTo(BigDecimal.ONE) >= 0) {
            throw LinkProfile.bad("bad link part " + quoted(part) + " (loss must be below 1, that is below 100%)");
        }
        double rate = fraction.doubleValue();
        if (rate >= 1) {
            throw LinkProfile.bad("bad link part " + quoted(part) + " (loss rounds to 1: must be below 1, that is below 100%)");
        }
        return rate;
    }

    /** A whole number of segments from 1 to 1000 ({@code 4}, or {@code 4.0}: the same number). */
    private static int initialWindow(String part, String value) {
        BigDecimal segments = number(part, value);
        if (segments.signum() == 0 || segments.scale() > 0 || segments.compareTo(MAX_INITIAL_WINDOW) > 0) {
            throw LinkProfile.bad("bad link part " + quoted(part) + " (iw must be a whole number of segments from 1 to "
                    + LinkProfile.MAX_INITIAL_WINDOW_SEGMENTS + ")");
        }
        return segments.intValueExact();
    }

    /** A non-negative decimal of sane magnitude, so that the arithmetic on it stays exact and cheap. */
    private static BigDecimal number(String part, String number) {
        BigDecimal value;
        try {
            value = new BigDecimal(number.trim()).stripTrailingZeros();
        } catch (NumberFormatException e) {
            throw LinkProfile.bad("bad link part " + quoted(part) + " (not a number)");
        }
        if (value.signum() < 0) {
            throw LinkProfile.bad("bad link part " + quoted(part) + " (must not be negative)");
        }
        // Digits before the point (precision - scale), and digits after it (scale), both bounded.
        long integerDigits = (long) value.precision() - value.scale();
        if (value.signum() != 0 && (integerDigits > MAX_MAGNITUDE_DIGITS || value.scale() > MAX_MAGNITUDE_DIGITS)) {
            throw LinkProfile.bad("bad link part " + quoted(part) + " (number out of range)");
        }
        return value;
    }

    /**
     * {@code input} in single quotes, shortened, with control characters escaped, so that an error
     * message stays one readable line whatever was typed.
     */
    static String quoted(String input) {
        StringBuilder out = new StringBuilder("'");
        int shown = Math.min(input.length(), MAX_QUOTED_CHARS);
        for (int i = 0; i < shown; i++) {
            char c = input.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(input.length() > shown ? "...'" : "'").toString();
    }
}
