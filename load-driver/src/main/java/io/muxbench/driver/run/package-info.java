/**
 * The runner: a {@link io.muxbench.driver.run.RunPlan} of cells (scenario x link x reuse x mode, with or
 * without TLS, by the driver or Chromium; {@link io.muxbench.vocabulary.CellKey}) run interleaved in
 * rounds by a {@link io.muxbench.driver.run.CellRound} each, page loads under closed or open load,
 * recorded by a {@link io.muxbench.driver.run.CellRecorder} and written as a run folder.
 */
package io.muxbench.driver.run;
