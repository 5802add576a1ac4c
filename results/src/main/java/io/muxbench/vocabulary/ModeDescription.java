package io.muxbench.vocabulary;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the report and compare need to know of a mode, written into {@code run.json} by the run that
 * measured it: so that a mode the report has never heard of (a new one, or one a test made) is drawn
 * and compared like the others.
 *
 * @param id       the name used on the command line, in results and in cell ids: lower case letters,
 *                 digits and dashes
 * @param label    what the mode is, in a few words, for the report
 * @param color    the mode's colour in every chart, CSS hex ({@code #1f77b4})
 * @param baseline whether the other modes are compared against this one (at most one mode of a run)
 */
@JsonPropertyOrder({"id", "label", "color", "baseline"})
public record ModeDescription(String id, String label, String color, boolean baseline) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");
    /** Colours for modes that bring none (read from a run that recorded none). */
    private static final String[] OTHERS = {"#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    /** HTTP/1.1, a pool of connections per browser and origin, one request at a time on each: the baseline. */
    public static final ModeDescription H1 =
            new ModeDescription("h1", "HTTP/1.1, 6 connections per origin", "#1f77b4", true);
    /** HTTP/1.1 with pipelining: requests written back to back, answered in order. */
    public static final ModeDescription H1_PIPELINED =
            new ModeDescription("h1-pipelined", "HTTP/1.1 pipelined", "#ff7f0e", false);
    /** HTTP/2: one connection, many concurrent streams. */
    public static final ModeDescription H2 =
            new ModeDescription("h2", "HTTP/2, one connection", "#2ca02c", false);
    /** HTTP/3: one QUIC connection, many concurrent streams, TLS 1.3 inside QUIC. */
    public static final ModeDescription H3 =
            new ModeDescription("h3", "HTTP/3 over QUIC, one connection", "#d62728", false);

    public ModeDescription {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a mode id is 1 to 32 lower-case letters, digits and dashes, got '" + id + "'");
        }
        label = label == null ? id : label;
        if (color == null || !COLOR.matcher(color).matches()) {
            color = OTHERS[Math.floorMod(id.hashCode(), OTHERS.length)];
        }
    }

    /** The modes muxbench ships, in the order runs compare them. */
    public static List<ModeDescription> builtIn() {
        return List.of(H1, H1_PIPELINED, H2, H3);
    }

    /**
     * The mode the others are compared against besides the baseline, by id: h2 (what browsers already
     * speak, so is h3 worth it over it?) when {@code modes} (the ids that ran) have it, it is not the
     * baseline, and a mode that is neither ran too; else null.
     */
    public static String secondReference(java.util.Collection<String> modes, ModeDescription baseline) {
        String h2 = H2.id;
        if (baseline == null || baseline.id.equals(h2) || !modes.contains(h2)) {
            return null;
        }
        return modes.stream().anyMatch(m -> !m.equals(h2) && !m.equals(baseline.id)) ? h2 : null;
    }

    /**
     * The description of a mode by its id, for results that recorded none (schema version 1): a built-in
     * mode's, or for any other id one with a colour from a small palette, not the baseline.
     */
    public static ModeDescription known(String id) {
        for (ModeDescription mode : builtIn()) {
            if (mode.id.equals(id)) {
                return mode;
            }
        }
        return new ModeDescription(id, id, null, false);
    }
}
