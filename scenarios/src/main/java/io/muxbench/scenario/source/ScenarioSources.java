package io.muxbench.scenario.source;

import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioException;
import io.muxbench.scenario.ScenarioLoader;
import io.muxbench.scenario.har.HarImporter;
import io.muxbench.scenario.synthetic.SyntheticPage;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a scenario named on the command line comes from: a synthetic page ({@code synthetic:100x2kb})
 * is made by {@link SyntheticPage}, a HAR capture (a file ending in {@code .har}) goes to the
 * {@link HarImporter}, anything else to the {@link ScenarioLoader} (a bundled name or a scenario
 * file). The one place that knows them all, so that none knows another.
 *
 * <pre>{@code
 * Scenario page = ScenarioSources.resolve("blog");                                  // bundled
 * Scenario grid = ScenarioSources.resolve("synthetic:100x2kb:4hosts");              // no file: 100 objects, 4 hosts
 * Scenario real = ScenarioSources.resolve("captures/shop.har",
 *         HarImporter.Options.defaults().withKeepHosts(true));                     // a HAR, hosts apart
 * }</pre>
 */
public final class ScenarioSources {

    private ScenarioSources() {
    }

    /** A synthetic page, a bundled scenario by name, a scenario file by path, or a HAR file imported with the defaults. */
    public static Scenario resolve(String nameOrPath) throws ScenarioException {
        return resolve(nameOrPath, HarImporter.Options.defaults());
    }

    /** A synthetic page, a bundled scenario by name, a scenario file by path, or a HAR file imported with {@code har}. */
    public static Scenario resolve(String nameOrPath, HarImporter.Options har) throws ScenarioException {
        if (SyntheticPage.isSynthetic(nameOrPath)) {
            return SyntheticPage.parse(nameOrPath);
        }
        if (isHar(nameOrPath)) {
            return HarImporter.importHar(Path.of(nameOrPath), har).scenario();
        }
        return ScenarioLoader.resolve(nameOrPath);
    }

    private static boolean isHar(String nameOrPath) {
        return !ScenarioLoader.BUNDLED.contains(nameOrPath) && nameOrPath.toLowerCase(Locale.ROOT).endsWith(".har");
    }
}
