package io.muxbench.driver.run;

import java.util.Locale;

/** File-safe cell ids: {@code image-grid_cable_cold_h2_tls}. */
final class CellIds {

    private CellIds() {
    }

    static String of(String scenario, String link, String reuse, String mode, boolean tls) {
        return safe(scenario) + "_" + safe(link) + "_" + reuse + "_" + mode + "_" + (tls ? "tls" : "clear");
    }

    private static String safe(String s) {
        String cleaned = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    }
}
