package io.muxbench.driver.literature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.driver.literature.StudyPlan.Judgement;
import io.muxbench.results.literature.Literature.Measure;
import io.muxbench.results.literature.Literature.Point;
import io.muxbench.results.literature.Literature.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecksTest {

    /** Points at x with the baseline's and the compared mode's means. */
    private static Measured measured(double[] x, double[] h1, double[] h2) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            points.add(new Point(x[i] + "", x[i], Map.of("h1", measure(h1[i]), "h2", measure(h2[i])),
                    100 * (h1[i] - h2[i]) / h1[i]));
        }
        return new Measured(points, "h1", "h2");
    }

    private static Measure measure(double meanMs) {
        return new Measure(3, 0, meanMs, meanMs, meanMs / 10, 1000, "cell");
    }

    @Test
    void rttTableIsReproducedWhenLinearAndTheGainRisesAsPublished() {
        double[] rtt = {20, 100, 200};
        // 18 and 12 round trips per page over an intercept of 900 ms: gains 12 %, 25 %, 29 %.
        double[] h1 = new double[3];
        double[] h2 = new double[3];
        for (int i = 0; i < 3; i++) {
            h1[i] = 900 + 18 * rtt[i];
            h2[i] = 900 + 12 * rtt[i];
        }
        Judgement judgement = Checks.rttTable(measured(rtt, h1, h2), List.of(12.3, 23.0, 26.8));
        assertEquals(Verdict.REPRODUCED, judgement.verdict(), judgement.reasons().toString());
        assertTrue(judgement.reasons().get(1).contains("18.0 round trips"), judgement.reasons().toString());
    }

    @Test
    void rttTableInDirectionOnlyWhenTheGainRisesButIsFarSmaller() {
        double[] rtt = {20, 100, 200};
        double[] h1 = {5000, 6500, 8400};
        double[] h2 = {4950, 6200, 7600};
        Judgement judgement = Checks.rttTable(measured(rtt, h1, h2), List.of(12.3, 23.0, 26.8));
        assertEquals(Verdict.DIRECTION, judgement.verdict(), judgement.reasons().toString());
    }

    @Test
    void rttTableNotReproducedWhenTheGainStaysFlatWithinNoise() {
        // A bandwidth-bound page: 1.6 % at 20 ms, 2.6 % at 200 ms.
        double[] rtt = {20, 100, 200};
        Judgement judgement = Checks.rttTable(measured(rtt, new double[] {5167, 6000, 7843},
                new double[] {5082, 5900, 7638}), List.of(12.3, 23.0, 26.8));
        assertEquals(Verdict.NOT_REPRODUCED, judgement.verdict(), judgement.reasons().toString());
    }

    @Test
    void rttTableNotReproducedWhenTheGainFalls() {
        double[] rtt = {20, 100, 200};
        double[] h1 = {1000, 2000, 4000};
        double[] h2 = {700, 1700, 3900};
        assertEquals(Verdict.NOT_REPRODUCED, Checks.rttTable(measured(rtt, h1, h2), List.of(12.3, 23.0, 26.8)).verdict());
    }

    @Test
    void largeObjectLossNeedsTheReversalBetweenTwoAndThreePercent() {
        double[] loss = {0, 1, 2, 3};
        Judgement published = Checks.largeObjectLoss(measured(loss, new double[] {1000, 1500, 2000, 2500},
                new double[] {900, 1400, 2050, 3000}));
        assertEquals(Verdict.REPRODUCED, published.verdict(), published.reasons().toString());
        Judgement early = Checks.largeObjectLoss(measured(loss, new double[] {1000, 1500, 2000, 2500},
                new double[] {900, 1600, 2500, 3000}));
        assertEquals(Verdict.DIRECTION, early.verdict(), early.reasons().toString());
        Judgement never = Checks.largeObjectLoss(measured(loss, new double[] {1000, 1500, 2000, 2500},
                new double[] {900, 1400, 1900, 2400}));
        assertEquals(Verdict.NOT_REPRODUCED, never.verdict());
    }

    @Test
    void bandwidthChecksDiminishingReturnsAndTheirSize() {
        double[] mbit = {1, 2, 5, 10, 100};
        // 1 -> 2: -35 %; 5 -> 10: -5 %
        double[] h1 = {2000, 1300, 1000, 950, 930};
        double[] h2 = {1900, 1235, 950, 903, 880};
        Judgement judgement = Checks.bandwidth(measured(mbit, h1, h2));
        assertEquals(Verdict.REPRODUCED, judgement.verdict(), judgement.reasons().toString());
        double[] flat = {2000, 1950, 1900, 1850, 1800};
        assertEquals(Verdict.NOT_REPRODUCED, Checks.bandwidth(measured(mbit, flat, flat)).verdict());
    }

    @Test
    void tlsStepsCountRoundTripsSaved() {
        double[] step = {0, 1, 2};
        Judgement judgement = Checks.tlsSteps(measured(step, new double[] {1400, 1300, 1200},
                new double[] {900, 800, 700}), 100);
        assertEquals(Verdict.REPRODUCED, judgement.verdict(), judgement.reasons().toString());
        assertTrue(judgement.reasons().get(0).contains("1.00 round trips"), judgement.reasons().toString());
        assertEquals(Verdict.NOT_REPRODUCED, Checks.tlsSteps(measured(step, new double[] {1300, 1400, 1200},
                new double[] {900, 800, 700}), 100).verdict());
    }

    @Test
    void objectCountSizesHttp1sExtraRoundTrips() {
        double[] counts = {2, 32, 512};
        double[] log2 = {1, 5, 9};
        // h1 pays one 50 ms round trip per 6 objects more than h2
        double[] h1 = new double[3];
        double[] h2 = new double[3];
        for (int i = 0; i < 3; i++) {
            h2[i] = 300 + 3 * counts[i];
            h1[i] = h2[i] + 50.0 * counts[i] / 6;
        }
        Judgement judgement = Checks.objectCount(measured(log2, h1, h2), 50, counts);
        assertEquals(Verdict.REPRODUCED, judgement.verdict(), judgement.reasons().toString());
    }

    @Test
    void pipeliningIsCloseOnEqualObjectsAndBlockedBehindASlowResponse() {
        List<Point> points = List.of(
                new Point("equal", 0, Map.of("h1-pipelined", new Measure(3, 0, 550, 550, 100, 1, "a"),
                        "h2", new Measure(3, 0, 500, 500, 90, 1, "b")), 100 * 50 / 550.0),
                new Point("slow", 1, Map.of("h1-pipelined", new Measure(3, 0, 850, 850, 450, 1, "c"),
                        "h2", new Measure(3, 0, 620, 620, 60, 1, "d")), 100 * 230 / 850.0));
        Judgement judgement = Checks.pipelining(new Measured(points, "h1-pipelined", "h2"));
        assertEquals(Verdict.REPRODUCED, judgement.verdict(), judgement.reasons().toString());
        assertTrue(judgement.reasons().get(1).contains("7.5x"), judgement.reasons().toString());
    }

    @Test
    void linkTableWantsTheWhitepapersOrder() {
        double[] x = {0, 1, 2};
        Judgement ordered = Checks.linkTable(measured(x, new double[] {3000, 3000, 3000}, new double[] {2200, 1700, 1900}),
                List.of(27.9, 45.5, 39.0));
        assertEquals(Verdict.REPRODUCED, ordered.verdict(), ordered.reasons().toString());
        Judgement tlsFree = Checks.linkTable(measured(x, new double[] {3000, 3000, 3000}, new double[] {2200, 1900, 1700}),
                List.of(27.9, 45.5, 39.0));
        assertEquals(Verdict.NOT_REPRODUCED, tlsFree.verdict());
    }

    @Test
    void everyStudyIsWellFormedInBothVariants() {
        for (boolean quick : new boolean[] {false, true}) {
            for (StudyPlan plan : Studies.all(quick)) {
                assertTrue(plan.points().size() >= 2, plan.id());
                for (StudyPlan.PointPlan point : plan.points()) {
                    StudyPlan.Part part = plan.parts().stream().filter(p -> p.name().equals(point.part())).findFirst()
                            .orElseThrow();
                    assertTrue(part.scenarios().contains(point.scenario()), plan.id() + " " + point.label());
                    assertTrue(part.links().contains(point.link()), plan.id() + " " + point.label());
                }
                assertTrue(plan.id().matches("(row-\\d\\d|wp)-[a-z-]+"), plan.id());
            }
        }
    }
}
