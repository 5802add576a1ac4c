package io.muxbench.driver.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UdpKernelCountersTest {

    private static final List<String> SNMP = List.of(
            "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn",
            "Tcp: 1 200 120000 -1",
            "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors",
            "Udp: 155244 3 14 155248 10 4 0 0 2",
            "UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors IgnoredMulti MemErrors",
            "UdpLite: 0 0 0 0 0 0 0 0 0");

    @Test
    void readsTheUdpErrorCountersByName() {
        assertEquals(new UdpKernelCounters(14, 10, 4, 2), UdpKernelCounters.parse(SNMP));
    }

    @Test
    void droppedCountsBufferAndMemoryErrorsOnceWhateverInErrorsIncludes() {
        UdpKernelCounters before = new UdpKernelCounters(2, 1, 0, 0);
        UdpKernelCounters after = UdpKernelCounters.parse(SNMP);
        UdpKernelCounters delta = after.minus(before);
        assertEquals(new UdpKernelCounters(12, 9, 4, 2), delta);
        assertEquals(12 + 4, delta.dropped(), "InErrors includes the receive buffer and memory errors");
        assertEquals(7, new UdpKernelCounters(0, 3, 4, 0).dropped(), "a kernel that does not add them to InErrors");
    }

    @Test
    void withoutAUdpLineNothingIsKnownDropped() {
        assertEquals(UdpKernelCounters.NONE, UdpKernelCounters.parse(List.of("Ip: Forwarding", "Ip: 1")));
    }

    @Test
    void readsThisMachinesCountersOrNone() {
        // Whatever the machine: never negative, never an exception.
        UdpKernelCounters now = UdpKernelCounters.read();
        assertEquals(0, now.minus(now).dropped());
    }
}
