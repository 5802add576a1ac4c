package io.muxbench.driver.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.muxbench.driver.transport.QuicTurnedOff;
import io.muxbench.vocabulary.ModeDescription;
import io.netty.handler.codec.quic.Quic;
import java.util.List;
import org.junit.jupiter.api.Test;

class H3ModeTest {

    private static final List<Mode> OVER_TCP = List.of(BuiltInMode.H1, BuiltInMode.H1_PIPELINED, BuiltInMode.H2);

    @Test
    void isTheFourthBuiltInModeWithItsOwnDescription() {
        assertEquals(BuiltInMode.H3, Mode.of("H3"));
        assertEquals(ModeDescription.builtIn(), Mode.builtIn().stream().map(Mode::description).toList());
        assertEquals("h3", BuiltInMode.H3.alpn());
        assertFalse(ModeDescription.H3.baseline());
        assertEquals("#d62728", ModeDescription.H3.color());
    }

    @Test
    void joinsTheDefaultsOverTlsWhenTheNativeLibraryLoads() {
        assumeTrue(Quic.isAvailable(), "Netty's native QUIC library is not available here");
        assertNull(BuiltInMode.H3.whyUnavailable(true));
        assertEquals(Mode.builtIn(), Mode.runnable(true));
    }

    @Test
    void isLeftOutInCleartextSayingWhy() {
        assertEquals("needs TLS (QUIC has no cleartext form)", BuiltInMode.H3.whyUnavailable(false));
        assertEquals(OVER_TCP, Mode.runnable(false));
        OVER_TCP.forEach(mode -> assertNull(mode.whyUnavailable(false), mode.id()));
    }

    @Test
    void isLeftOutWhenQuicIsTurnedOff() throws Exception {
        QuicTurnedOff.during(() -> {
            assertEquals("is turned off (-Dmuxbench.quic=off)", BuiltInMode.H3.whyUnavailable(true));
            assertEquals(OVER_TCP, Mode.runnable(true));
        });
    }

    @Test
    void chromiumLoadsItOverTlsWithQuicForcedAndReportsH3() {
        ChromiumSettings settings = BuiltInMode.H3.chromium(true);
        assertTrue(settings.quic());
        assertEquals("h3", settings.nextHopProtocol());
        assertEquals("HTTP/3", settings.originProtocol());
        assertEquals(1, settings.connectionsPerOrigin());
        assertEquals(100, settings.maxInFlightPerConnection(100));
        assertNull(BuiltInMode.H3.chromium(false));
        OVER_TCP.forEach(mode -> {
            ChromiumSettings tcp = mode.chromium(true);
            assertTrue(tcp == null || !tcp.quic(), mode.id());
        });
    }

    @Test
    void theCeilingCannotMeasureIt() {
        assertEquals("(h2load cannot speak HTTP/3)", BuiltInMode.H3.whyNoCeiling());
        OVER_TCP.forEach(mode -> assertNull(mode.whyNoCeiling(), mode.id()));
    }
}
