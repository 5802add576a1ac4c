package io.muxbench.report;

import static io.muxbench.report.LiteratureReport.finite;
import static io.muxbench.report.LiteratureReport.orDash;
import static io.muxbench.report.LiteratureReport.percent;

import io.muxbench.report.chart.SweepChart;
import io.muxbench.results.literature.Literature.Measure;
import io.muxbench.results.literature.Literature.Point;
import io.muxbench.results.literature.Literature.Published;
import io.muxbench.results.literature.Literature.Study;
import io.muxbench.vocabulary.ModeDescription;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One study of the literature report: what it varies and holds fixed, its sweep charted beside the
 * published figures, its points, its verdict with the reasons, and links to its runs.
 */
final class LiteratureStudySection {

    private LiteratureStudySection() {
    }

    static String render(Study study, String id, Predicate<String> hasReport) {
        Html html = new Html();
        html.raw("<section id=\"").text(id).raw("\">\n<h2>").text(LiteratureReport.rowName(study.row()) + ": " + orDash(study.title()))
                .raw("</h2>\n<table class=\"facts\"><tbody>\n");
        fact(html, "Varied", study.vary());
        fact(html, "Fixed", study.fixed());
        fact(html, "Expected", study.expected());
        if (study.published() != null && study.published().source() != null) {
            fact(html, "Published", study.published().source());
        }
        html.raw("</tbody></table>\n");
        List<String> modes = modes(study);
        if (study.points().isEmpty()) {
            html.note("empty", "No point was measured.");
        } else {
            charts(html, study, modes);
            points(html, study, modes);
        }
        html.raw("<p>Verdict: ");
        LiteratureReport.verdict(html, study.verdict());
        html.raw("</p>\n");
        list(html, study.reasons());
        if (!study.differences().isEmpty()) {
            html.raw("<h3>Where this harness differs from the study</h3>\n");
            list(html, study.differences());
        }
        runs(html, study.folders(), hasReport);
        return html.raw("</section>\n").toString();
    }

    /** The modes measured at any point: the baseline, the compared mode, then the others as runs order them. */
    private static List<String> modes(Study study) {
        TreeSet<String> others = new TreeSet<>(Comparator.comparingInt(LiteratureStudySection::builtInOrder)
                .thenComparing(Comparator.naturalOrder()));
        study.points().forEach(p -> others.addAll(p.byMode().keySet()));
        List<String> modes = new ArrayList<>();
        for (String first : new String[] {study.baseline(), study.compared()}) {
            if (first != null && others.remove(first)) {
                modes.add(first);
            }
        }
        modes.addAll(others);
        return modes;
    }

    private static int builtInOrder(String id) {
        List<ModeDescription> builtIn = ModeDescription.builtIn();
        for (int i = 0; i < builtIn.size(); i++) {
            if (builtIn.get(i).id().equals(id)) {
                return i;
            }
        }
        return builtIn.size();
    }

    /** The mode's colour in every chart; a grey for an id that is not a mode's (a damaged file). */
    static String color(String mode) {
        try {
            return ModeDescription.known(Objects.requireNonNullElse(mode, "")).color();
        } catch (IllegalArgumentException e) {
            return "#7f7f7f";
        }
    }

    private static void charts(Html html, Study study, List<String> modes) {
        List<String> labels = study.points().stream().map(p -> orDash(p.label())).toList();
        List<SweepChart.Line> times = new ArrayList<>();
        for (String mode : modes) {
            List<Double> means = new ArrayList<>();
            for (Point point : study.points()) {
                Measure measure = point.byMode().get(mode);
                means.add(measure == null ? null : measure.meanMs());
            }
            times.add(new SweepChart.Line(mode, color(mode), false, means));
        }
        Published published = study.published();
        if (published != null && published.baselineMs() != null) {
            times.add(new SweepChart.Line("published HTTP", color(study.baseline()), true, published.baselineMs()));
        }
        if (published != null && published.comparedMs() != null) {
            times.add(new SweepChart.Line("published SPDY", color(study.compared()), true, published.comparedMs()));
        }
        List<SweepChart.Line> gains = new ArrayList<>();
        gains.add(new SweepChart.Line("measured", color(study.compared()), false,
                study.points().stream().map(Point::gainPercent).toList()));
        if (published != null && published.gainPercent() != null) {
            gains.add(new SweepChart.Line("published", "#57606a", true, published.gainPercent()));
        }
        if (!SweepChart.hasValues(times, labels.size()) && !SweepChart.hasValues(gains, labels.size())) {
            html.note("empty", "No page-load time at any point: nothing to chart.");
            return;
        }
        String vary = orDash(study.vary());
        html.raw("<div class=\"charts\">")
                .raw(SweepChart.render("Mean page-load time", vary, "mean page-load time (ms)", labels, times))
                .raw(SweepChart.render("Gain of " + orDash(study.compared()) + " over " + orDash(study.baseline()), vary,
                        "gain (%)", labels, gains))
                .raw("</div>\n");
    }

    private static void points(Html html, Study study, List<String> modes) {
        List<Double> publishedGains = study.published() == null ? null : study.published().gainPercent();
        boolean published = publishedGains != null && publishedGains.stream().anyMatch(LiteratureReport::finite);
        List<String> headers = new ArrayList<>(List.of("point"));
        for (String mode : modes) {
            headers.addAll(List.of(mode + " mean", mode + " p50", mode + " page loads"));
        }
        headers.add("gain");
        if (published) {
            headers.addAll(List.of("published gain", "gap"));
        }
        html.table("numbers", headers.toArray(String[]::new));
        for (int i = 0; i < study.points().size(); i++) {
            Point point = study.points().get(i);
            List<String> cells = new ArrayList<>(List.of(orDash(point.label())));
            for (String mode : modes) {
                Measure measure = point.byMode().get(mode);
                cells.add(measure == null ? "–" : ms(measure.meanMs()));
                cells.add(measure == null ? "–" : ms(measure.p50Ms()));
                cells.add(measure == null ? "–"
                        : measure.pageLoads() + (measure.failed() > 0 ? " (" + measure.failed() + " failed)" : ""));
            }
            cells.add(percent(point.gainPercent()));
            if (published) {
                Double publishedGain = i < publishedGains.size() ? publishedGains.get(i) : null;
                cells.add(percent(publishedGain));
                cells.add(finite(point.gainPercent()) && finite(publishedGain)
                        ? String.format(Locale.ROOT, "%+.1f points", point.gainPercent() - publishedGain) : "–");
            }
            html.row(cells.toArray(String[]::new));
        }
        html.endTable();
    }

    private static String ms(double millis) {
        return Double.isFinite(millis) ? Html.ms(millis) : "–";
    }

    private static void fact(Html html, String name, String value) {
        html.raw("<tr>").element("th", name).element("td", orDash(value)).raw("</tr>\n");
    }

    private static void list(Html html, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        html.raw("<ul>\n");
        items.forEach(item -> html.element("li", orDash(item)).raw("\n"));
        html.raw("</ul>\n");
    }

    /** Relative links to the runs' own reports, so the suite's folder can move or be published whole. */
    private static void runs(Html html, List<String> folders, Predicate<String> hasReport) {
        if (folders.isEmpty()) {
            html.note("empty", "No run folder.");
            return;
        }
        html.raw("<p>Runs: ");
        for (int i = 0; i < folders.size(); i++) {
            String folder = orDash(folders.get(i));
            // "./" keeps a folder name from being read as a URL scheme.
            html.raw(i == 0 ? "" : ", ").raw("<a href=\"./").text(folder + "/index.html").raw("\">").text(folder).raw("</a>");
            if (!hasReport.test(folder)) {
                html.text(" (no report yet: muxbench report on the folder writes it)");
            }
        }
        html.raw("</p>\n");
    }
}
