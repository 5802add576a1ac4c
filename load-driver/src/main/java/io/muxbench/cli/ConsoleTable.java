package io.muxbench.cli;

import io.muxbench.report.ShardsText;
import io.muxbench.report.WarmUpText;
import io.muxbench.results.Ceiling;
import io.muxbench.results.CellResult;
import io.muxbench.results.Results;
import io.muxbench.results.RunInfo;
import io.muxbench.vocabulary.CellKey;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.ModeDescription;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The table a run prints at the end: page-load percentiles per cell, grouped by the cells that differ
 * only by mode, and each mode's median against the run's baseline mode (and against h2 too, when the
 * run has h2 beside the baseline and another mode, h3 say); under it, a warning when the
 * run measured before steady state, the shards of a merged run (a saturated one named in a warning),
 * and each mode's ceiling when the run measured it.
 *
 * <pre>{@code
 * ConsoleTable.print(results, run, new PrintWriter(System.out));
 * }</pre>
 */
final class ConsoleTable {

    private ConsoleTable() {
    }

    /** The table of a run whose modes are muxbench's own: the baseline is the one {@link ModeDescription#known} names. */
    static void print(Results results, PrintWriter out) {
        print(results, null, out);
    }

    /** The table, against the baseline mode {@code run} describes ({@link ModeDescription#known}'s when run is null). */
    static void print(Results results, RunInfo run, PrintWriter out) {
        Map<CellKey.Group, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult cell : results.cells()) {
            groups.computeIfAbsent(cell.key().group(), g -> new ArrayList<>()).add(cell);
        }
        ModeDescription baseline = baseline(results, run);
        String second = second(results, baseline);
        String header = String.format(Locale.ROOT, "  %-13s %7s %6s %9s %9s %9s %10s%s %7s %8s",
                "mode", "loads", "failed", "p50 ms", "p90 ms", "p99 ms", "p50 vs " + (baseline == null ? "-" : baseline.id()),
                second == null ? "" : String.format(Locale.ROOT, " %10s", "p50 vs " + second), "conns", "KB/load");
        for (Map.Entry<CellKey.Group, List<CellResult>> group : groups.entrySet()) {
            out.println();
            out.println(title(group.getKey()));
            out.println(header);
            CellResult base = baseline == null ? null : cellOf(group.getValue(), baseline.id());
            CellResult secondBase = second == null ? null : cellOf(group.getValue(), second);
            for (CellResult cell : group.getValue()) {
                CellResult.PageLoads p = cell.pageLoads();
                long ok = p.count() - p.failed();
                out.println(String.format(Locale.ROOT, "  %-13s %7d %6d %9s %9s %9s %10s%s %7.1f %8.1f",
                        cell.mode(), p.count(), p.failed(), ms(ok, p.p50Ms()), ms(ok, p.p90Ms()), ms(ok, p.p99Ms()),
                        ratio(cell, base), second == null ? "" : String.format(Locale.ROOT, " %10s", ratio(cell, secondBase)),
                        cell.connectionsPerPageLoad(), cell.bytes().receivedPerPageLoad() / 1024.0));
                if (!cell.errors().isEmpty()) {
                    out.println("      errors: " + new TreeMap<>(cell.errors()));
                }
            }
        }
        out.println();
        footer(run, out);
        out.flush();
    }

    /** Under the table: whether the run measured before steady state, its shards, and the ceiling when measured. */
    private static void footer(RunInfo run, PrintWriter out) {
        String beforeSteadyState = WarmUpText.beforeSteadyState(run);
        if (beforeSteadyState != null) {
            out.println("warning: measured before steady state: " + beforeSteadyState);
        }
        String shards = ShardsText.summary(run);
        if (shards != null) {
            out.println(shards);
        }
        for (String shard : ShardsText.saturated(run)) {
            out.println("warning: the driver of " + shard + " was probably the bottleneck");
        }
        if (run != null && run.ceiling() != null) {
            for (Ceiling.ModeCeiling mode : run.ceiling().modes()) {
                out.println(String.format(Locale.ROOT, "ceiling of %s on this machine: %,.0f req/s (%,.1f page loads/s,"
                                + " plain loopback, warm connections)", mode.mode(), mode.requestsPerSecond(),
                        mode.pageLoadsPerSecond()));
            }
        }
    }

    /** The run's baseline mode; with no run.json, the built-in one among the cells' modes. */
    private static ModeDescription baseline(Results results, RunInfo run) {
        if (run != null && !run.modes().isEmpty()) {
            return run.baseline();
        }
        return results.cells().stream().map(c -> ModeDescription.known(c.mode())).filter(ModeDescription::baseline)
                .findFirst().orElse(null);
    }

    /** The second mode the others are compared against ({@link ModeDescription#secondReference}), or null. */
    private static String second(Results results, ModeDescription baseline) {
        return ModeDescription.secondReference(results.cells().stream().map(CellResult::mode).toList(), baseline);
    }

    private static CellResult cellOf(List<CellResult> group, String mode) {
        return group.stream().filter(c -> c.mode().equals(mode)).findFirst().orElse(null);
    }

    private static String title(CellKey.Group group) {
        return group.scenario() + "  link=" + group.link() + "  " + group.reuse() + "  " + (group.tls() ? "TLS" : "cleartext")
                + (group.client() == ClientKind.DRIVER ? "" : "  client=" + group.client());
    }

    private static String ms(long ok, double value) {
        return ok == 0 ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(CellResult cell, CellResult base) {
        if (base == null || cell == base) {
            return cell == base ? "1.00" : "-";
        }
        double baseMs = base.pageLoads().p50Ms();
        if (baseMs <= 0 || cell.pageLoads().count() == cell.pageLoads().failed()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", cell.pageLoads().p50Ms() / baseMs);
    }
}
