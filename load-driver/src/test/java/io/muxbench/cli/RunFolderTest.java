package io.muxbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.ResultsFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    @TempDir
    Path runsDir;

    @Test
    void runsStartedInTheSameSecondGetFoldersOfTheirOwn() {
        Set<Path> folders = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Path folder = RunFolder.create(null, runsDir).dir();
            assertTrue(Files.isDirectory(folder), folder.toString());
            folders.add(folder);
        }
        assertEquals(20, folders.size(), folders.toString());
    }

    @Test
    void aRunThatMeasuredNothingLeavesNothingThatLooksLikeARun() throws Exception {
        RunFolder folder = RunFolder.create(null, runsDir);
        Files.writeString(folder.dir().resolve(ResultsFormat.RUN_FILE), "{}");
        folder.removeIfUnmeasured();
        assertTrue(Files.notExists(folder.dir()));

        Path given = Files.createDirectory(runsDir.resolve("given"));
        RunFolder out = RunFolder.create(given, runsDir);
        Files.writeString(given.resolve(ResultsFormat.RUN_FILE), "{}");
        out.removeIfUnmeasured();
        assertTrue(Files.isDirectory(given), "a folder the user made stays");
        assertTrue(Files.notExists(given.resolve(ResultsFormat.RUN_FILE)));
    }
}
