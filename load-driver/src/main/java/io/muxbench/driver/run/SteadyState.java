package io.muxbench.driver.run;

/**
 * Decides when warming up is over, JMH's lesson: a JIT-compiled client gets cheaper per request for
 * a while after it starts, and measuring before it stops getting cheaper measures the interpreter.
 * Given the CPU per request of consecutive windows of equal length, it is steady once the best of
 * the last {@code hold} windows is no more than {@code tolerance} below the best of every window
 * before them: the cost has stopped falling.
 *
 * <pre>{@code
 * SteadyState steady = new SteadyState(3, 0.05);
 * while (!steady.add(costOfNextWindow()) && withinBudget()) { }
 * }</pre>
 */
public final class SteadyState {

    private final int hold;
    private final double tolerance;
    private final double[] recent;
    private int windows;
    private double bestBefore = Double.POSITIVE_INFINITY;

    public SteadyState(int hold, double tolerance) {
        if (hold < 1) {
            throw new IllegalArgumentException("hold must be at least 1, got " + hold);
        }
        if (!(tolerance >= 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in [0, 1), got " + tolerance);
        }
        this.hold = hold;
        this.tolerance = tolerance;
        this.recent = new double[hold];
    }

    /**
     * Adds the next window's cost (any unit, lower is better; NaN for a window that completed
     * nothing) and says whether the cost has stopped falling.
     */
    public boolean add(double cost) {
        if (windows >= hold) {
            // The oldest of the recent windows moves into "before".
            bestBefore = Math.min(bestBefore, recent[windows % hold]);
        }
        recent[windows % hold] = Double.isNaN(cost) ? Double.POSITIVE_INFINITY : cost;
        windows++;
        if (windows <= hold || bestBefore == Double.POSITIVE_INFINITY) {
            return false;
        }
        double bestRecent = Double.POSITIVE_INFINITY;
        for (double c : recent) {
            bestRecent = Math.min(bestRecent, c);
        }
        return bestRecent != Double.POSITIVE_INFINITY && bestRecent >= (1 - tolerance) * bestBefore;
    }

    /** Windows added so far. */
    public int windows() {
        return windows;
    }
}
