package io.muxbench.cli;

import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioException;
import io.muxbench.scenario.ScenarioLoader;

/** Loads scenarios for commands, turning loader errors into one-line user errors. */
final class Scenarios {

    private Scenarios() {
    }

    static Scenario load(String nameOrPath) {
        try {
            return ScenarioLoader.resolve(nameOrPath);
        } catch (ScenarioException e) {
            throw UserException.badInput(e.getMessage());
        }
    }
}
