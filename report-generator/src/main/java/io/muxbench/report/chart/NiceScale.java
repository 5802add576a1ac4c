package io.muxbench.report.chart;

import java.util.Locale;

/**
 * A linear axis from 0 (or a round minimum below it) to a round maximum, with round tick steps
 * (1, 2 or 5 times a power of ten).
 *
 * @param min  the axis minimum: 0, or at or below the data's minimum when that is negative
 * @param max  the axis maximum, at or above the data's maximum
 * @param step the distance between ticks
 */
record NiceScale(double min, double max, double step) {

    /** An axis from 0. */
    NiceScale(double max, double step) {
        this(0, max, step);
    }

    static NiceScale upTo(double dataMax, int ticks) {
        if (!(dataMax > 0) || !Double.isFinite(dataMax)) {
            return new NiceScale(1, 0.2);
        }
        double step = step(dataMax / ticks);
        return new NiceScale(Math.ceil(dataMax / step - 1e-9) * step, step);
    }

    /**
     * An axis that spans 0 and the data, for signed values (a gain that can be a loss); the same as
     * {@link #upTo} when nothing is negative.
     */
    static NiceScale spanning(double dataMin, double dataMax, int ticks) {
        double low = Double.isFinite(dataMin) ? Math.min(0, dataMin) : 0;
        double high = Double.isFinite(dataMax) ? Math.max(0, dataMax) : 0;
        if (!(low < 0)) {
            return upTo(high, ticks);
        }
        double step = step((high - low) / ticks);
        return new NiceScale(Math.floor(low / step + 1e-9) * step, Math.ceil(high / step - 1e-9) * step, step);
    }

    /** A round step near {@code rough}: 1, 2, 5 or 10 times its power of ten. */
    private static double step(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    int tickCount() {
        return (int) Math.round((max - min) / step) + 1;
    }

    double tick(int i) {
        double value = min + i * step;
        // min + i * step can miss 0 by a rounding error, which would print as "-0".
        return Math.abs(value) < step * 1e-9 ? 0 : value;
    }

    /** Where a value falls on the axis, from 0 (its minimum) to 1 (its maximum), values beyond it at the ends. */
    double fraction(double value) {
        return (Math.max(min, Math.min(value, max)) - min) / (max - min);
    }

    /** A tick label with no more decimals than the step needs. */
    String label(double value) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%" + (Math.abs(value) >= 10_000 ? "," : "") + "." + decimals + "f", value);
    }
}
