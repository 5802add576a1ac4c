package io.muxbench.driver.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.muxbench.driver.tls.KeyType;
import io.muxbench.driver.mode.BuiltInMode;
import io.muxbench.driver.mode.Mode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunConfigTest {

    private static RunConfig withDurations(Duration thinkTime, Duration timeout) {
        return new RunConfig(List.of("image-grid"), List.of(BuiltInMode.H2), List.of("lan"), List.of("cold"), true, 1, 0,
                thinkTime, 1, 0, 1, 1, timeout, null, false, 6, 1, 128, 128, KeyType.RSA, 1);
    }

    @Test
    void durationsLongerThanADayAreRefusedBeforeTheyCanOverflow() {
        Duration huge = Duration.parse("PT9999999999999H");
        assertEquals("think time must be at most 24h, got 9999999999999h",
                assertThrows(IllegalArgumentException.class, () -> withDurations(huge, Duration.ofSeconds(1))).getMessage());
        assertEquals("page-load timeout must be at most 24h, got 25h",
                assertThrows(IllegalArgumentException.class, () -> withDurations(Duration.ZERO, Duration.ofHours(25)))
                        .getMessage());
        withDurations(RunConfig.MAX_DURATION, RunConfig.MAX_DURATION).toMap(); // a day is fine, and fits run.json
    }
}
