package io.muxbench.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SweepChartTest {

    @Test
    void aMissingMeasuredValueSplitsTheLineAndAnEmptyValueIsNotDrawn() {
        String svg = SweepChart.render("t", "x", "y", List.of("a", "b", "c", "d"),
                List.of(new SweepChart.Line("h2", "#2ca02c", false, Arrays.asList(1.0, 2.0, null, Double.NaN))));
        // a and b joined; c and d missing: one two-point polyline, two markers.
        Matcher polylines = Pattern.compile("<polyline [^>]*points=\"([^\"]*)\"").matcher(svg);
        assertTrue(polylines.find());
        assertEquals(2, polylines.group(1).split(" ").length, polylines.group(1));
        assertFalse(polylines.find(), svg);
        assertEquals(2, svg.split("<circle ", -1).length - 1, svg);
        assertFalse(svg.contains("NaN"), svg);
    }

    @Test
    void signedValuesGetAnAxisBelowZeroWithAZeroLine() {
        String svg = SweepChart.render("t", "x", "gain (%)", List.of("a", "b"),
                List.of(new SweepChart.Line("measured", "#2ca02c", false, List.of(-12.0, 30.0))));
        assertTrue(svg.contains(">-20</text>"), svg);
        assertTrue(svg.contains(">30</text>"), svg);
        assertTrue(svg.contains("stroke:#555"), "zero line");
        assertFalse(svg.contains(">-0</text>"), svg);
    }

    @Test
    void spanningIsUpToWhenNothingIsNegative() {
        assertEquals(NiceScale.upTo(37, 5), NiceScale.spanning(0, 37, 5));
        NiceScale signed = NiceScale.spanning(-2.5, 10, 5);
        assertTrue(signed.min() <= -2.5 && signed.max() >= 10, signed.toString());
        assertEquals(0, signed.fraction(signed.min()));
        assertEquals(1, signed.fraction(signed.max()));
        assertEquals(0, signed.fraction(-1000), "values beyond the axis stop at its ends");
    }
}
