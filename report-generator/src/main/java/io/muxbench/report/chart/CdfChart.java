package io.muxbench.report.chart;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Cumulative distribution of page-load times (XChart): the share of page loads finished by a
 * given time, one line per mode.
 *
 * <pre>{@code
 * String svg = CdfChart.render("home · cable · cold", List.of(new PercentileChart.Series("h2", micros)));
 * }</pre>
 */
public final class CdfChart {

    private CdfChart() {
    }

    public static String render(String title, List<PercentileChart.Series> series) {
        XYChart chart = new XYChartBuilder().width(560).height(320).title(title)
                .xAxisTitle("page-load time (ms)").yAxisTitle("page loads done (%)").build();
        XCharts.style(chart);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        for (PercentileChart.Series s : series) {
            double[][] xy = points(s.micros());
            XYSeries line = chart.addSeries(s.mode(), xy[0], xy[1]);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(ModeColors.of(s.mode()));
            line.setLineWidth(2f);
        }
        return XCharts.toInlineSvg(chart, "cdf");
    }

    // Percentile steps rather than every distinct value: a few hundred points, finer in the tail.
    private static double[][] points(Histogram h) {
        double[] xs = new double[400];
        double[] ys = new double[400];
        int n = 0;
        xs[n] = h.getMinValue() / 1000.0;
        ys[n++] = 0;
        for (HistogramIterationValue v : h.percentiles(5)) {
            if (n == xs.length) {
                break;
            }
            xs[n] = h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0;
            ys[n++] = v.getPercentileLevelIteratedTo();
        }
        return new double[][] {java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n)};
    }
}
