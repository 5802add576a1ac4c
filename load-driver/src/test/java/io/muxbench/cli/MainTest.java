package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void runningOutOfMemoryIsOneLineSayingWhatToTry() {
        String line = Main.describe(new OutOfMemoryError("Java heap space"));
        assertTrue(line.startsWith("out of memory (Java heap space)"), line);
        assertTrue(line.contains("-Xmx"), line);
        assertEquals(-1, line.indexOf('\n'));
    }

    @Test
    void aStackOverflowIsOneLineWithoutAClassName() {
        assertEquals("stack overflow: the input is nested too deeply", Main.describe(new StackOverflowError()));
    }
}
