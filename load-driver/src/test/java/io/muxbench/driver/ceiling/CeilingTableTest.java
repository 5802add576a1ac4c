package io.muxbench.driver.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.Ceiling;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ceiling's console table and its JSON, including ceilings written before the heap at the start was kept. */
class CeilingTableTest {

    private static Ceiling ceiling(Long heapAtStartBytes) {
        Ceiling.H2loadFigures h2load = new Ceiling.H2loadFigures(1, 128, 40_000, 10.0, 9.0, 0);
        Ceiling.ModeCeiling h2 = new Ceiling.ModeCeiling("h2", 1, 1, 128, 200, 20_200, 30.0, 20.0, 0, 16_300_000,
                12.5, true, h2load, heapAtStartBytes);
        return new Ceiling("https://127.0.0.1:1/", "embedded", "muxbench serve", "image-grid", 101, 2, 5.0,
                "/usr/bin/h2load", List.of(h2));
    }

    private static String print(Ceiling ceiling) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            CeilingTable.print(ceiling, out);
        }
        return text.toString();
    }

    @Test
    void printsTheHeapAtTheStartAndTheEndOfTheMeasuredWindow() {
        String table = print(ceiling(15_100_000L));

        String row = table.lines().filter(l -> l.startsWith("h2 ")).findFirst().orElseThrow();
        assertTrue(row.contains(" 15.1 -> 16.3 "), row);
        assertTrue(table.contains("heap MB: the driver's live heap after a full GC, at the start -> the end"), table);
    }

    @Test
    void printsOnlyTheEndHeapOfACeilingWithoutTheStart() {
        String row = print(ceiling(null)).lines().filter(l -> l.startsWith("h2 ")).findFirst().orElseThrow();

        assertTrue(row.contains(" 16.3 "), row);
        assertTrue(!row.contains("->"), row);
    }

    @Test
    void writesAndReadsBothHeaps(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ceiling.json");
        CeilingTable.write(ceiling(15_100_000L), file);

        assertEquals(ceiling(15_100_000L), CeilingTable.read(file));
    }

    @Test
    void readsACeilingWrittenBeforeTheHeapAtTheStartWasKept(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ceiling.json");
        CeilingTable.write(ceiling(null), file);
        // As an older muxbench wrote it: no heapAtStartBytes at all.
        Files.writeString(file, Files.readString(file).replaceAll(",\\s*\"heapAtStartBytes\"\\s*:\\s*null", ""));
        assertTrue(!Files.readString(file).contains("heapAtStartBytes"));

        Ceiling.ModeCeiling row = CeilingTable.read(file).modes().get(0);

        assertNull(row.heapAtStartBytes());
        assertEquals(16_300_000, row.heapAfterGcBytes());
    }
}
