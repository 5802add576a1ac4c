package io.muxbench.driver.link;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** Parses explicit link specs such as {@code rtt=100ms,down=8mbit,up=2mbit,loss=1%}. */
final class SpecParser {

    private SpecParser() {
    }

    static LinkProfile parse(String spec) {
        Duration rtt = null;
        Long down = null;
        Long up = null;
        double loss = 0;
        for (String part : spec.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw LinkProfile.bad("bad link part '" + part + "' in '" + spec + "' (expected key=value)");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
            switch (key) {
                case "rtt" -> rtt = duration(part, value);
                case "down" -> down = rate(part, value);
                case "up" -> up = rate(part, value);
                case "loss" -> loss = loss(part, value);
                default -> throw LinkProfile.bad("unknown link part '" + part + "' in '" + spec + "' (keys: rtt, down, up, loss)");
            }
        }
        if (rtt == null) {
            throw LinkProfile.bad("link spec '" + spec + "' has no rtt=");
        }
        if (down == null) {
            throw LinkProfile.bad("link spec '" + spec + "' has no down=");
        }
        LinkProfile values = new LinkProfile("explicit", rtt, down, up == null ? down : up, loss);
        return new LinkProfile(values.spec(), values.rtt(), values.downBitsPerSecond(), values.upBitsPerSecond(), values.lossRate());
    }

    private static Duration duration(String part, String value) {
        BigDecimal nanosPerUnit;
        String number;
        if (value.endsWith("ms")) {
            nanosPerUnit = BigDecimal.valueOf(1_000_000L);
            number = value.substring(0, value.length() - 2);
        } else if (value.endsWith("s")) {
            nanosPerUnit = BigDecimal.valueOf(1_000_000_000L);
            number = value.substring(0, value.length() - 1);
        } else {
            throw LinkProfile.bad("bad link part '" + part + "' (rtt needs a unit: ms or s)");
        }
        BigDecimal nanos = number(part, number).multiply(nanosPerUnit);
        return Duration.ofNanos(nanos.longValue());
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
            throw LinkProfile.bad("bad link part '" + part + "' (rates need a unit: kbit, mbit or gbit)");
        }
        long bits = number(part, value.substring(0, value.length() - 4)).multiply(BigDecimal.valueOf(unit)).longValue();
        if (bits <= 0) {
            throw LinkProfile.bad("bad link part '" + part + "' (rate must be positive)");
        }
        return bits;
    }

    private static double loss(String part, String value) {
        boolean percent = value.endsWith("%");
        BigDecimal number = number(part, percent ? value.substring(0, value.length() - 1) : value);
        double fraction = percent ? number.movePointLeft(2).doubleValue() : number.doubleValue();
        if (!(fraction >= 0 && fraction < 1)) {
            throw LinkProfile.bad("bad link part '" + part + "' (loss must be at least 0 and below 1, or 100%)");
        }
        return fraction;
    }

    private static BigDecimal number(String part, String number) {
        try {
            BigDecimal value = new BigDecimal(number.trim());
            if (value.signum() < 0) {
                throw LinkProfile.bad("bad link part '" + part + "' (must not be negative)");
            }
            return value;
        } catch (NumberFormatException e) {
            throw LinkProfile.bad("bad link part '" + part + "' (not a number)");
        }
    }
}
