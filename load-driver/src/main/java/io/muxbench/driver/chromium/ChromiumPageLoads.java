package io.muxbench.driver.chromium;

import io.muxbench.vocabulary.ErrorCause;
import io.muxbench.vocabulary.TlsVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Page loads of one Chromium cell in one round. Cold: every page load in a new Chromium process with
 * a fresh profile (nothing cached, no connection open; starting it is outside the measured time).
 * Warm: one Chromium for the round, HTTP cache disabled, one unmeasured page load to open its
 * connections, then the measured ones reuse them.
 *
 * <pre>{@code
 * ChromiumPageLoads cell = new ChromiumPageLoads(exe, spki, null, true, List.of(), Alpn.H2, false, Duration.ofSeconds(30), Duration.ofSeconds(60));
 * cell.runRound(pageUri, 10, 0, () -> { }, load -> record(load), () -> { }, () -> false);
 * }</pre>
 *
 * @param executable      Chromium
 * @param spkiSha256      the origin's key pin, or null
 * @param hostResolverRules Chromium's {@code --host-resolver-rules} mapping a page's hosts to the origin, or null
 * @param http2           HTTP/2 on (true) or Chromium started with {@code --disable-http2} (false)
 * @param quicOrigins     the page's origins ({@code host:port}) Chromium must reach over QUIC; empty for QUIC off
 * @param expectedProtocol the {@code nextHopProtocol} every request must have: {@code h3}, {@code h2} or {@code http/1.1}
 * @param cold            cold (fresh browser per page load) or warm (one browser, connections kept)
 * @param launchTimeout   longest wait for Chromium to start
 * @param pageLoadTimeout longest wait for a page's load event
 * @param tlsVersion      the one TLS version Chromium may use, or null for any
 */
public record ChromiumPageLoads(Path executable, String spkiSha256, String hostResolverRules, boolean http2,
                          List<String> quicOrigins, String expectedProtocol, boolean cold, Duration launchTimeout,
                          Duration pageLoadTimeout, TlsVersion tlsVersion) {

    public ChromiumPageLoads {
        quicOrigins = List.copyOf(quicOrigins);
    }

    /** Page loads with any TLS version. */
    public ChromiumPageLoads(Path executable, String spkiSha256, String hostResolverRules, boolean http2,
                             List<String> quicOrigins, String expectedProtocol, boolean cold, Duration launchTimeout,
                             Duration pageLoadTimeout) {
        this(executable, spkiSha256, hostResolverRules, http2, quicOrigins, expectedProtocol, cold, launchTimeout,
                pageLoadTimeout, null);
    }

    /**
     * Makes {@code warmups} unrecorded and then {@code quota} recorded page loads of {@code page}.
     *
     * @param measuring  called once, before the first recorded page load (e.g. to reset the origin's counters)
     * @param sink       gets every recorded page load
     * @param onPageLoad called after every page load, recorded or not (progress)
     * @param stopped    checked before every page load
     * @throws IOException when Chromium cannot be started or stops answering
     */
    public void runRound(URI page, int quota, int warmups, Runnable measuring, Consumer<ChromiumPageLoad> sink, Runnable onPageLoad,
                         BooleanSupplier stopped) throws IOException {
        if (cold) {
            for (int i = 0; i < warmups + quota && !stopped.getAsBoolean(); i++) {
                if (i == warmups) {
                    measuring.run();
                }
                try (Chromium browser = launch()) {
                    ChromiumPageLoad load = checked(browser.load(page, pageLoadTimeout));
                    if (i >= warmups) {
                        sink.accept(load);
                    }
                }
                onPageLoad.run();
            }
            return;
        }
        try (Chromium browser = launch()) {
            browser.load(page, pageLoadTimeout); // opens the connections the measured page loads reuse
            for (int i = 0; i < warmups + quota && !stopped.getAsBoolean(); i++) {
                if (i == warmups) {
                    measuring.run();
                }
                ChromiumPageLoad load = checked(browser.load(page, pageLoadTimeout));
                if (i >= warmups) {
                    sink.accept(load);
                }
                onPageLoad.run();
            }
        }
    }

    private Chromium launch() throws IOException {
        return Chromium.launch(executable, http2, spkiSha256, hostResolverRules, quicOrigins, tlsVersion, launchTimeout);
    }

    private ChromiumPageLoad checked(ChromiumPageLoad load) {
        if (!load.requests().isEmpty() && !load.protocols().equals(Set.of(expectedProtocol()))) {
            return load.failedWith(ErrorCause.PROTOCOL_MISMATCH);
        }
        return load;
    }
}
