/**
 * {@code muxbench compare}: matches the cells and JMH benchmarks of two runs, decides per match whether
 * it regressed (a change beyond a threshold with bootstrap or JMH-error support), and writes the
 * verdict as a console table, Markdown and JUnit XML. See {@code report-generator/COMPARE.md}.
 */
package io.muxbench.report.compare;
