package io.muxbench.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModeDescriptionTest {

    @Test
    void h3IsBuiltInAfterH2InItsOwnColourAndNotTheBaseline() {
        assertEquals(List.of("h1", "h1-pipelined", "h2", "h3"), ModeDescription.builtIn().stream().map(ModeDescription::id).toList());
        assertEquals(ModeDescription.H3, ModeDescription.known("h3"));
        assertEquals("#d62728", ModeDescription.H3.color());
    }

    @Test
    void h2IsTheSecondReferenceWhenAThirdModeRanBesideItAndTheBaseline() {
        assertEquals("h2", ModeDescription.secondReference(List.of("h1", "h2", "h3"), ModeDescription.H1));
        assertEquals("h2", ModeDescription.secondReference(List.of("h1", "h1-pipelined", "h2"), ModeDescription.H1));
        assertNull(ModeDescription.secondReference(List.of("h1", "h2"), ModeDescription.H1), "nothing else to compare");
        assertNull(ModeDescription.secondReference(List.of("h1", "h3"), ModeDescription.H1), "no h2");
        assertNull(ModeDescription.secondReference(List.of("h1", "h2", "h3"),
                new ModeDescription("h2", null, null, true)), "h2 is the baseline");
        assertNull(ModeDescription.secondReference(List.of("h2", "h3"), null), "no baseline");
    }
}
