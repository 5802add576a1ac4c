/** The HTML report of a run folder, and compare, which turns two runs into a regression verdict. */
package io.muxbench.report;
