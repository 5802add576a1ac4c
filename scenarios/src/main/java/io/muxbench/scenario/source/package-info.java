/** Picks where a named scenario comes from (bundled, a scenario file, a HAR capture), above the loader and the importer. */
package io.muxbench.scenario.source;
