package io.muxbench.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Durations on the command line: {@code 250ms}, {@code 2s}, {@code 1m}, or ISO-8601 ({@code PT2S}). */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

    @Override
    public Duration convert(String value) {
        Matcher m = SIMPLE.matcher(value.trim());
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofNanos((long) (amount * 1e6));
                case "s" -> Duration.ofNanos((long) (amount * 1e9));
                default -> Duration.ofNanos((long) (amount * 60e9));
            };
        }
        try {
            return Duration.parse(value);
        } catch (RuntimeException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (use e.g. 250ms, 2s, 1m)");
        }
    }
}
