package io.muxbench.report;

import io.muxbench.results.CellResult;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import io.muxbench.vocabulary.Load;
import io.muxbench.vocabulary.RunConfiguration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What ran, where, with which settings, and whether the driver kept up. */
final class RunSection {

    private static final int SHOWN_WARNINGS = 4;

    private RunSection() {
    }

    static String render(ReportData data) {
        RunInfo run = data.run();
        Html html = new Html();
        html.raw("<table class=\"facts\"><tbody>\n");
        fact(html, "scenarios", String.join(", ", data.distinct(c -> c.result().scenario())));
        fact(html, "modes", String.join(", ", data.distinct(Cell::mode)));
        fact(html, "links", String.join(", ", data.distinct(c -> c.result().link())));
        fact(html, "TLS", tls(data));
        fact(html, "reuse", String.join(", ", data.distinct(c -> c.result().reuse().id())));
        fact(html, "clients", String.join(", ", data.distinct(c -> c.result().client().id())));
        fact(html, "cells", data.cells().size() + "");
        RunConfiguration config = run == null ? null : run.configuration();
        if (config != null) {
            fact(html, "load", load(config));
        }
        if (run != null) {
            fact(html, "run", run.runId() + ", muxbench " + run.muxbenchVersion());
            fact(html, "started", run.startedAt() + (run.finishedAt() == null ? "" : " – finished " + run.finishedAt()));
            fact(html, "duration", String.format(Locale.ROOT, "%.1f s", run.durationSeconds()));
            RunInfo.Environment env = run.environment();
            if (env != null) {
                fact(html, "machine", env.cpus() + " CPUs, " + env.os() + " " + env.arch()
                        + (env.hostname() == null ? "" : ", " + env.hostname())
                        + ", max heap " + Html.bytes(env.maxHeapBytes()));
                fact(html, "Java", env.java() + (env.javaVendor() == null ? "" : " (" + env.javaVendor() + ")"));
                fact(html, "Jetty", env.jetty());
            }
        } else {
            fact(html, "run", "no " + ResultsFormat.RUN_FILE + ": machine, versions and configuration unknown");
        }
        html.raw("</tbody></table>\n");
        driver(html, run == null ? null : run.driver());
        if (run != null) {
            warmUp(html, run);
        }
        settings(html, data);
        if (config != null) {
            html.raw("<details><summary>Whole configuration</summary><pre>")
                    .text(ResultsFormat.MAPPER.valueToTree(config).toPrettyString()).raw("</pre></details>\n");
        }
        return html.toString();
    }

    private static void fact(Html html, String name, String value) {
        html.raw("<tr><th>").text(name).raw("</th><td>").text(value == null ? "unknown" : value).raw("</td></tr>\n");
    }

    private static String tls(ReportData data) {
        Set<String> values = new LinkedHashSet<>();
        for (Cell cell : data.cells()) {
            CellResult.Settings s = cell.result().settings();
            values.add(!cell.result().tls() ? "cleartext"
                    : s == null || s.tlsProtocol() == null ? "TLS" : s.tlsProtocol() + " " + s.cipherSuite());
        }
        return String.join(", ", values);
    }

    /** How the page loads were made, on one line, in the words of the command line's help. */
    private static String load(RunConfiguration config) {
        String load = config.load() == Load.OPEN
                ? String.format(Locale.ROOT, "open: %s page loads per second per cell, at most %d in progress",
                java.math.BigDecimal.valueOf(config.ratePerSecond()).stripTrailingZeros().toPlainString(), config.browsers())
                : String.format(Locale.ROOT, "closed: %d browsers per cell, think time %d ms", config.browsers(),
                config.thinkTimeMs());
        return load + String.format(Locale.ROOT, "; %d page loads per cell in %d rounds after %d warm-up, %d kept whole;"
                        + " timeout %d ms; target %s", config.pageLoads(), config.rounds(), config.warmupPageLoads(),
                config.samplesPerCell(), config.pageLoadTimeoutMs(), config.target());
    }

    private static void driver(Html html, RunInfo.DriverHealth driver) {
        if (driver == null) {
            html.note("warn", "The run did not record the driver's health: whether the driver was the bottleneck is unknown.");
            return;
        }
        String linkError = driver.linkTimingErrorP50Us() == null ? ""
                : String.format(Locale.ROOT, " Link emulator timing error: p50 %.0f µs, p99 %.0f µs.",
                driver.linkTimingErrorP50Us(), driver.linkTimingErrorP99Us() == null ? Double.NaN : driver.linkTimingErrorP99Us());
        String load = String.format(Locale.ROOT, "Driver CPU %.0f%% of all cores, worst schedule lag %.1f ms.",
                driver.cpuPercent(), driver.maxScheduleLagMs());
        if (driver.bottleneck()) {
            html.raw("<div class=\"banner warn\"><strong>The driver was probably the bottleneck</strong>: the figures below may measure the load generator, not the protocols. ")
                    .text(load + linkError);
            warnings(html, driver.warnings());
            html.raw("</div>\n");
        } else {
            html.note("ok", "The driver was not the bottleneck. " + load + linkError);
            warnings(html, driver.warnings());
        }
    }

    /** Whether every mode was measured in steady state, in the driver-bound warning's style when not. */
    private static void warmUp(Html html, RunInfo run) {
        String problem = WarmUpText.beforeSteadyState(run);
        RunInfo.WarmUp warmUp = run.warmUp();
        String budget = warmUp == null ? "" : String.format(Locale.ROOT, " (budget %s s per mode): ",
                WarmUpText.seconds(warmUp.budgetSeconds()));
        if (problem == null) {
            html.note("ok", "Each mode warmed up to steady state before the first measured round" + budget
                    + WarmUpText.perMode(warmUp) + ".");
            return;
        }
        html.raw("<div class=\"banner warn\" id=\"unsteady\"><strong>Measured before steady state</strong>: ")
                .text(problem + ".");
        if (warmUp != null) {
            html.text(" Warm-up" + budget + WarmUpText.perMode(warmUp) + ".");
        }
        html.raw("</div>\n");
    }

    /** The driver's warnings: the first few in full, the rest folded (a busy machine warns once per cell). */
    private static void warnings(Html html, List<String> warnings) {
        html.raw("<ul class=\"warnings\">");
        warnings.stream().limit(SHOWN_WARNINGS).forEach(w -> html.element("li", w));
        html.raw("</ul>\n");
        if (warnings.size() > SHOWN_WARNINGS) {
            html.raw("<details><summary>").text((warnings.size() - SHOWN_WARNINGS) + " more warnings").raw("</summary><ul>");
            warnings.stream().skip(SHOWN_WARNINGS).forEach(w -> html.element("li", w));
            html.raw("</ul></details>\n");
        }
    }

    /** The settings that differ between modes by nature, one row per mode. */
    private static void settings(Html html, ReportData data) {
        html.element("h3", "Settings that differ by mode");
        html.table("settings", "mode", "connections per origin", "max in flight per connection",
                "initial stream window", "initial session window", "ALPN");
        Set<String> seen = new LinkedHashSet<>();
        for (Cell cell : data.cells()) {
            CellResult.Settings s = cell.result().settings();
            if (s != null && seen.add(cell.mode())) {
                html.row(cell.mode(), s.connectionsPerOrigin() + "", s.maxInFlightPerConnection() + "",
                        window(s.initialStreamWindow()), window(s.initialSessionWindow()), s.alpn() == null ? "–" : s.alpn());
            }
        }
        html.endTable();
    }

    private static String window(int bytes) {
        return bytes == 0 ? "–" : Html.bytes(bytes);
    }
}
