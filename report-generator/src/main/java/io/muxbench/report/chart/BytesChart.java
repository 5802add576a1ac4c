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
 * String svg = BytesChart.render("home", List.of(new Bar("h1 cold", 9000, 0, 40000, 800000)), false);
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

    /** All four parts stacked; with {@code headersOnly}, just the headers and framing, which bodies would dwarf. */
    public static String render(String title, List<Bar> bars, boolean headersOnly) {
        CategoryChart chart = new CategoryChartBuilder().width(headersOnly ? 560 : 660).height(320).title(title)
                .xAxisTitle("mode, reuse").yAxisTitle("KiB per page load").build();
        XCharts.style(chart);
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setXAxisLabelRotation(bars.size() > 4 ? 20 : 0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setSeriesColors(headersOnly ? new Color[] {PARTS[0], PARTS[2]} : PARTS);
        List<String> labels = bars.stream().map(Bar::label).toList();
        add(chart, "request headers", labels, bars.stream().map(b -> kib(b.headersSent())).toList());
        if (!headersOnly) {
            add(chart, "request bodies", labels, bars.stream().map(b -> kib(b.bodySent())).toList());
        }
        add(chart, "response headers", labels, bars.stream().map(b -> kib(b.headersReceived())).toList());
        if (!headersOnly) {
            add(chart, "response bodies", labels, bars.stream().map(b -> kib(b.bodyReceived())).toList());
        }
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
