package io.muxbench.driver.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.literature.StudyPlan.Judgement;
import io.muxbench.driver.literature.StudyPlan.Part;
import io.muxbench.driver.literature.StudyPlan.PointPlan;
import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.run.ProgressListener;
import io.muxbench.driver.run.RunException;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.literature.Literature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** One small study through the whole suite: its run folder, the points read from its cells, its verdict, literature.json. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiteratureSuiteIT {

    @TempDir
    Path dir;

    private static StudyPlan study(String page, AtomicInteger judged) {
        String near = Studies.link(2, "100mbit", "100mbit", "0", 4, null);
        String far = Studies.link(20, "100mbit", "100mbit", "0", 4, null);
        Mode h1 = Mode.of("h1");
        Mode h2 = Mode.of("h2");
        return new StudyPlan("row-01-test", "1", "RTT varied", "RTT (ms)", "a page", "the gain rises", List.of(), h1, h2,
                List.of(new Part("", List.of(page), List.of(near, far), List.of(h1, h2), true, null)),
                List.of(new PointPlan("2 ms", 2, "", page, near), new PointPlan("20 ms", 20, "", page, far)),
                new Literature.Published("a study", List.of(1.0, 2.0), null, null),
                m -> {
                    judged.incrementAndGet();
                    return new Judgement(Literature.Verdict.REPRODUCED, List.of("points " + m.size()));
                });
    }

    @Test
    void runsAStudyAndWritesItsPointsAndVerdict() throws Exception {
        AtomicInteger judged = new AtomicInteger();
        LiteratureSuite suite = new LiteratureSuite(true, List.of(study("image-grid", judged)), 1, dir,
                () -> ProgressListener.NONE, ProgressListener.NONE).withWarmUp(Duration.ZERO, Duration.ZERO);
        Literature done = suite.run();

        assertTrue(done.complete());
        assertEquals(1, judged.get());
        Literature read = Literature.read(dir);
        assertEquals(done, read);
        Literature.Study study = read.studies().get(0);
        assertEquals(Literature.Verdict.REPRODUCED, study.verdict());
        assertEquals(List.of("row-01-test"), study.folders());
        assertTrue(Files.isRegularFile(dir.resolve("row-01-test").resolve(ResultsFormat.RESULTS_FILE)));
        assertEquals(2, study.points().size());
        for (Literature.Point point : study.points()) {
            assertEquals(List.of("h1", "h2"), point.byMode().keySet().stream().sorted().toList());
            assertNotNull(point.gainPercent());
            Literature.Measure h1 = point.byMode().get("h1");
            assertEquals(1, h1.pageLoads());
            assertTrue(h1.meanMs() > 0);
            assertTrue(h1.sentBytesPerPageLoad() > 0);
            assertFalse(h1.cell().isBlank());
        }
    }

    @Test
    void aPageThatDoesNotLoadIsRefusedBeforeAnythingRuns() {
        LiteratureSuite suite = new LiteratureSuite(true, List.of(study("no-such-page", new AtomicInteger())), 1, dir,
                () -> ProgressListener.NONE, ProgressListener.NONE);
        RunException e = assertThrows(RunException.class, suite::check);
        assertTrue(e.getMessage().contains("no-such-page"), e.getMessage());
    }
}
