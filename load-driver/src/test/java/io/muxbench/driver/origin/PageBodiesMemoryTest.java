package io.muxbench.driver.origin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Generated bodies cost their markup, not their size: a page of huge bodies cannot exhaust the origin's memory. */
class PageBodiesMemoryTest {

    private static final long SIXTEEN_MIB = 16L << 20;

    @Test
    void aHundredSixteenMebibyteStylesheetsHoldOnlyTheirMarkup() {
        List<Resource> sheets = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sheets.add(new Resource("/s" + i + ".css", 200, "text/css", SIXTEEN_MIB, Map.of(), 0, List.of(), null));
        }
        Scenario page = page(sheets);
        PageBodies bodies = PageBodies.of(page);
        assertTrue(bodies.retainedBytes() < (1 << 20), "held " + bodies.retainedBytes() + " bytes");
        PageBodies.Body sheet = bodies.generated(null, "/s7.css");
        assertNotNull(sheet);
        assertEquals(SIXTEEN_MIB, length(sheet));
        ByteBuffer end = sheet.slice(SIXTEEN_MIB - 2, Bodies.CHUNK);
        assertEquals("*/", StandardCharsets.US_ASCII.decode(end).toString(), "the padding comment is closed");

        Answers answers = new Answers();
        answers.serve(page);
        assertTrue(answers.retainedBodyBytes() < (1 << 20), "the table holds " + answers.retainedBodyBytes());
    }

    @Test
    void imagesBeyondTheBudgetAreServedFromThePlainPattern() {
        List<Resource> images = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            images.add(new Resource("/i" + i + ".png", 200, "image/png", 1 << 20, Map.of(), 0, List.of(), null));
        }
        PageBodies bodies = PageBodies.of(page(images), 3L << 20);
        long markup = bodies.retainedBytes() - (3L << 20); // the document's
        assertTrue(markup >= 0 && markup < 4096, "held " + bodies.retainedBytes());
        assertNotNull(bodies.generated(null, "/i2.png"));
        assertNull(bodies.generated(null, "/i3.png"));
    }

    @Test
    void theTableKeepsTheBodiesOfAFewScenariosOnly() {
        Answers answers = new Answers();
        for (int i = 0; i < Answers.CACHED_SCENARIOS + 3; i++) {
            answers.serve(page(List.of(new Resource("/i" + i + ".png", 200, "image/png", 1 << 20, Map.of(), 0, List.of(), null))));
        }
        long images = (long) Answers.CACHED_SCENARIOS << 20;
        long markup = answers.retainedBodyBytes() - images;
        assertTrue(markup >= 0 && markup < 4096 * Answers.CACHED_SCENARIOS, "held " + answers.retainedBodyBytes());
    }

    @Test
    void aPaddedBodyIsByteForByteWhatFillerWraps() {
        // Every edge: markup that fills the size or does not fit, sizes around a chunk, slices of 1 byte up.
        for (String content : List.of("", "a", "é☃", "x".repeat(40))) {
            for (int size : new int[]{0, 1, 3, 4, 5, 6, 41, 47, 48, Bodies.CHUNK - 1, Bodies.CHUNK, Bodies.CHUNK + 1, 3 * Bodies.CHUNK}) {
                for (int sliceBytes : new int[]{1, 7, 4096, 5000}) {
                    paddedMatchesFiller(content, size, sliceBytes);
                }
            }
        }
    }

    private static void paddedMatchesFiller(String content, int size, int sliceBytes) {
        byte[] markup = content.getBytes(StandardCharsets.UTF_8);
        byte[] expected = Filler.wrap(markup, size, "/*", "*/");
        Padded padded = Padded.of(markup, size, "/*", "*/");
        if (expected == null) {
            assertNull(padded);
            return;
        }
        byte[] actual = new byte[size];
        int offset = 0;
        while (offset < size) {
            ByteBuffer slice = padded.slice(offset, sliceBytes);
            assertTrue(slice.remaining() > 0 && slice.remaining() <= sliceBytes);
            int n = slice.remaining();
            slice.get(actual, offset, n);
            offset += n;
        }
        assertArrayEquals(expected, actual);
    }

    private static long length(PageBodies.Body body) {
        long offset = 0;
        for (ByteBuffer slice = body.slice(0, Bodies.CHUNK); slice.hasRemaining(); slice = body.slice(offset, Bodies.CHUNK)) {
            offset += slice.remaining();
        }
        return offset;
    }

    private static Scenario page(List<Resource> children) {
        Resource root = new Resource("/", 200, "text/html; charset=utf-8", 100_000, Map.of(), 0, children, null);
        return new Scenario(Scenario.SCHEMA_VERSION, "huge", "built in a test", null, root);
    }
}
