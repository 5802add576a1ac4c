package io.muxbench.cli;

import io.muxbench.results.CellResult;
import io.muxbench.results.Results;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table a run prints at the end: page-load percentiles per cell, and each mode against h1. */
final class ConsoleTable {

    private ConsoleTable() {
    }

    static void print(Results results, PrintWriter out) {
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult cell : results.cells()) {
            String group = cell.scenario() + "  link=" + cell.link() + "  " + cell.reuse() + "  " + (cell.tls() ? "TLS" : "cleartext")
                    + ("driver".equals(cell.client()) ? "" : "  client=" + cell.client());
            groups.computeIfAbsent(group, g -> new java.util.ArrayList<>()).add(cell);
        }
        String header = String.format(Locale.ROOT, "  %-13s %7s %6s %9s %9s %9s %10s %7s %8s",
                "mode", "loads", "failed", "p50 ms", "p90 ms", "p99 ms", "p50 vs h1", "conns", "KB/load");
        for (Map.Entry<String, List<CellResult>> group : groups.entrySet()) {
            out.println();
            out.println(group.getKey());
            out.println(header);
            CellResult h1 = group.getValue().stream().filter(c -> c.mode().equals("h1")).findFirst().orElse(null);
            for (CellResult cell : group.getValue()) {
                CellResult.PageLoads p = cell.pageLoads();
                long ok = p.count() - p.failed();
                out.println(String.format(Locale.ROOT, "  %-13s %7d %6d %9s %9s %9s %10s %7.1f %8.1f",
                        cell.mode(), p.count(), p.failed(), ms(ok, p.p50Ms()), ms(ok, p.p90Ms()), ms(ok, p.p99Ms()),
                        ratio(cell, h1), cell.connectionsPerPageLoad(), cell.bytes().receivedPerPageLoad() / 1024.0));
                if (!cell.errors().isEmpty()) {
                    out.println("      errors: " + cell.errors());
                }
            }
        }
        out.println();
        out.flush();
    }

    private static String ms(long ok, double value) {
        return ok == 0 ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String ratio(CellResult cell, CellResult h1) {
        if (h1 == null || cell == h1) {
            return cell == h1 ? "1.00" : "-";
        }
        double base = h1.pageLoads().p50Ms();
        if (base <= 0 || cell.pageLoads().count() == cell.pageLoads().failed()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.2f", cell.pageLoads().p50Ms() / base);
    }
}
