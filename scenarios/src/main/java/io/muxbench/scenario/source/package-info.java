/** Picks where a named scenario comes from (bundled, a scenario file, a HAR capture, a synthetic page), above the loader, the importer and the synthetic pages. */
package io.muxbench.scenario.source;
