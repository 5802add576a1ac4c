/** The page model: a scenario is a tree of resources; its JSON format, the loader that validates it, and the bundled scenarios. */
package io.muxbench.scenario;
