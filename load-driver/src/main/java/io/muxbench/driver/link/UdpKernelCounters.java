package io.muxbench.driver.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's UDP error counters ({@code /proc/net/snmp}, the {@code Udp:} lines): datagrams the
 * kernel dropped before a socket read them or when a socket's send buffer was full. A relay or a QUIC
 * stack never sees those drops, so a run reads the counters before and after each cell and says when
 * the kernel lost datagrams behind the link's back. The counters are the whole machine's: anything
 * else sending UDP meanwhile counts too.
 *
 * <pre>{@code
 * UdpKernelCounters before = UdpKernelCounters.read();
 * ... a cell ...
 * UdpKernelCounters lost = UdpKernelCounters.read().minus(before);
 * if (lost.dropped() > 0) ...
 * }</pre>
 *
 * @param inErrors     datagrams that could not be delivered to a socket (includes the buffer errors)
 * @param receiveBufferErrors datagrams dropped because a socket's receive buffer was full
 * @param sendBufferErrors    datagrams dropped because a socket's send buffer was full
 * @param memoryErrors datagrams dropped for want of kernel memory
 */
public record UdpKernelCounters(long inErrors, long receiveBufferErrors, long sendBufferErrors, long memoryErrors) {

    private static final Path SNMP = Path.of("/proc/net/snmp");
    /** Where they cannot be read (not Linux): nothing is known to have been dropped. */
    public static final UdpKernelCounters NONE = new UdpKernelCounters(0, 0, 0, 0);

    /** The counters now; {@link #NONE} where {@code /proc/net/snmp} cannot be read. */
    public static UdpKernelCounters read() {
        try {
            return parse(Files.readAllLines(SNMP));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** The counters of the {@code Udp:} header and value lines of {@code /proc/net/snmp}'s text. */
    static UdpKernelCounters parse(List<String> lines) {
        String[] names = null;
        for (String line : lines) {
            if (!line.startsWith("Udp: ")) {
                continue;
            }
            String[] fields = line.substring(5).trim().split("\\s+");
            if (names == null) {
                names = fields;
                continue;
            }
            return new UdpKernelCounters(field(names, fields, "InErrors"), field(names, fields, "RcvbufErrors"),
                    field(names, fields, "SndbufErrors"), field(names, fields, "MemErrors"));
        }
        return NONE;
    }

    private static long field(String[] names, String[] values, String name) {
        for (int i = 0; i < names.length && i < values.length; i++) {
            if (names[i].equals(name)) {
                return Long.parseLong(values[i]);
            }
        }
        return 0;
    }

    /** What was counted since {@code before}. */
    public UdpKernelCounters minus(UdpKernelCounters before) {
        return new UdpKernelCounters(inErrors - before.inErrors, receiveBufferErrors - before.receiveBufferErrors,
                sendBufferErrors - before.sendBufferErrors, memoryErrors - before.memoryErrors);
    }

    /** Datagrams the kernel dropped, on the way in or out. */
    public long dropped() {
        return Math.max(inErrors, receiveBufferErrors + memoryErrors) + sendBufferErrors;
    }
}
