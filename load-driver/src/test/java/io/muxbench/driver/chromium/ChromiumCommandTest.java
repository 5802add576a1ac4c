package io.muxbench.driver.chromium;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.vocabulary.TlsVersion;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChromiumCommandTest {

    private static final Path EXE = Path.of("/usr/bin/chromium");
    private static final Path PROFILE = Path.of("/tmp/profile");

    @Test
    void quicIsOffUnlessOriginsAreForcedOntoIt() {
        List<String> command = Chromium.command(EXE, true, "pin=", null, List.of(), PROFILE);
        assertTrue(command.contains("--disable-quic"), command.toString());
        assertFalse(command.contains("--enable-quic"), command.toString());
        assertTrue(command.stream().noneMatch(a -> a.startsWith("--origin-to-force-quic-on")), command.toString());
        assertEquals("about:blank", command.get(command.size() - 1));
    }

    @Test
    void everyForcedOriginIsNamedOnceBesideTheKeyPinAndTheHostRules() {
        List<String> command = Chromium.command(EXE, true, "pin=", "MAP cdn.example 127.0.0.1:8443",
                List.of("127.0.0.1:8443", "cdn.example:443"), PROFILE);
        assertTrue(command.contains("--enable-quic"), command.toString());
        assertTrue(command.contains("--origin-to-force-quic-on=127.0.0.1:8443,cdn.example:443"), command.toString());
        assertTrue(command.contains("--ignore-certificate-errors-spki-list=pin="), command.toString());
        assertTrue(command.contains("--host-resolver-rules=MAP cdn.example 127.0.0.1:8443"), command.toString());
        assertFalse(command.contains("--disable-quic"), command.toString());
        assertFalse(command.contains("--disable-http2"), command.toString());
    }

    @Test
    void aTlsVersionIsOneBoundAndNoneWithoutOne() {
        assertTrue(Chromium.command(EXE, true, "pin=", null, List.of(), TlsVersion.V1_2, PROFILE)
                .contains("--ssl-version-max=tls1.2"));
        assertTrue(Chromium.command(EXE, true, "pin=", null, List.of(), TlsVersion.V1_3, PROFILE)
                .contains("--ssl-version-min=tls1.3"));
        assertTrue(Chromium.command(EXE, true, "pin=", null, List.of(), PROFILE).stream()
                .noneMatch(a -> a.startsWith("--ssl-version")));
    }
}
