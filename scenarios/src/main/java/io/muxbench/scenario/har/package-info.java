/** The HAR importer: turns one page of a browser's HAR capture into a {@link io.muxbench.scenario.Scenario}. */
package io.muxbench.scenario.har;
