package io.muxbench.vocabulary;

import java.util.Locale;
import java.util.Objects;

/**
 * A cell's identity: one scenario, over one mode, on one link, cold or warm, with or without TLS, by
 * one client. Its {@link #label()} is what compare matches cells of two runs by and what people read;
 * its {@link #fileId()} names the cell in results.json and its histogram log.
 *
 * <pre>{@code
 * CellKey key = new CellKey("image-grid", "h2", "cable", Reuse.COLD, true, ClientKind.DRIVER);
 * key.label();  // "image-grid | h2 | cable | cold | tls"
 * key.fileId(); // "image-grid_cable_cold_h2_tls"
 * }</pre>
 *
 * @param scenario the scenario's name
 * @param mode     the mode's id ({@link ModeDescription#id()})
 * @param link     the link's canonical name, {@code none} for plain loopback
 * @param reuse    cold or warm
 * @param tls      TLS with ALPN, or cleartext
 * @param client   the driver or a real browser
 */
public record CellKey(String scenario, String mode, String link, Reuse reuse, boolean tls, ClientKind client) {

    /** Longest a scenario or link part of a file id may be; longer ones are cut and get a hash suffix. */
    public static final int MAX_PART_LENGTH = 60;

    public CellKey {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(reuse, "reuse");
        client = client == null ? ClientKind.DRIVER : client;
    }

    /** The label compare matches cells by: {@code scenario | mode | link | reuse | tls}, and the client unless the driver. */
    public String label() {
        return scenario + " | " + mode + " | " + link + " | " + reuse + " | " + (tls ? "tls" : "cleartext")
                + (client == ClientKind.DRIVER ? "" : " | " + client);
    }

    /**
     * The file-safe id: {@code image-grid_cable_cold_h2_tls}, with {@code _chromium} for a real browser's
     * cell. Two keys of one run have different ids unless their scenarios or links are alike once made
     * file-safe, which a run refuses before it starts.
     */
    public String fileId() {
        return safe(scenario) + "_" + safe(link) + "_" + reuse + "_" + mode + "_" + (tls ? "tls" : "clear")
                + (client == ClientKind.DRIVER ? "" : "_" + client);
    }

    /** The cells that differ from this one only by mode: the group a report section or a console table shows. */
    public Group group() {
        return new Group(scenario, link, reuse, tls, client);
    }

    /**
     * Cells that differ only by mode: one scenario on one link, cold or warm, by one client.
     */
    public record Group(String scenario, String link, Reuse reuse, boolean tls, ClientKind client) {
        /** A short label, {@code image-grid · cable · cold}; cleartext and the client are named only when not the usual. */
        public String label() {
            return scenario + " · " + link + " · " + reuse + (tls ? "" : " · cleartext")
                    + (client == ClientKind.DRIVER ? "" : " · " + client);
        }
    }

    /**
     * The file-safe form of a scenario name or link: lower case, runs of anything but letters,
     * digits, '.' and '-' made one '-'. A longer one is cut, and a hash of the whole original
     * keeps two long link specs that differ only at their ends apart.
     */
    public static String safe(String s) {
        String cleaned = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        if (cleaned.length() <= MAX_PART_LENGTH) {
            return cleaned;
        }
        String hash = String.format("%08x", s.hashCode());
        return cleaned.substring(0, MAX_PART_LENGTH - hash.length() - 1) + "-" + hash;
    }
}
