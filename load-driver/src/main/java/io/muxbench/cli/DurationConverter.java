package io.muxbench.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Durations on the command line: {@code 250ms}, {@code 2s}, {@code 1m}, {@code 1h}, ISO-8601
 * ({@code PT2S}), or a bare {@code 0}.
 */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        if (value.trim().equals("0")) {
            return Duration.ZERO; // "none", whatever the unit
        }
        Matcher m = SIMPLE.matcher(value.trim());
        if (m.matches()) {
            double nanos = Double.parseDouble(m.group(1)) * switch (m.group(2)) {
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            if (nanos > Long.MAX_VALUE) { // a cast would saturate to 292 years; RunConfig bounds the rest
                throw new CommandLine.TypeConversionException("'" + value + "' is far too long (at most 24h)");
            }
            return Duration.ofNanos((long) nanos);
        }
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (use e.g. 250ms, 2s, 1m, 1h)");
        }
    }
}
