/** The results format shared by the driver, the reporter and CI: run.json, results.json and one HdrHistogram log per cell. */
package io.muxbench.results;
