package io.muxbench.driver.mode;

import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.ClientEnvironment;
import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.vocabulary.TlsVersion;
import java.util.List;

/**
 * The one variable muxbench measures, as one part: everything the run, the origin check, Chromium
 * and the results need to know of a mode is here, so that adding a mode (HTTP/3, or one a test makes)
 * adds one implementation and changes nothing else. The origin offers every protocol on every port,
 * so it needs nothing from a mode but {@link #alpn()}.
 *
 * <pre>{@code
 * Mode mode = Mode.of(ModeDescription.H2.id());
 * BrowserClient browser = mode.newClient(environment, browserIndex);
 * }</pre>
 */
public interface Mode {

    /** Its id, label, colour and whether it is the baseline, as run.json records them. */
    ModeDescription description();

    /** The name used on the command line, in results and in cell ids. */
    default String id() {
        return description().id();
    }

    /** The ALPN protocol this mode must negotiate over TLS ({@code h2}, {@code http/1.1}). */
    String alpn();

    /**
     * A new virtual browser's client for this mode, with a pool of connections per host of the page
     * ({@link io.muxbench.scenario.Resource#host()}), all of them to the environment's origin;
     * {@code browserIndex} picks its source address. The client reports what it negotiated itself.
     */
    BrowserClient newClient(ClientEnvironment environment, int browserIndex) throws Exception;

    /**
     * How real Chromium loads this mode, with or without TLS; null when it cannot (then
     * {@link #whyNoChromium(boolean)} says why).
     */
    ChromiumSettings chromium(boolean tls);

    /**
     * Why Chromium cannot load this mode, as the words that follow the mode's id in the console's
     * note {@code no browser cell for h1-pipelined (Chromium does not pipeline)}.
     */
    default String whyNoChromium(boolean tls) {
        return "(Chromium cannot load it)";
    }

    /**
     * Why this mode cannot run here, with or without TLS, as the words that follow the mode's id
     * ({@code h3 needs TLS}); null when it can. A run leaves such a mode out of its defaults, and
     * refuses it when asked for it by name.
     */
    default String whyUnavailable(boolean tls) {
        return null;
    }

    /**
     * Why this mode cannot be held to TLS {@code version} ({@code run --tls}), as the words that follow the
     * mode's id ({@code h3 is QUIC, always TLS 1.3}); null when it can, and always for null (any version).
     * A run leaves such a mode out of its defaults, and refuses it when asked for it by name.
     */
    default String whyNot(TlsVersion version) {
        return null;
    }

    /**
     * Why {@code muxbench ceiling} cannot measure this mode, as the words that follow the mode's id;
     * null when it can.
     */
    default String whyNoCeiling() {
        return null;
    }

    /** The modes muxbench ships, in the order runs compare them. */
    static List<Mode> builtIn() {
        return List.of(BuiltInMode.values());
    }

    /** The built-in modes that can run here, with or without TLS: a run's default. */
    static List<Mode> runnable(boolean tls) {
        return runnable(tls, null);
    }

    /** The built-in modes that can run here, with or without TLS, held to {@code version} (null: any): a run's default. */
    static List<Mode> runnable(boolean tls, TlsVersion version) {
        return builtIn().stream().filter(mode -> mode.whyUnavailable(tls) == null && mode.whyNot(version) == null).toList();
    }

    /** A built-in mode by its id (case-insensitive), or an exception listing the valid ones. */
    static Mode of(String id) {
        return BuiltInMode.of(id);
    }
}
