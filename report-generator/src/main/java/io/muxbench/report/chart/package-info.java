/** Charts of the HTML report as inline SVG: XChart for the standard plots, hand-drawn SVG for the waterfall, the percentile plot and JMH bars. */
package io.muxbench.report.chart;
