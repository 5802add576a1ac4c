package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.muxbench.driver.TestScenarios;
import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.tls.KeyType;
import io.muxbench.scenario.Scenario;
import io.muxbench.vocabulary.CellKey;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.Reuse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan of a run, without a network: cells and ids, round order, quotas, the progress total. */
class RunPlanTest {

    private static final String LONG = "rtt=100ms,down=8mbit,up=2mbit,loss=0.01,this-part-makes-it-longer-than-sixty-";
    private static final Scenario PAGE = TestScenarios.flat("page", 2, 100, 0);

    private static RunConfig config(List<Mode> modes, List<String> links, List<Reuse> reuse, int browsers,
                                    int pageLoads, int warmup, int rounds) {
        return RunConfig.builder().scenarios(List.of("page")).modes(modes).links(links).reuse(reuse).tls(true)
                .browsers(browsers).pageLoads(pageLoads).warmupPageLoads(warmup).rounds(rounds)
                .samplesPerCell(1).pageLoadTimeout(Duration.ofSeconds(30))
                .keyType(KeyType.ECDSA)
                .build();
    }

    private static List<String> ids(List<RunPlan.Cell> cells) {
        return cells.stream().map(RunPlan.Cell::id).toList();
    }

    @Test
    void cellsGoLinkByReuseWithTheDriversModesThenChromiumsAndAreNamedByTheirKeys() {
        RunConfig config = config(List.of(BuiltInMode.H1, BuiltInMode.H2), List.of("lan", "none"), List.of(Reuse.COLD, Reuse.WARM),
                1, 4, 0, 2);
        RunPlan plan = RunPlan.of(config, List.of(PAGE), scenario -> List.of(BuiltInMode.H2));

        assertEquals(List.of("page_lan_cold_h1_tls", "page_lan_cold_h2_tls", "page_lan_cold_h2_tls_chromium",
                "page_lan_warm_h1_tls", "page_lan_warm_h2_tls", "page_lan_warm_h2_tls_chromium",
                "page_none_cold_h1_tls", "page_none_cold_h2_tls", "page_none_cold_h2_tls_chromium",
                "page_none_warm_h1_tls", "page_none_warm_h2_tls", "page_none_warm_h2_tls_chromium"), ids(plan.cells()));
        RunPlan.Cell chromium = plan.cells().get(2);
        assertEquals(new CellKey("page", "h2", "lan", Reuse.COLD, true, ClientKind.CHROMIUM), chromium.key());
        assertEquals(chromium.key().fileId(), chromium.id());
    }

    @Test
    void eachRoundRotatesTheModesOfAGroupByOneAndKeepsChromiumCellsApart() {
        RunConfig config = config(List.of(BuiltInMode.H1, BuiltInMode.H1_PIPELINED, BuiltInMode.H2), List.of("none"), List.of(Reuse.WARM), 1, 3, 0, 3);
        RunPlan plan = RunPlan.of(config, List.of(PAGE), scenario -> List.of(BuiltInMode.H1, BuiltInMode.H2));

        assertEquals(List.of("page_none_warm_h1_tls", "page_none_warm_h1-pipelined_tls", "page_none_warm_h2_tls",
                "page_none_warm_h1_tls_chromium", "page_none_warm_h2_tls_chromium"), ids(plan.inRoundOrder(0)));
        assertEquals(List.of("page_none_warm_h1-pipelined_tls", "page_none_warm_h2_tls", "page_none_warm_h1_tls",
                "page_none_warm_h2_tls_chromium", "page_none_warm_h1_tls_chromium"), ids(plan.inRoundOrder(1)));
        assertEquals(ids(plan.inRoundOrder(0)), ids(plan.inRoundOrder(6)), "back where it began after 3 x 2 rounds");
    }

    @Test
    void quotasAddUpToThePageLoadsWithTheRemainderInTheFirstRounds() {
        RunPlan plan = RunPlan.of(config(List.of(BuiltInMode.H1), List.of("none"), List.of(Reuse.COLD), 1, 11, 0, 4),
                List.of(PAGE), scenario -> List.of());

        assertEquals(List.of(3, 3, 3, 2), List.of(plan.quota(0), plan.quota(1), plan.quota(2), plan.quota(3)));
    }

    @Test
    void theProgressTotalCountsWarmUpsWarmConnectionsAndChromiumsFirstPageLoad() {
        // 2 browsers, 5 warm-up page loads: 2 each. Per driver cell 10 measured + 2 x 2 warm-up;
        // warm cells add one page load per browser and round (2 x 2); the Chromium cell adds one.
        RunConfig config = config(List.of(BuiltInMode.H1), List.of("none"), List.of(Reuse.COLD, Reuse.WARM), 2, 10, 5, 2);
        RunPlan plan = RunPlan.of(config, List.of(PAGE), scenario -> List.of(BuiltInMode.H1));

        assertEquals(2, plan.warmupPerBrowser());
        long cold = 10 + 4;
        long warm = 10 + 4 + 4;
        long chromium = 10 + 1;
        assertEquals(cold + warm + 2 * chromium, plan.progressTotal());
    }

    @Test
    void noWarmUpWhenNoneIsAskedFor() {
        RunPlan plan = RunPlan.of(config(List.of(BuiltInMode.H1), List.of("none"), List.of(Reuse.COLD), 4, 10, 0, 1),
                List.of(PAGE), scenario -> List.of());

        assertEquals(0, plan.warmupPerBrowser());
        assertEquals(10, plan.progressTotal());
    }

    @Test
    void twoCellsWithOneIdStopThePlan() {
        RunConfig config = config(List.of(BuiltInMode.H1), List.of("none"), List.of(Reuse.COLD), 1, 1, 0, 1);
        List<Scenario> alike = List.of(TestScenarios.flat("t", 1, 10, 0), TestScenarios.flat("T", 1, 10, 0));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RunPlan.of(config, alike, scenario -> List.of()));
        assertTrue(e.getMessage().contains("t_none_cold_h1_tls"), e.getMessage());
    }

    @Test
    void longLinkSpecsThatDifferOnlyAtTheirEndsGetDifferentIds() {
        String a = new CellKey("page", "h2", LONG + "a", Reuse.COLD, true, ClientKind.DRIVER).fileId();
        String b = new CellKey("page", "h2", LONG + "b", Reuse.COLD, true, ClientKind.DRIVER).fileId();
        assertNotEquals(a, b);
        assertNull(RunPlan.collision(List.of("page"), List.of("page"), List.of(LONG + "a", LONG + "b")));
    }

    @Test
    void shortNamesKeepTheirReadableId() {
        assertEquals("image-grid_cable_cold_h2_tls",
                new CellKey("image-grid", "h2", "cable", Reuse.COLD, true, ClientKind.DRIVER).fileId());
    }

    @Test
    void scenariosAlikeOnceFileSafeAreNamedWithTheirFiles() {
        String message = RunPlan.collision(List.of("t", "T"), List.of("a.json", "b.json"), List.of("lan"));
        assertTrue(message.contains("a.json") && message.contains("b.json") && message.contains("'T'"), message);
        String twice = RunPlan.collision(List.of("t", "t"), List.of("a.json", "b.json"), List.of("lan"));
        assertTrue(twice.contains("both named 't'"), twice);
    }

    @FuzzTest(maxDuration = "5s")
    void everyIdPartIsFileSafeAndAtMostSixtyCharacters(FuzzedDataProvider data) {
        String name = data.consumeRemainingAsString();
        String safe = CellKey.safe(name);
        assertTrue(safe.length() <= CellKey.MAX_PART_LENGTH, safe);
        assertTrue(safe.matches("[a-z0-9.-]*"), safe);
    }
}
