package io.muxbench.report.chart;

import java.util.Locale;

/**
 * A linear axis from 0 to a round maximum, with round tick steps (1, 2 or 5 times a power of ten).
 *
 * @param max  the axis maximum, at or above the data's maximum
 * @param step the distance between ticks
 */
record NiceScale(double max, double step) {

    static NiceScale upTo(double dataMax, int ticks) {
        if (!(dataMax > 0) || !Double.isFinite(dataMax)) {
            return new NiceScale(1, 0.2);
        }
        double rough = dataMax / ticks;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        double step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
        return new NiceScale(Math.ceil(dataMax / step - 1e-9) * step, step);
    }

    int tickCount() {
        return (int) Math.round(max / step) + 1;
    }

    double tick(int i) {
        return i * step;
    }

    /** A tick label with no more decimals than the step needs. */
    String label(double value) {
        int decimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step) - 1e-9);
        return String.format(Locale.ROOT, "%" + (value >= 10_000 ? "," : "") + "." + decimals + "f", value);
    }
}
