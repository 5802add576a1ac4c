package io.muxbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeadlineSectionTest {

    @Test
    void aSmallClearDifferenceKeepsADecimal() {
        assertEquals("0.4%", HeadlineSection.percent(0.004));
        assertEquals("5.3%", HeadlineSection.percent(0.053));
        assertEquals("28%", HeadlineSection.percent(0.28));
        assertEquals("10%", HeadlineSection.percent(0.0996));
    }
}
