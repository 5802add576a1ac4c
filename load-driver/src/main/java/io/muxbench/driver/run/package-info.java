/** The runner: cells (scenario x mode x link x reuse) run interleaved in rounds, page loads under closed or open load, recorded into HdrHistogram recorders and written as a run folder. */
package io.muxbench.driver.run;
