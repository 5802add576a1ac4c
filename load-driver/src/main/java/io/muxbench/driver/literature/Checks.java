package io.muxbench.driver.literature;

import static io.muxbench.driver.literature.Measured.ms;
import static io.muxbench.driver.literature.Measured.percent;

import io.muxbench.driver.literature.StudyPlan.Judgement;
import io.muxbench.results.literature.Literature.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The literature suite's checks: for each row, whether the measured sweep goes the published way
 * (direction) and, where the literature gives one, by about as much (size). Each returns its
 * verdict with the figures that decided it. The thresholds are written here once, before any
 * measurement, and the same for every run of the suite.
 */
final class Checks {

    /** How far (percentage points, on average over the points) measured gains may lie from published ones and still count as the same size. */
    static final double SAME_SIZE_PP = 10;
    /**
     * The least rise of a fitted gain across an RTT sweep that counts as rising: a third of the whitepaper's
     * 14.5 points, above what a few page loads' noise makes of a flat line.
     */
    static final double MIN_RISE_PP = 5;

    private Checks() {
    }

    /** Whitepaper RTT table, row 1: PLT close to linear in RTT for both; the gain rises with RTT. */
    static Judgement rttTable(Measured m, List<Double> published) {
        List<String> reasons = new ArrayList<>();
        double[] gains = m.gains();
        double rise = m.slope(gains) * (m.x(m.size() - 1) - m.x(0));
        boolean rising = gains[gains.length - 1] > gains[0] && rise >= MIN_RISE_PP;
        reasons.add("Gain " + (rising ? "rises" : "does not rise") + " with RTT: " + m.gainsText()
                + String.format(Locale.ROOT, " (the fitted line rises %+.1f points over the sweep; the whitepaper's 14.5;"
                + " a rise is at least %.0f).", rise, MIN_RISE_PP));
        boolean linear = true;
        for (String mode : List.of(m.baselineMode(), m.comparedMode())) {
            double[] means = m.means(mode);
            double r2 = m.rSquared(means);
            linear &= r2 >= 0.9 && m.slope(means) > 0;
            reasons.add(String.format(Locale.ROOT, "%s: %.1f ms per ms of RTT (%.1f round trips per page; the whitepaper"
                    + " finds about %s), R² %.3f of a straight line.", mode, m.slope(means), m.slope(means),
                    mode.equals(m.baselineMode()) ? "18 for HTTP" : "12 for SPDY", r2));
        }
        return sized(m, rising && linear, published, reasons);
    }

    /** Whitepaper loss table, row 3: the gain grows with loss and peaks near 2 %. */
    static Judgement lossTable(Measured m, List<Double> published) {
        List<String> reasons = new ArrayList<>();
        double[] gains = m.gains();
        int peak = argMax(gains);
        boolean grows = gains[peak] > gains[0] + 5 && m.slope(gains) > 0;
        reasons.add("Gain " + (grows ? "grows" : "does not grow") + " with loss: " + m.gainsText() + "; it peaks at "
                + m.label(peak) + (m.x(peak) >= 1.5 && m.x(peak) <= 2.5 ? ", near 2 % as published." : ", not near 2 %."));
        reasons.add(growth(m, 0, indexOf(m, 2), "HTTP +152 %, SPDY +51 %"));
        return sized(m, grows, published, reasons);
    }

    /** Whitepaper link table, rows 9 and 10: one connection for every host gains most; TLS costs some of it. */
    static Judgement linkTable(Measured m, List<Double> published) {
        List<String> reasons = new ArrayList<>();
        boolean direction = true;
        for (int i = 0; i + 2 < m.size(); i += 3) {
            double perHost = m.gain(i);
            double one = m.gain(i + 1);
            double tls = m.gain(i + 2);
            boolean ok = perHost > 0 && one > perHost && tls < one;
            direction &= ok;
            reasons.add(m.label(i).split(",")[0] + ": per host " + percent(perHost) + ", one connection " + percent(one)
                    + ", one connection over TLS " + percent(tls) + (ok ? " (in the published order)." : " (not in the published order)."));
        }
        return sized(m, direction, published, reasons);
    }

    /** Row 2: PLT falls with bandwidth, with sharply diminishing returns (1 → 2 Mbit/s about −35 %, 5 → 10 about −5 %). */
    static Judgement bandwidth(Measured m) {
        List<String> reasons = new ArrayList<>();
        int one = indexOf(m, 1);
        int two = indexOf(m, 2);
        int five = indexOf(m, 5);
        int ten = indexOf(m, 10);
        boolean direction = true;
        boolean size = true;
        for (String mode : List.of(m.baselineMode(), m.comparedMode())) {
            boolean falls = true;
            for (int i = 1; i < m.size(); i++) {
                falls &= m.mean(mode, i) <= m.mean(mode, i - 1) * 1.03;
            }
            double first = change(m.mean(mode, one), m.mean(mode, two));
            double later = change(m.mean(mode, five), m.mean(mode, ten));
            direction &= falls && first < later;
            size &= Math.abs(first + 35) <= 15 && Math.abs(later + 5) <= 10;
            reasons.add(String.format(Locale.ROOT, "%s: PLT %s with bandwidth; 1 → 2 Mbit/s %+.0f %%, 5 → 10 Mbit/s %+.0f %%"
                    + " (published: about −35 %% and −5 %%).", mode, falls ? "falls" : "does not fall at every step", first, later));
        }
        reasons.add("Gain at each bandwidth: " + m.gainsText() + ".");
        return judged(direction, size, reasons);
    }

    /** Row 4: with large objects the gain shrinks with loss and reverses between 2 and 3 %. */
    static Judgement largeObjectLoss(Measured m) {
        List<String> reasons = new ArrayList<>();
        double[] gains = m.gains();
        int firstNegative = -1;
        for (int i = 0; i < gains.length && firstNegative < 0; i++) {
            if (gains[i] < 0) {
                firstNegative = i;
            }
        }
        boolean direction = gains[gains.length - 1] < gains[0] && gains[gains.length - 1] < 0;
        boolean size = firstNegative >= 0 && m.x(firstNegative) >= 2 && m.x(firstNegative) <= 3;
        reasons.add("Gain " + (direction ? "shrinks and reverses" : "does not reverse") + " with loss: " + m.gainsText() + ".");
        reasons.add(firstNegative < 0 ? "Six HTTP/1.1 connections never win here."
                : "Six HTTP/1.1 connections win from " + m.label(firstNegative) + " (published: between 2 and 3 %).");
        return judged(direction, size, reasons);
    }

    /** Row 5: the gain grows with the object count; HTTP/1.1 pays about a round trip per six objects. */
    static Judgement objectCount(Measured m, double rttMillis, double[] counts) {
        List<String> reasons = new ArrayList<>();
        double[] gains = m.gains();
        boolean direction = gains[gains.length - 1] > gains[0] && m.slope(gains) > 0;
        reasons.add("Gain " + (direction ? "grows" : "does not grow") + " with the object count: " + m.gainsText() + ".");
        double perObject = Measured.slope(counts, m.means(m.baselineMode())) - Measured.slope(counts, m.means(m.comparedMode()));
        double roundTripsPerSix = perObject * 6 / rttMillis;
        boolean size = roundTripsPerSix >= 0.6 && roundTripsPerSix <= 1.5;
        reasons.add(String.format(Locale.ROOT, "HTTP/1.1 pays %.2f round trips more than HTTP/2 per six more objects"
                + " (published: about one, n/6).", roundTripsPerSix));
        return judged(direction, size, reasons);
    }

    /** Row 6: the gain shrinks to parity as object size grows; no difference at about 400 KB. */
    static Judgement objectSize(Measured m, int at400) {
        List<String> reasons = new ArrayList<>();
        double[] gains = m.gains();
        double last = gains[gains.length - 1];
        boolean direction = gains[0] > Math.abs(last) && Math.abs(last) <= 10;
        boolean size = Math.abs(gains[at400]) <= 5;
        reasons.add("Gain " + (direction ? "shrinks to parity" : "does not shrink to parity") + " as objects grow: "
                + m.gainsText() + ".");
        reasons.add("At " + m.label(at400) + " the gain is " + percent(gains[at400]) + " (published: no difference at about 400 KB).");
        return judged(direction, size, reasons);
    }

    /** Row 7: a larger initial window lowers PLT, and helps the single connection more. */
    static Judgement initialWindow(Measured m) {
        List<String> reasons = new ArrayList<>();
        int last = m.size() - 1;
        double base = change(m.baseline(0), m.baseline(last));
        double compared = change(m.compared(0), m.compared(last));
        boolean direction = base < 0 && compared < 0 && compared < base;
        boolean size = compared <= -5;
        reasons.add(String.format(Locale.ROOT, "From %s to %s: %s %+.0f %%, %s %+.0f %% (published: PLT falls, about"
                + " 10 %% on average, more for the single connection).", m.label(0), m.label(last), m.baselineMode(), base,
                m.comparedMode(), compared));
        return judged(direction, size, reasons);
    }

    /** Row 8: TLS 1.2 → TLS 1.3 → cleartext, each step one round trip less per new connection. */
    static Judgement tlsSteps(Measured m, double rttMillis) {
        List<String> reasons = new ArrayList<>();
        boolean direction = true;
        boolean size = true;
        for (String mode : List.of(m.baselineMode(), m.comparedMode())) {
            StringBuilder steps = new StringBuilder();
            for (int i = 1; i < m.size(); i++) {
                double saved = (m.mean(mode, i - 1) - m.mean(mode, i)) / rttMillis;
                direction &= saved > 0;
                size &= saved >= 0.5 && saved <= 1.5;
                steps.append(i == 1 ? "" : ", ").append(m.label(i - 1)).append(" → ").append(m.label(i))
                        .append(String.format(Locale.ROOT, " %.2f round trips", saved));
            }
            reasons.add(mode + ": " + steps + " (expected: one each; HTTP/1.1 pays it on each of its connections, in parallel).");
        }
        return judged(direction, size, reasons);
    }

    /** Row 9: on a slow uplink, header compression saves time: the gain grows as the uplink slows. */
    static Judgement slowUplink(Measured m) {
        List<String> reasons = new ArrayList<>();
        int last = m.size() - 1;
        boolean direction = m.gain(last) > m.gain(0);
        reasons.add("Gain " + (direction ? "grows" : "does not grow") + " as the uplink slows: " + m.gainsText() + ".");
        reasons.add(String.format(Locale.ROOT, "The slowest uplink adds %s to %s's PLT and %s to %s's.",
                ms(m.baseline(last) - m.baseline(0)), m.baselineMode(), ms(m.compared(last) - m.compared(0)),
                m.comparedMode()));
        long h1 = m.sent(m.baselineMode(), last);
        long h2 = m.sent(m.comparedMode(), last);
        boolean size = h1 > 0 && h2 <= h1 / 2;
        reasons.add(String.format(Locale.ROOT, "Bytes sent per page load: %s %d, %s %d (%.0f %% less; the whitepaper's"
                + " header compression cut request headers by about 88 %%).", m.baselineMode(), h1, m.comparedMode(), h2,
                h1 == 0 ? 0 : 100.0 * (h1 - h2) / h1));
        return judged(direction, size, reasons);
    }

    /** Row 10: spreading a page over more hosts, each its own HTTP/2 connection, shrinks the gain. */
    static Judgement sharding(Measured m) {
        List<String> reasons = new ArrayList<>();
        int last = m.size() - 1;
        double drop = m.gain(0) - m.gain(last);
        boolean direction = drop > 0;
        reasons.add("Gain " + (direction ? "shrinks" : "does not shrink") + " as hosts are added: " + m.gainsText()
                + String.format(Locale.ROOT, " (%.1f points; the whitepaper: 45.5 %% on one connection, 27.9 %% per host,"
                + " 17.6 points).", drop));
        return judged(direction, drop >= 5, reasons);
    }

    /**
     * Row 11: pipelining is close to HTTP/2 on small equal objects (page-load time within 15 %); one slow early
     * response delays every later one: the requests' median latency, since the page itself waits for the slow
     * response over either protocol, at least doubles against HTTP/2's.
     */
    static Judgement pipelining(Measured m) {
        List<String> reasons = new ArrayList<>();
        double equal = m.gain(0);
        boolean close = Math.abs(equal) <= 15;
        double pipelinedMedian = m.requestMedian(m.baselineMode(), 1);
        double h2Median = m.requestMedian(m.comparedMode(), 1);
        boolean blocked = pipelinedMedian >= 2 * h2Median;
        reasons.add(String.format(Locale.ROOT, "%s: %s %s, %s %s (%s %s against pipelining: %s).", m.label(0),
                m.baselineMode(), ms(m.baseline(0)), m.comparedMode(), ms(m.compared(0)), m.comparedMode(), percent(equal),
                close ? "close" : "not close"));
        reasons.add(String.format(Locale.ROOT, "%s: the requests' median latency is %s over %s against %s over %s (%.1fx),"
                + " page-load time %s against %s.", m.label(1), ms(pipelinedMedian), m.baselineMode(), ms(h2Median),
                m.comparedMode(), pipelinedMedian / h2Median, ms(m.baseline(1)), ms(m.compared(1))));
        return judged(close && blocked, close && blocked, reasons);
    }

    /** Row 12: a real page gains much less than a synthetic one of the same size. */
    static Judgement realPages(Measured m) {
        List<String> reasons = new ArrayList<>();
        boolean direction = m.gain(1) < m.gain(0);
        reasons.add("Synthetic page " + percent(m.gain(0)) + ", real page " + percent(m.gain(1))
                + " (published: about 7 % on real pages with their computation).");
        return judged(direction, Math.abs(m.gain(1) - 7) <= SAME_SIZE_PP, reasons);
    }

    /** Direction from the check; size from the published gains when the direction holds. */
    private static Judgement sized(Measured m, boolean direction, List<Double> published, List<String> reasons) {
        double sum = 0;
        int n = 0;
        StringBuilder gaps = new StringBuilder();
        for (int i = 0; i < m.size() && i < published.size(); i++) {
            if (published.get(i) == null) {
                continue;
            }
            double gap = m.gain(i) - published.get(i);
            sum += Math.abs(gap);
            n++;
            gaps.append(gaps.length() == 0 ? "" : ", ").append(m.label(i)).append(' ')
                    .append(String.format(Locale.ROOT, "%+.1f", gap));
        }
        double meanGap = n == 0 ? Double.NaN : sum / n;
        reasons.add(String.format(Locale.ROOT, "Measured gain minus published, in points: %s (mean distance %.1f points;"
                + " the same size is within %.0f).", gaps, meanGap, SAME_SIZE_PP));
        return judged(direction, meanGap <= SAME_SIZE_PP, reasons);
    }

    private static Judgement judged(boolean direction, boolean size, List<String> reasons) {
        Verdict verdict = !direction ? Verdict.NOT_REPRODUCED : size ? Verdict.REPRODUCED : Verdict.DIRECTION;
        return new Judgement(verdict, reasons);
    }

    /** How each mode's PLT grows from point {@code from} to {@code to}, against the published growth. */
    private static String growth(Measured m, int from, int to, String published) {
        return String.format(Locale.ROOT, "From %s to %s loss, %s's PLT %+.0f %% and %s's %+.0f %% (published: %s).",
                m.label(from), m.label(to), m.baselineMode(), change(m.baseline(from), m.baseline(to)), m.comparedMode(),
                change(m.compared(from), m.compared(to)), published);
    }

    /** The relative change from {@code before} to {@code after}, in percent. */
    static double change(double before, double after) {
        return 100 * (after - before) / before;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The point whose x is {@code x}, or the nearest one. */
    static int indexOf(Measured m, double x) {
        int best = 0;
        for (int i = 1; i < m.size(); i++) {
            if (Math.abs(m.x(i) - x) < Math.abs(m.x(best) - x)) {
                best = i;
            }
        }
        return best;
    }
}
