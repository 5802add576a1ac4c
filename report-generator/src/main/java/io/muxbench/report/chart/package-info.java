/**
 * Charts of the HTML report as inline SVG, drawn by hand with {@link io.muxbench.report.chart.Svg}: labels are
 * SVG text in the page's sans-serif font, so a chart weighs a few kilobytes.
 */
package io.muxbench.report.chart;
