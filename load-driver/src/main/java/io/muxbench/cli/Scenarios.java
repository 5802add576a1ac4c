package io.muxbench.cli;

import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioException;
import io.muxbench.scenario.har.HarImporter;
import io.muxbench.scenario.source.ScenarioSources;

/** Loads scenarios for commands, turning loader errors into one-line user errors. */
final class Scenarios {

    private Scenarios() {
    }

    static Scenario load(String nameOrPath) {
        return load(nameOrPath, false);
    }

    /** @param keepHosts a HAR file's hosts stay apart, each an origin of its own (import-har --keep-hosts) */
    static Scenario load(String nameOrPath, boolean keepHosts) {
        return load(nameOrPath, keepHosts, false);
    }

    /** @param dropRedirects a HAR file's redirects are skipped (import-har --drop-redirects) */
    static Scenario load(String nameOrPath, boolean keepHosts, boolean dropRedirects) {
        try {
            return ScenarioSources.resolve(nameOrPath,
                    HarImporter.Options.defaults().withKeepHosts(keepHosts).withDropRedirects(dropRedirects));
        } catch (ScenarioException e) {
            throw UserException.badInput(e.getMessage());
        }
    }
}
