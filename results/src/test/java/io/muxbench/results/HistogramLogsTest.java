package io.muxbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistogramLogsTest {

    @TempDir
    Path run;

    @Test
    void readsALogInsideCells() throws Exception {
        Files.writeString(Files.createDirectories(run.resolve("cells")).resolve("a.hlog"), log(2));
        Map<String, Histogram> totals = HistogramLogs.readTotals(run, "cells/a.hlog");
        assertEquals(2 * 3, totals.get(HistogramLogs.PAGE_LOAD).getTotalCount());
    }

    @Test
    void refusesPathsThatLeaveCells() {
        for (String outside : new String[] {"/etc/passwd", "../../../../etc/shadow", "cells/../../x/cells/a.hlog",
                "cells/../results.json", "a.hlog", "cells", "./cells/a.hlog", "/dev/zero"}) {
            ResultsFormatException e = assertThrows(ResultsFormatException.class,
                    () -> HistogramLogs.readTotals(run, outside), outside);
            assertTrue(e.getMessage().startsWith(outside + ": a histogram log must be a file in the run folder's cells/"),
                    e.getMessage());
        }
    }

    @Test
    void refusesASymbolicLinkLeavingTheRunFolder() throws Exception {
        Path elsewhere = Files.writeString(Files.createTempFile("elsewhere", ".hlog"), log(1));
        try {
            Files.createSymbolicLink(Files.createDirectories(run.resolve("cells")).resolve("a.hlog"), elsewhere);
            ResultsFormatException e = assertThrows(ResultsFormatException.class,
                    () -> HistogramLogs.readTotals(run, "cells/a.hlog"));
            assertEquals("cells/a.hlog: leads out of the run folder's cells/ (a symbolic link)", e.getMessage());
        } finally {
            Files.delete(elsewhere);
        }
    }

    @Test
    void refusesWhatIsNotARegularFileOrIsTooLarge() throws Exception {
        Files.createDirectories(run.resolve("cells/dir.hlog"));
        assertEquals("cells/dir.hlog: not a regular file", assertThrows(ResultsFormatException.class,
                () -> HistogramLogs.readTotals(run, "cells/dir.hlog")).getMessage());
        try (RandomAccessFile big = new RandomAccessFile(run.resolve("cells/big.hlog").toFile(), "rw")) {
            big.setLength(HistogramLogs.MAX_LOG_BYTES + 1); // sparse: no disk used
        }
        String message = assertThrows(ResultsFormatException.class,
                () -> HistogramLogs.readTotals(run, "cells/big.hlog")).getMessage();
        assertTrue(message.contains("more than a histogram log can be"), message);
    }

    @Test
    void histogramClaimingAHugePayloadIsRefusedBeforeAnythingIsAllocated() throws Exception {
        Files.createDirectories(run.resolve("cells"));
        Files.writeString(run.resolve("cells/payload.hlog"), tampered(4, Integer.MAX_VALUE));
        String message = assertThrows(ResultsFormatException.class,
                () -> HistogramLogs.readTotals(run, "cells/payload.hlog")).getMessage();
        assertTrue(message.startsWith("cells/payload.hlog: line 2: not a readable histogram log: the histogram claims a"
                + " payload of 2147483647 bytes"), message);
        Files.writeString(run.resolve("cells/digits.hlog"), tampered(12, 2_000_000));
        message = assertThrows(ResultsFormatException.class,
                () -> HistogramLogs.readTotals(run, "cells/digits.hlog")).getMessage();
        assertTrue(message.contains("the histogram claims 2000000 significant digits"), message);
    }

    @Test
    void garbageSaysWhatIsWrongNotNull() throws Exception {
        Files.createDirectories(run.resolve("cells"));
        Files.writeString(run.resolve("cells/g.hlog"), "Tag=plt,1,2,3,HISTFAAAAAAAAAAA\n");
        String message = assertThrows(ResultsFormatException.class,
                () -> HistogramLogs.readTotals(run, "cells/g.hlog")).getMessage();
        assertTrue(message.startsWith("cells/g.hlog: line 1: not a readable histogram log: "), message);
        assertFalse(message.endsWith("null"), message);
    }

    /** A log as the driver writes it: a comment, the legend, {@code intervals} tagged intervals of three values. */
    static String log(int intervals) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            writer.outputComment("test");
            writer.outputLegend();
            for (int i = 0; i < intervals; i++) {
                Histogram h = HistogramLogs.newHistogram();
                h.recordValue(1_000);
                h.recordValue(2_000);
                h.recordValue(30_000);
                h.setTag(HistogramLogs.PAGE_LOAD);
                h.setStartTimeStamp(1000L * i);
                h.setEndTimeStamp(1000L * i + 1000);
                writer.outputIntervalHistogram(h);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A one-interval log whose histogram header has the int at {@code offset} replaced (4: payload, 12: digits). */
    static String tampered(int offset, int value) throws Exception {
        String[] lines = log(1).split("\n");
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("Tag=")) {
                int comma = line.lastIndexOf(',');
                line = line.substring(0, comma + 1) + Base64.getEncoder().encodeToString(
                        withHeaderInt(Base64.getDecoder().decode(line.substring(comma + 1)), offset, value));
            }
            if (!line.startsWith("#")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static byte[] withHeaderInt(byte[] encoded, int offset, int value) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(encoded).order(ByteOrder.BIG_ENDIAN);
        Inflater inflater = new Inflater();
        inflater.setInput(encoded, 8, in.getInt(4));
        byte[] plain = new byte[1 << 20];
        int n = inflater.inflate(plain);
        inflater.end();
        ByteBuffer.wrap(plain).order(ByteOrder.BIG_ENDIAN).putInt(offset, value);
        Deflater deflater = new Deflater();
        deflater.setInput(plain, 0, n);
        deflater.finish();
        byte[] compressed = new byte[n + 1024];
        int c = deflater.deflate(compressed);
        deflater.end();
        return ByteBuffer.allocate(8 + c).order(ByteOrder.BIG_ENDIAN).putInt(in.getInt(0)).putInt(c)
                .put(compressed, 0, c).array();
    }
}
