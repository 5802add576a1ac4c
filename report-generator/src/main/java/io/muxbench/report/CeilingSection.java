package io.muxbench.report;

import io.muxbench.results.Ceiling;
import io.muxbench.results.CellResult;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.Load;
import io.muxbench.vocabulary.RunConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * This machine's ceiling for each mode ({@code run --ceiling}, as {@code muxbench ceiling} prints it),
 * and how close each driver cell of the run came to it. Shown only when run.json carries a ceiling.
 */
final class CeilingSection {

    private CeilingSection() {
    }

    static boolean shown(ReportData data) {
        return data.run() != null && data.run().ceiling() != null;
    }

    static String render(ReportData data) {
        Ceiling ceiling = data.run().ceiling();
        Html html = new Html();
        html.note("lead", String.format(Locale.ROOT, "The most this machine drove with each mode, measured before the"
                        + " run: %s (%d requests per page load) loaded back to back on warm connections over plain"
                        + " loopback, against the %s origin (%s), %s s measured per mode after its warm-up, %d CPUs."
                        + " CPU per request is user and system time over the requests completed; origin CPU: %s.",
                ceiling.scenario(), ceiling.requestsPerPageLoad(), ceiling.origin(), ceiling.target(),
                WarmUpText.seconds(ceiling.measuredSeconds()), ceiling.cpus(), ceiling.originCpuFrom()));
        table(html, ceiling);
        if (ceiling.modes().stream().anyMatch(m -> !m.steady())) {
            html.note("warn", "* not steady: the CPU per request was still falling when the warm-up budget ended.");
        }
        html.note("footnote", ceiling.h2load() == null ? "h2load did not run (not on PATH): no reference figures."
                : "h2load (" + ceiling.h2load() + ") ran against the same target with the same connections and"
                + " streams; the ratios are the driver's over h2load's.");
        offered(html, data, ceiling);
        return html.toString();
    }

    private static void table(Html html, Ceiling ceiling) {
        boolean h2load = ceiling.h2load() != null;
        List<String> headers = new ArrayList<>(List.of("mode", "browsers", "connections x streams", "page loads/s",
                "req/s", "driver µs/req", "origin µs/req", "heap MB", "warm-up s", "failed"));
        if (h2load) {
            headers.addAll(List.of("h2load req/s", "h2load µs/req", "req/s vs h2load", "CPU vs h2load"));
        }
        html.table("numbers", headers.toArray(String[]::new));
        for (Ceiling.ModeCeiling m : ceiling.modes()) {
            List<String> row = new ArrayList<>(List.of(m.mode(), m.browsers() + "",
                    m.connections() + " x " + m.streamsPerConnection(), fixed(m.pageLoadsPerSecond(), 1),
                    fixed(m.requestsPerSecond(), 0), fixed(m.driverMicrosPerRequest(), 1),
                    fixed(m.originMicrosPerRequest(), 1), Html.num(m.heapAfterGcBytes() / 1e6, 1),
                    Html.num(m.warmupSeconds(), 1) + (m.steady() ? "" : "*"), m.failedPageLoads() + ""));
            if (h2load) {
                Ceiling.H2loadFigures h = m.h2load();
                row.addAll(h == null ? List.of("–", "–", "–", "–") : List.of(fixed(h.requestsPerSecond(), 0),
                        fixed(h.clientMicrosPerRequest(), 1), ratio(m.requestsPerSecond(), h.requestsPerSecond()),
                        ratio(m.driverMicrosPerRequest(), h.clientMicrosPerRequest())));
            }
            html.row(row.toArray(String[]::new));
        }
        html.endTable();
    }

    /** Each driver cell's offered request rate against its mode's ceiling. */
    private static void offered(Html html, ReportData data, Ceiling ceiling) {
        RunConfiguration config = data.run().configuration();
        html.element("h3", "How close the run came to the ceiling");
        html.note("lead", (config != null && config.load() == Load.OPEN
                ? "A cell's offered request rate is the page loads started per second times its requests per page"
                + " load (requests over page loads in results.json)"
                : "A cell's offered request rate is its browsers times its requests per page load (requests over page"
                + " loads in results.json), over the mean page-load time plus the think time")
                + "; the share is that rate over its mode's ceiling req/s. The ceiling is measured on warm connections"
                + " over plain loopback: cold page loads and emulated links cost more CPU per request, so read the"
                + " share as a lower bound of how busy the driver was.");
        html.table("numbers", "scenario", "link", "reuse", "mode", "offered req/s", "ceiling req/s", "share of ceiling");
        for (Cell cell : data.cells()) {
            CellResult r = cell.result();
            if (r.client() != ClientKind.DRIVER) {
                continue;
            }
            Ceiling.ModeCeiling limit = ceiling.modes().stream().filter(m -> m.mode().equals(r.mode())).findFirst()
                    .orElse(null);
            double offered = offeredRequestsPerSecond(r, config);
            double limitRate = limit == null ? Double.NaN : limit.requestsPerSecond();
            html.row(r.scenario(), r.link(), r.reuse().id(), r.mode(), fixed(offered, 0), fixed(limitRate, 0),
                    Double.isNaN(offered) || !(limitRate > 0) ? "–" : percent(100 * offered / limitRate));
        }
        html.endTable();
    }

    /**
     * Requests per second a cell asked of the driver: under open load the rate times the requests per
     * page load; under closed load the browsers times the requests per page load over the mean page-load
     * time plus the think time. NaN when the cell or the run does not tell.
     */
    static double offeredRequestsPerSecond(CellResult cell, RunConfiguration config) {
        long pageLoads = cell.pageLoads().count();
        if (config == null || pageLoads == 0) {
            return Double.NaN;
        }
        double requestsPerPageLoad = cell.requests().count() / (double) pageLoads;
        if (config.load() == Load.OPEN) {
            return config.ratePerSecond() * requestsPerPageLoad;
        }
        double cycleMs = cell.pageLoads().meanMs() + config.thinkTimeMs();
        return cycleMs > 0 ? config.browsers() * requestsPerPageLoad * 1000 / cycleMs : Double.NaN;
    }

    /** A share in percent; under 1%, to a tenth, so a small share does not read as none. */
    private static String percent(double share) {
        return String.format(Locale.ROOT, share < 1 ? "%.1f%%" : "%.0f%%", share);
    }

    private static String fixed(Double value, int decimals) {
        return value == null || value.isNaN() ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static String ratio(double driver, Double h2load) {
        return h2load == null || !(h2load > 0) ? "–" : String.format(Locale.ROOT, "%.2fx", driver / h2load);
    }
}
