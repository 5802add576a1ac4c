package io.muxbench.report.chart;

import java.awt.Color;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Bytes on the wire per page load as stacked bars (XChart): request and response headers and
 * framing against bodies, one bar per mode, so the cost of HPACK-less HTTP/1.1 headers shows.
 *
 * <pre>{@code
 * String svg = BytesChart.render("home · cold", List.of(new Bar("h1", 9000, 0, 40000, 800000)));
 * }</pre>
 */
public final class BytesChart {

    /** One bar: its label and its four parts, in bytes per page load. */
    public record Bar(String label, long headersSent, long bodySent, long headersReceived, long bodyReceived) {
    }

    private static final Color[] PARTS = {new Color(0x6baed6), new Color(0x08519c), new Color(0xfdae6b),
            new Color(0xd94801)};

    private BytesChart() {
    }

    public static String render(String title, List<Bar> bars) {
        CategoryChart chart = new CategoryChartBuilder().width(560).height(300).title(title)
                .xAxisTitle("mode").yAxisTitle("KiB per page load").build();
        XCharts.style(chart);
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setSeriesColors(PARTS);
        List<String> labels = bars.stream().map(Bar::label).toList();
        add(chart, "request headers", labels, bars.stream().map(b -> kib(b.headersSent())).toList());
        add(chart, "request bodies", labels, bars.stream().map(b -> kib(b.bodySent())).toList());
        add(chart, "response headers", labels, bars.stream().map(b -> kib(b.headersReceived())).toList());
        add(chart, "response bodies", labels, bars.stream().map(b -> kib(b.bodyReceived())).toList());
        return XCharts.toInlineSvg(chart, "bytes");
    }

    private static void add(CategoryChart chart, String name, List<String> labels, List<Double> kib) {
        CategorySeries series = chart.addSeries(name, labels, kib);
        series.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
    }

    private static double kib(long bytes) {
        return bytes / 1024.0;
    }
}
