package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.muxbench.driver.TestScenarios;
import io.muxbench.driver.chromium.ChromiumPageLoad;
import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.vocabulary.CellKey;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.ErrorCause;
import io.muxbench.vocabulary.Reuse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The recorder counts failures by cause, and its summary names them as results.json always did. */
class CellRecorderTest {

    private static CellRecorder recorder() {
        CellKey key = new CellKey("page", "h2", "none", Reuse.WARM, true, ClientKind.CHROMIUM);
        return new CellRecorder(new RunPlan.Cell(key, TestScenarios.flat("page", 1, 10, 0), BuiltInMode.H2), 4, 1);
    }

    @Test
    void failuresAreCountedByCauseUnderTheirResultsIds() {
        CellRecorder recorder = recorder();
        recorder.recordFailedPageLoads(ErrorCause.BROWSER_FAILED, 2);
        recorder.recordError(ErrorCause.PROTOCOL_MISMATCH);
        recorder.record(new ChromiumPageLoad(0, List.of(ErrorCause.TIMEOUT_PAGE_LOAD), true, List.of(), Set.of(), 0, 0,
                0, null, null));
        recorder.endInterval((tag, interval) -> { });

        CellResult result = CellSummary.of(recorder.totals());

        assertEquals(Map.of("browser-failed", 2L, "protocol-mismatch", 1L, "timeout-page-load", 1L), result.errors());
        assertEquals(3, result.pageLoads().count());
        assertEquals(3, result.pageLoads().failed());
        assertEquals("page_none_warm_h2_tls_chromium", result.id());
        assertEquals(HistogramLogs.path(result.id()), result.histogramLog());
    }

    @Test
    void anIntervalGoesToTheSinkOnceAndIntoTheTotals() {
        CellRecorder recorder = recorder();
        recorder.record(new ChromiumPageLoad(12_000, List.of(), false, List.of(), Set.of("h2"), 100, 80, 1, null, null));
        List<String> tags = new ArrayList<>();
        List<Histogram> intervals = new ArrayList<>();
        recorder.endInterval((tag, interval) -> {
            tags.add(tag);
            intervals.add(interval.copy());
        });
        recorder.endInterval((tag, interval) -> assertEquals(0, interval.getTotalCount(), tag + " holds only the new interval"));

        assertEquals(List.of(HistogramLogs.PAGE_LOAD, HistogramLogs.REQUEST), tags, "no uncorrected histogram under closed load");
        assertEquals(1, intervals.get(0).getTotalCount());
        assertEquals(1, recorder.totals().pageLoad().getTotalCount());
        assertEquals(12.0, CellSummary.of(recorder.totals()).pageLoads().p50Ms(), 0.1);
    }
}
