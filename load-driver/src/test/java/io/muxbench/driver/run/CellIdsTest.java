package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellIdsTest {

    private static final String LONG = "rtt=100ms,down=8mbit,up=2mbit,loss=0.01,this-part-makes-it-longer-than-sixty-";

    @Test
    void longLinkSpecsThatDifferOnlyAtTheirEndsGetDifferentIds() {
        String a = CellIds.of("page", LONG + "a", "cold", "h2", true);
        String b = CellIds.of("page", LONG + "b", "cold", "h2", true);
        assertNotEquals(a, b);
        assertNull(CellIds.collision(List.of("page"), List.of("page"), List.of(LONG + "a", LONG + "b")));
    }

    @Test
    void shortNamesKeepTheirReadableId() {
        assertEquals("image-grid_cable_cold_h2_tls", CellIds.of("image-grid", "cable", "cold", "h2", true));
    }

    @Test
    void scenariosAlikeOnceFileSafeAreNamedWithTheirFiles() {
        String message = CellIds.collision(List.of("t", "T"), List.of("a.json", "b.json"), List.of("lan"));
        assertTrue(message.contains("a.json") && message.contains("b.json") && message.contains("'T'"), message);
        String twice = CellIds.collision(List.of("t", "t"), List.of("a.json", "b.json"), List.of("lan"));
        assertTrue(twice.contains("both named 't'"), twice);
    }

    @FuzzTest(maxDuration = "5s")
    void everyIdPartIsFileSafeAndAtMostSixtyCharacters(FuzzedDataProvider data) {
        String name = data.consumeRemainingAsString();
        String safe = CellIds.safe(name);
        assertTrue(safe.length() <= CellIds.MAX_PART_LENGTH, safe);
        assertTrue(safe.matches("[a-z0-9.-]*"), safe);
    }
}
