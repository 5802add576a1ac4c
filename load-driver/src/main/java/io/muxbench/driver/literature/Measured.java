package io.muxbench.driver.literature;

import io.muxbench.results.literature.Literature;
import java.util.List;
import java.util.Locale;

/**
 * A study's measured points, with the arithmetic its checks share: the baseline's and the compared
 * mode's mean page-load times, the gain at each point, and least-squares fits.
 *
 * <pre>{@code
 * Measured m = new Measured(points, "h1", "h2");
 * m.gain(0);           // percent, at the first point
 * m.slope(m.gains());  // percentage points per unit of x
 * }</pre>
 */
final class Measured {

    private final List<Literature.Point> points;
    private final String baseline;
    private final String compared;

    Measured(List<Literature.Point> points, String baseline, String compared) {
        this.points = List.copyOf(points);
        this.baseline = baseline;
        this.compared = compared;
    }

    int size() {
        return points.size();
    }

    String label(int i) {
        return points.get(i).label();
    }

    double x(int i) {
        return points.get(i).x();
    }

    /** The mean page-load time of {@code mode} at point {@code i}, in ms. */
    double mean(String mode, int i) {
        return points.get(i).byMode().get(mode).meanMs();
    }

    double baseline(int i) {
        return mean(baseline, i);
    }

    double compared(int i) {
        return mean(compared, i);
    }

    String baselineMode() {
        return baseline;
    }

    String comparedMode() {
        return compared;
    }

    /** The median request latency of {@code mode} at point {@code i}, in ms. */
    double requestMedian(String mode, int i) {
        return points.get(i).byMode().get(mode).requestP50Ms();
    }

    long sent(String mode, int i) {
        return points.get(i).byMode().get(mode).sentBytesPerPageLoad();
    }

    /** The compared mode's gain over the baseline at point {@code i}, in percent. */
    double gain(int i) {
        return points.get(i).gainPercent();
    }

    double[] gains() {
        double[] gains = new double[size()];
        for (int i = 0; i < gains.length; i++) {
            gains[i] = gain(i);
        }
        return gains;
    }

    double[] means(String mode) {
        double[] means = new double[size()];
        for (int i = 0; i < means.length; i++) {
            means[i] = mean(mode, i);
        }
        return means;
    }

    /** The least-squares slope of {@code y} against the points' x. */
    double slope(double[] y) {
        return fit(xs(), y)[0];
    }

    /** The coefficient of determination of the least-squares line through {@code y} against x. */
    double rSquared(double[] y) {
        return fit(xs(), y)[1];
    }

    /** The least-squares slope of {@code y} against {@code x}. */
    static double slope(double[] x, double[] y) {
        return fit(x, y)[0];
    }

    private double[] xs() {
        double[] x = new double[size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = x(i);
        }
        return x;
    }

    /** The least-squares line's slope and its R². */
    private static double[] fit(double[] x, double[] y) {
        int n = y.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double r2 = sxx == 0 || syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new double[] {slope, r2};
    }

    /** A gain for a sentence: {@code +12.3 %}. */
    static String percent(double gain) {
        return String.format(Locale.ROOT, "%+.1f %%", gain);
    }

    /** Milliseconds for a sentence: {@code 1234 ms}. */
    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f ms", millis);
    }

    /** The gains at every point for a sentence: {@code 20 ms +3.1 %, 40 ms +5.0 %}. */
    String gainsText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < size(); i++) {
            text.append(i == 0 ? "" : ", ").append(label(i)).append(' ').append(percent(gain(i)));
        }
        return text.toString();
    }
}
