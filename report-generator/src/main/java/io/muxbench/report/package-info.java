/** The HTML report of a run folder and of the literature suite's folder, and compare, which turns two runs into a regression verdict. */
package io.muxbench.report;
