package io.muxbench.driver.ceiling;

import io.muxbench.results.Ceiling;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** The ceiling as a console table, and as JSON. */
public final class CeilingTable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CeilingTable() {
    }

    /** Prints the driver's table, then h2load's beside it with the ratios (driver over h2load). */
    public static void print(Ceiling ceiling, PrintWriter out) {
        out.printf(Locale.ROOT, "Ceiling of %s (%d requests per page load) on %s, %s origin, %d CPUs, %.1f s measured per mode%n",
                ceiling.scenario(), ceiling.requestsPerPageLoad(), ceiling.target(), ceiling.origin(), ceiling.cpus(),
                ceiling.measuredSeconds());
        out.println("origin CPU: " + ceiling.originCpuFrom());
        String format = "%-13s %8s %11s %12s %9s %14s %14s %12s %9s %7s%n";
        out.printf(Locale.ROOT, format, "mode", "browsers", "conns x str", "page loads/s", "req/s", "driver us/req",
                "origin us/req", "heap MB", "warm-up s", "failed");
        for (Ceiling.ModeCeiling row : ceiling.modes()) {
            out.printf(Locale.ROOT, format, row.mode(), row.browsers(), row.connections() + " x " + row.streamsPerConnection(),
                    fixed(row.pageLoadsPerSecond(), 1), fixed(row.requestsPerSecond(), 0),
                    fixed(row.driverMicrosPerRequest(), 1), fixed(row.originMicrosPerRequest(), 1),
                    heap(row), fixed(row.warmupSeconds(), 1) + (row.steady() ? "" : "*"),
                    row.failedPageLoads());
        }
        out.println("heap MB: the driver's live heap after a full GC, at the start -> the end of the measured window");
        if (ceiling.modes().stream().anyMatch(r -> !r.steady())) {
            out.println("* not steady: the CPU per request was still falling when the warm-up budget ended");
        }
        if (ceiling.h2load() == null) {
            out.println("h2load: not on PATH, no reference figures (install nghttp2-client)");
            return;
        }
        out.println("h2load on the same target, same connections and streams (" + ceiling.h2load() + "):");
        String beside = "%-13s %11s %9s %14s %14s %16s %16s%n";
        out.printf(Locale.ROOT, beside, "mode", "conns x str", "req/s", "h2load us/req", "origin us/req",
                "req/s vs h2load", "CPU vs h2load");
        for (Ceiling.ModeCeiling row : ceiling.modes()) {
            Ceiling.H2loadFigures h = row.h2load();
            out.printf(Locale.ROOT, beside, row.mode(), h.connections() + " x " + h.streams(),
                    fixed(h.requestsPerSecond(), 0), fixed(h.clientMicrosPerRequest(), 1),
                    fixed(h.originMicrosPerRequest(), 1), ratio(row.requestsPerSecond(), h.requestsPerSecond()),
                    ratio(row.driverMicrosPerRequest(), h.clientMicrosPerRequest()));
        }
    }

    /** Writes the ceiling as JSON, atomically. */
    public static void write(Ceiling ceiling, Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), ".ceiling", ".json");
        try {
            JSON.writeValue(temp.toFile(), ceiling);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Reads a ceiling written by {@link #write}. */
    public static Ceiling read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Ceiling.class);
    }

    /** {@code start -> end}, or only the end for a ceiling measured before the start was recorded. */
    private static String heap(Ceiling.ModeCeiling row) {
        String end = fixed(row.heapAfterGcBytes() / 1e6, 1);
        return row.heapAtStartBytes() == null ? end : fixed(row.heapAtStartBytes() / 1e6, 1) + " -> " + end;
    }

    private static String fixed(Double value, int decimals) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    private static String ratio(double driver, Double h2load) {
        return h2load == null || h2load <= 0 ? "-" : String.format(Locale.ROOT, "%.2fx", driver / h2load);
    }
}
