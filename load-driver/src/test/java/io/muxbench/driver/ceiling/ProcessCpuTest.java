package io.muxbench.driver.ceiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessCpuTest {

    /** A name with spaces and parentheses, as a thread or process may have. */
    private static final String STAT = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 5000 0 0 0 "
            + "731 96 12 3 20 0 30 0 100 5000000 3000 18446744073709551615";

    @Test
    void readsUserAndSystemTicksAfterTheName() {
        assertArrayEquals(new long[]{731, 96}, ProcessCpu.parse(STAT, 11));
        assertArrayEquals(new long[]{12, 3}, ProcessCpu.parse(STAT, 13));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsThisProcessAsTheManagementBeanDoes() {
        long fromProc = ProcessCpu.nanos(ProcessHandle.current().pid());
        assertTrue(fromProc >= 0, "read /proc/self/stat");
        assertTrue(ProcessCpu.reapedChildrenNanos() >= 0);
        assertTrue(ProcessCpu.nanos(Long.MAX_VALUE) < 0, "no such process");
    }
}
