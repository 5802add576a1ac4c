package io.muxbench.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * Styles XChart charts the report's way and turns them into SVG that can be inlined in HTML.
 * VectorGraphics2D writes text as outlines, so the SVG needs no font at all in the browser.
 *
 * <pre>{@code
 * XYChart chart = new XYChartBuilder().width(560).height(320).build();
 * XCharts.style(chart);
 * String svg = XCharts.toInlineSvg(chart, "cdf");
 * }</pre>
 */
public final class XCharts {

    private static final Pattern PROLOG = Pattern.compile("(?s)^.*?(?=<svg[\\s>])");
    private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");
    /** Inline SVGs share one HTML id space: every chart's ids get a prefix unique in the JVM. */
    private static final AtomicInteger CHARTS = new AtomicInteger();

    private XCharts() {
    }

    /** White, light grid, legend inside the plot, locale-independent numbers. */
    public static void style(Chart<? extends AxesChartStyler, ?> chart) {
        AxesChartStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xbbbbbb));
        styler.setPlotGridLinesColor(new Color(0xe4e4e4));
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setLegendBorderColor(new Color(0xcccccc));
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartTitleVisible(true);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLocale(Locale.ROOT);
        styler.setMarkerSize(5);
        styler.setAntiAlias(true);
        styler.setChartPadding(8);
    }

    /** The chart as an {@code <svg>} element: no XML prolog or doctype, unique ids, scalable. */
    public static String toInlineSvg(Chart<?, ?> chart, String cssClass) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a chart to memory", e);
        }
        String svg = PROLOG.matcher(out.toString(StandardCharsets.UTF_8)).replaceFirst("");
        svg = uniqueIds(svg, "c" + CHARTS.incrementAndGet() + "-");
        return svg.replaceFirst("<svg ", "<svg class=\"chart " + Svg.escape(cssClass) + "\" ");
    }

    private static String uniqueIds(String svg, String prefix) {
        Matcher ids = ID.matcher(svg);
        String result = svg;
        while (ids.find()) {
            String id = ids.group(1);
            result = result.replace("id=\"" + id + "\"", "id=\"" + prefix + id + "\"")
                    .replace("url(#" + id + ")", "url(#" + prefix + id + ")")
                    .replace("href=\"#" + id + "\"", "href=\"#" + prefix + id + "\"");
        }
        return result;
    }
}
