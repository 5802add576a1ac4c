package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SteadyStateTest {

    @Test
    void aCostThatKeepsFallingIsNeverSteady() {
        SteadyState steady = new SteadyState(3, 0.05);
        double cost = 1000;
        for (int i = 0; i < 50; i++) {
            assertFalse(steady.add(cost), "window " + i);
            cost *= 0.9;
        }
    }

    @Test
    void aFlatCostIsSteadyAfterTheHeldWindowsAndOneBefore() {
        SteadyState steady = new SteadyState(3, 0.05);
        assertFalse(steady.add(100));
        assertFalse(steady.add(100));
        assertFalse(steady.add(100));
        assertTrue(steady.add(100));
    }

    @Test
    void jitWarmUpThenNoiseWithinTheToleranceIsSteady() {
        SteadyState steady = new SteadyState(3, 0.05);
        double[] costs = {900, 500, 300, 210, 200, 204, 198, 203};
        boolean result = false;
        int at = -1;
        for (int i = 0; i < costs.length && !result; i++) {
            result = steady.add(costs[i]);
            at = i;
        }
        assertTrue(result);
        assertTrue(at >= 6, "steady only once three windows did not beat the best before them, at " + at);
    }

    @Test
    void windowsThatCompletedNothingNeverMakeItSteady() {
        SteadyState steady = new SteadyState(2, 0.05);
        for (int i = 0; i < 10; i++) {
            assertFalse(steady.add(Double.NaN));
        }
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new SteadyState(0, 0.05));
        assertThrows(IllegalArgumentException.class, () -> new SteadyState(3, 1));
    }
}
