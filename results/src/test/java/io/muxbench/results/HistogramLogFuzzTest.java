package io.muxbench.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever a histogram log holds, reading it ends in totals or in one ResultsFormatException. Jazzer
 * fuzz tests: {@code mvn test} replays their seeds; {@code JAZZER_FUZZ=1} searches for new inputs.
 */
class HistogramLogFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void randomBytesGiveTotalsOrOneLineError(FuzzedDataProvider data) throws Exception {
        readsOrRefuses(data.consumeRemainingAsBytes());
    }

    @FuzzTest(maxDuration = "5s")
    void aValidLogWithBytesFlippedGivesTotalsOrOneLineError(FuzzedDataProvider data) throws Exception {
        int position = data.consumeInt(0, 300);
        byte flip = data.consumeByte();
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
