package io.muxbench.report.chart;

/**
 * One colour per mode, the same in every chart, so a reader learns it once.
 *
 * <pre>{@code
 * String fill = ModeColors.css("h2"); // "#2ca02c"
 * }</pre>
 */
public final class ModeColors {

    private static final String[] OTHERS = {"#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private ModeColors() {
    }

    /** The colour of a mode as CSS hex; unknown modes get a stable colour from a small palette. */
    public static String css(String mode) {
        return switch (mode) {
            case "h1" -> "#1f77b4";
            case "h1-pipelined" -> "#ff7f0e";
            case "h2" -> "#2ca02c";
            default -> OTHERS[Math.floorMod(mode.hashCode(), OTHERS.length)];
        };
    }
}
