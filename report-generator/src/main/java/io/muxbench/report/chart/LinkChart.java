package io.muxbench.report.chart;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Median page-load time against link profile (XChart), one line per mode, so the reader sees
 * where, as the round trip grows, one protocol pulls ahead.
 *
 * <pre>{@code
 * String svg = LinkChart.render("home · cold", List.of("lan", "cable", "3g"),
 *         Map.of("h1", Arrays.asList(3.0, 40.0, 400.0), "h2", Arrays.asList(2.0, 30.0, 250.0)));
 * }</pre>
 */
public final class LinkChart {

    private LinkChart() {
    }

    /**
     * @param links    x axis categories, in the run's order (labels may name the RTT)
     * @param p50ByMode for each mode, the median page-load time per link in milliseconds, one per link
     */
    public static String render(String title, List<String> links, Map<String, List<Double>> p50ByMode) {
        CategoryChart chart = new CategoryChartBuilder().width(560).height(320).title(title)
                .xAxisTitle("link profile").yAxisTitle("median page-load time (ms)").build();
        XCharts.style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        // Lines share the categories' x positions instead of standing side by side like bars.
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setMarkerSize(7);
        p50ByMode.forEach((mode, p50s) -> {
            CategorySeries series = chart.addSeries(mode, links, p50s);
            series.setLineColor(ModeColors.of(mode));
            series.setMarkerColor(ModeColors.of(mode));
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineWidth(2f);
        });
        return XCharts.toInlineSvg(chart, "links");
    }
}
