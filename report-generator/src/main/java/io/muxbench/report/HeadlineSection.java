package io.muxbench.report;

import io.muxbench.vocabulary.CellKey;
import io.muxbench.vocabulary.ModeDescription;
import java.util.List;
import java.util.Map;

/**
 * Each mode's median page-load time against the run's baseline mode (h1 in muxbench's own runs), per
 * scenario, link and reuse, with its uncertainty; and, when the run has h2 beside the baseline, every
 * other mode against h2 as well (is h3, or pipelining, worth it over what browsers already speak?).
 */
final class HeadlineSection {

    private HeadlineSection() {
    }

    static String title(ReportData data) {
        ModeDescription baseline = data.baseline();
        String second = second(data);
        return "Headline: page-load time against " + (baseline == null ? "a baseline" : baseline.id())
                + (second == null ? "" : " and " + second);
    }

    /** The second mode the others are compared against ({@link ModeDescription#secondReference}), or null. */
    static String second(ReportData data) {
        return ModeDescription.secondReference(data.distinct(Cell::mode), data.baseline());
    }

    static String render(ReportData data) {
        Html html = new Html();
        ModeDescription baselineMode = data.baseline();
        if (baselineMode == null) {
            html.note("empty", "No mode of this run is its baseline (" + String.join(", ", data.distinct(Cell::mode))
                    + "): there is nothing to compare the others with.");
            return html.toString();
        }
        String base = baselineMode.id();
        int rows = table(html, data, base, mode -> true);
        if (rows == 0) {
            html.note("empty", "Only " + base + " ran, or no cell had another mode to compare: there is no ratio to show.");
        }
        String second = second(data);
        if (second != null) {
            html.element("h3", "Against " + second);
            table(html, data, second, mode -> !mode.equals(base));
        }
        html.raw("<p class=\"footnote\"><sup>1</sup> ").text("Ratio = the mode's median page-load time divided by "
                + "the compared mode's (" + base + (second == null ? "" : ", or " + second + " in the second table")
                + "), in the same scenario, link and reuse.").raw(" Below 1 the mode is faster. The interval is a percentile bootstrap:"
                + " both cells' recorded HdrHistograms are resampled with replacement (as many page loads as each"
                + " cell had), " + RatioEstimate.RESAMPLES + " times with a fixed seed, and the 2.5th and 97.5th percentiles of the resampled ratios are shown. <span class=\"better\">"
                + "faster</span> and <span class=\"worse\">slower</span> mean the whole interval is below or above 1;"
                + " otherwise the difference is within the noise of this run. It says nothing of run-to-run variation"
                + " (other load on the machine): compare runs for that.</p>\n");
        return html.toString();
    }

    /** One table: every cell whose mode {@code shown} accepts against the cell of mode {@code base} in its group; its row count. */
    private static int table(Html html, ReportData data, String base, java.util.function.Predicate<String> shown) {
        html.raw("<table class=\"headline\"><thead><tr><th>scenario</th><th>link</th><th>reuse</th><th>mode</th>"
                + "<th>median PLT</th>").element("th", base + " median PLT").element("th", "ratio to " + base)
                .raw("<th>95% interval<sup>1</sup></th><th>verdict</th></tr></thead><tbody>\n");
        int rows = 0;
        for (Map.Entry<CellKey.Group, List<Cell>> group : data.groups().entrySet()) {
            Cell baseline = group.getValue().stream().filter(c -> base.equals(c.mode())).findFirst().orElse(null);
            for (Cell cell : group.getValue()) {
                if (cell != baseline && shown.test(cell.mode())) {
                    row(html, group.getKey(), cell, baseline, base);
                    rows++;
                }
            }
        }
        html.raw("</tbody></table>\n");
        return rows;
    }

    private static void row(Html html, CellKey.Group key, Cell cell, Cell baseline, String base) {
        String ratio = "–";
        String interval = "–";
        String verdict;
        String css = "";
        if (baseline == null) {
            verdict = "no " + base + " cell to compare with";
        } else if (!cell.hasPageLoads() || !baseline.hasPageLoads()) {
            verdict = "no page-load times in " + (cell.hasPageLoads() ? base : "this cell");
        } else {
            RatioEstimate estimate = RatioEstimate.of(baseline.pageLoads(), cell.pageLoads());
            ratio = Html.num(estimate.ratio(), 2) + "×";
            interval = Html.num(estimate.low(), 2) + " – " + Html.num(estimate.high(), 2);
            if (estimate.high() < 1) {
                css = "better";
                verdict = "faster (" + percent(1 - estimate.ratio()) + " less time)";
            } else if (estimate.low() > 1) {
                css = "worse";
                verdict = "slower (" + percent(estimate.ratio() - 1) + " more time)";
            } else {
                css = "same";
                verdict = "no clear difference";
            }
        }
        html.raw("<tr class=\"" + css + "\">");
        for (String text : new String[] {key.scenario(), key.link(), key.reuse() + (key.tls() ? "" : ", cleartext"),
                cell.mode(), cell.hasPageLoads() ? Html.ms(cell.p50Ms()) : "–",
                baseline != null && baseline.hasPageLoads() ? Html.ms(baseline.p50Ms()) : "–", ratio, interval, verdict}) {
            html.element("td", text);
        }
        html.raw("</tr>\n");
    }

    /** A small but clear difference keeps a decimal: "0.4%", never "0%". */
    static String percent(double fraction) {
        double percent = fraction * 100;
        return Html.num(percent, Math.abs(percent) < 9.95 ? 1 : 0) + "%";
    }
}
