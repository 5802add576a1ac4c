package io.muxbench.report.chart;

import java.awt.Color;

/**
 * One colour per mode, the same in every chart, so a reader learns it once.
 *
 * <pre>{@code
 * String fill = ModeColors.css("h2"); // "#2ca02c"
 * }</pre>
 */
public final class ModeColors {

    private static final Color[] OTHERS = {new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2),
            new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private ModeColors() {
    }

    /** The colour of a mode; unknown modes get a stable colour from a small palette. */
    public static Color of(String mode) {
        return switch (mode) {
            case "h1" -> new Color(0x1f77b4);
            case "h1-pipelined" -> new Color(0xff7f0e);
            case "h2" -> new Color(0x2ca02c);
            default -> OTHERS[Math.floorMod(mode.hashCode(), OTHERS.length)];
        };
    }

    /** The colour as CSS hex. */
    public static String css(String mode) {
        return hex(of(mode));
    }

    static String hex(Color color) {
        return String.format("#%06x", color.getRGB() & 0xffffff);
    }
}
