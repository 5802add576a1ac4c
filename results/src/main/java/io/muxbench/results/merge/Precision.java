package io.muxbench.results.merge;

import io.muxbench.results.ResultsFormatException;
import org.HdrHistogram.Histogram;

/**
 * What an HdrHistogram can hold and how finely: two add exactly only when these agree, so
 * {@code merge} refuses histograms whose precision differs instead of rounding one into the other.
 */
record Precision(int significantDigits, long lowestDiscernible, long highestTrackable) {

    static Precision of(Histogram h) {
        return new Precision(h.getNumberOfSignificantValueDigits(), h.getLowestDiscernibleValue(),
                h.getHighestTrackableValue());
    }

    Histogram newHistogram() {
        return new Histogram(lowestDiscernible, highestTrackable, significantDigits);
    }

    @Override
    public String toString() {
        return significantDigits + " significant digits up to " + highestTrackable
                + (lowestDiscernible == 1 ? "" : " from " + lowestDiscernible);
    }

    /** The precision of the first histogram seen, and where; every later one must match it. */
    static final class Check {
        private Precision first;
        private String firstWhere;

        void check(Histogram h, String where) throws ResultsFormatException {
            Precision p = of(h);
            if (first == null) {
                first = p;
                firstWhere = where;
            } else if (!first.equals(p)) {
                throw new ResultsFormatException("cannot merge: histograms of different precision: " + firstWhere
                        + " has " + first + ", " + where + " " + p);
            }
        }

        /** A histogram of the common precision (muxbench's own when no histogram was seen). */
        Histogram newHistogram() {
            return first == null ? io.muxbench.results.HistogramLogs.newHistogram() : first.newHistogram();
        }
    }
}
