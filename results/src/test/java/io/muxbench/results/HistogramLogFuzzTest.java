package io.muxbench.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever a histogram log holds, reading it ends in totals or in one ResultsFormatException. */
class HistogramLogFuzzTest {

    @Property(tries = 200)
    void randomBytesGiveTotalsOrOneLineError(@ForAll @Size(max = 4096) byte[] content) throws Exception {
        readsOrRefuses(content);
    }

    @Property(tries = 200)
    void aValidLogWithBytesFlippedGivesTotalsOrOneLineError(@ForAll @IntRange(min = 0, max = 300) int position,
                                                           @ForAll byte flip) throws Exception {
        String log = HistogramLogsTest.log(1);
        int comma = log.lastIndexOf(',');
        int end = log.indexOf('\n', comma);
        byte[] histogram = Base64.getDecoder().decode(log.substring(comma + 1, end));
        histogram[position % histogram.length] ^= flip;
        readsOrRefuses((log.substring(0, comma + 1) + Base64.getEncoder().encodeToString(histogram) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static void readsOrRefuses(byte[] content) throws Exception {
        Path run = Files.createTempDirectory("fuzz");
        Path cells = Files.createDirectory(run.resolve(HistogramLogs.FOLDER));
        Path log = Files.write(cells.resolve("c.hlog"), content);
        try {
            HistogramLogs.readTotals(run, "cells/c.hlog");
        } catch (ResultsFormatException e) {
            if (e.getMessage().contains("\n") || e.getMessage().endsWith("null")) {
                throw new AssertionError("not one clear line: " + e.getMessage());
            }
        } finally {
            Files.delete(log);
            Files.delete(cells);
            Files.delete(run);
        }
    }
}
