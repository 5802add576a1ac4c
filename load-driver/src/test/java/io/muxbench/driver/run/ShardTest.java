package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.muxbench.driver.TestScenarios;
import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.scenario.Scenario;
import io.muxbench.vocabulary.Reuse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a run is split into shards: browsers, page loads, rate and seed, with the configuration kept whole. */
class ShardTest {

    private static final Scenario PAGE = TestScenarios.flat("page", 2, 100, 0);

    private static RunConfig.Builder builder() {
        return RunConfig.builder().scenarios(List.of("page")).modes(List.of(BuiltInMode.H1)).links(List.of("none"))
                .reuse(List.of(Reuse.WARM)).tls(false).pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Test
    void pageLoadsAreSplitSoTheShardsAddUpToTheRunsWithTheRemainderOnTheFirstShards() {
        List<Integer> shares = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shares.add(builder().pageLoads(20).browsers(3).shard(new RunConfig.Shard(i, 3)).build().shardPageLoads());
        }
        assertEquals(List.of(7, 7, 6), shares);
        assertEquals(List.of(1, 0, 0), List.of(new RunConfig.Shard(0, 3).share(1), new RunConfig.Shard(1, 3).share(1),
                new RunConfig.Shard(2, 3).share(1)));
    }

    @Test
    void browserBBelongsToShardBModNAndKeepsItsRunWideIndex() {
        assertEquals(List.of(0, 3, 6), new RunConfig.Shard(0, 3).browsers(8));
        assertEquals(List.of(1, 4, 7), new RunConfig.Shard(1, 3).browsers(8));
        assertEquals(List.of(2, 5), new RunConfig.Shard(2, 3).browsers(8));
        RunConfig config = builder().browsers(8).shard(new RunConfig.Shard(2, 3)).build();
        assertEquals(List.of(2, 5), config.shardBrowsers());
        assertEquals(new LoadModel.Closed(2, Duration.ZERO), config.shardLoad());
    }

    @Test
    void openLoadGivesEachShardTheRateOverNAndItsBrowsersAsTheMostInFlight() {
        RunConfig config = builder().browsers(7).ratePerSecond(30).shard(new RunConfig.Shard(0, 3)).build();

        assertEquals(new LoadModel.Open(10, 3), config.shardLoad());
        assertEquals(new LoadModel.Open(30, 7), config.load(), "the run's load, as run.json records it");
    }

    @Test
    void theSeedIsOffsetByTheIndexAndTheConfigurationStaysTheWholeRuns() {
        RunConfig whole = builder().pageLoads(20).browsers(6).seed(42).build();
        RunConfig shard = builder().pageLoads(20).browsers(6).seed(42).shard(new RunConfig.Shard(2, 3)).build();

        assertEquals(44, shard.shardSeed());
        assertEquals(42, whole.shardSeed());
        assertEquals(whole.toConfiguration(null), shard.toConfiguration(null));
        assertNull(whole.shard());
    }

    @Test
    void theRunPlanMakesTheShardsPageLoadsInAtMostTheConfiguredRoundsWithTheRunsWarmUpPerBrowser() {
        // 4 page loads in 3 shards: 2, 1 and 1; 3 rounds configured; 6 browsers, 12 warm-up page loads: 2 each.
        RunConfig config = builder().pageLoads(4).rounds(3).browsers(6).warmupPageLoads(12)
                .shard(new RunConfig.Shard(1, 3)).build();
        RunPlan plan = RunPlan.of(config, List.of(PAGE), scenario -> List.of());

        assertEquals(1, plan.rounds());
        assertEquals(1, plan.quota(0));
        assertEquals(2, plan.warmupPerBrowser());
        // 1 measured + 2 browsers x 2 warm-up + 2 browsers x 1 round opening warm connections
        assertEquals(1 + 4 + 2, plan.progressTotal());
    }

    @Test
    void aShardWithNoBrowserOrNoPageLoadIsRefusedNamingTheFlags() {
        IllegalArgumentException browsers = assertThrows(IllegalArgumentException.class,
                () -> builder().browsers(2).pageLoads(10).shard(new RunConfig.Shard(2, 3)).build());
        assertEquals("-b 2 --shard 2/3 gives shard 2 no browser", browsers.getMessage());
        IllegalArgumentException pageLoads = assertThrows(IllegalArgumentException.class,
                () -> builder().browsers(3).pageLoads(2).shard(new RunConfig.Shard(2, 3)).build());
        assertEquals("-n 2 --shard 2/3 gives shard 2 no page load", pageLoads.getMessage());
    }

    @Test
    void aShardsIndexMustBeBelowItsCountAndTheCountPositive() {
        assertEquals("shard count must be between 1 and 1000, got 0",
                assertThrows(IllegalArgumentException.class, () -> new RunConfig.Shard(0, 0)).getMessage());
        assertEquals("shard index must be between 0 and 2, got 3",
                assertThrows(IllegalArgumentException.class, () -> new RunConfig.Shard(3, 3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RunConfig.Shard(-1, 3));
    }
}
