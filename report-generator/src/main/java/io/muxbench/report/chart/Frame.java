package io.muxbench.report.chart;

import io.muxbench.vocabulary.ModeDescription;
import java.util.List;

/**
 * The frame the hand-drawn charts share: title, plot area, a linear y axis (from 0, or from below it
 * for signed values) with its grid and labels, and the axis titles. Everything is SVG text and lines,
 * so a chart costs a few kilobytes and its labels use the page's fonts.
 *
 * <pre>{@code
 * Svg svg = new Svg(Frame.WIDTH, Frame.HEIGHT, "cdf");
 * Frame frame = Frame.draw(svg, Frame.WIDTH, Frame.HEIGHT, "title", "x (ms)", "y (%)", NiceScale.upTo(100, 5));
 * svg.line(frame.x(0.5), frame.y(0), frame.x(0.5), frame.y(50), "stroke:#000");
 * }</pre>
 */
final class Frame {

    static final double WIDTH = 560;
    static final double HEIGHT = 320;
    static final double LEFT = 62;
    static final double RIGHT = 16;
    static final double TOP = 30;
    /** Room below the plot for the tick labels and the x axis title. */
    static final double BOTTOM = 46;

    final double left;
    final double top;
    final double width;
    final double height;
    final NiceScale yScale;

    private Frame(double left, double top, double width, double height, NiceScale yScale) {
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.yScale = yScale;
    }

    /**
     * Draws the frame of a chart {@code svgW} by {@code svgH} with {@code bottom} room below the plot;
     * a null {@code xTitle} leaves that room to the caller.
     */
    static Frame draw(Svg svg, double svgW, double svgH, double bottom, String title, String xTitle, String yTitle,
                      NiceScale y) {
        Frame frame = new Frame(LEFT, TOP, svgW - LEFT - RIGHT, svgH - TOP - bottom, y);
        svg.text(svgW / 2, 18, "middle", "title", title);
        svg.rect(frame.left, frame.top, frame.width, frame.height, "plot", "fill:#fff;stroke:#bbb");
        for (int i = 0; i < y.tickCount(); i++) {
            double py = frame.y(y.tick(i));
            svg.line(frame.left, py, frame.left + frame.width, py, "stroke:#e4e4e4");
            svg.text(frame.left - 6, py + 4, "end", "tick", y.label(y.tick(i)));
        }
        if (xTitle != null) {
            svg.text(frame.left + frame.width / 2, frame.top + frame.height + 34, "middle", "axis", xTitle);
        }
        svg.open("g", "transform=\"translate(14 " + Svg.num(frame.top + frame.height / 2) + ") rotate(-90)\"")
                .text(0, 0, "middle", "axis", yTitle).close("g");
        return frame;
    }

    /** The x coordinate of a fraction (0 to 1) of the plot's width. */
    double x(double fraction) {
        return left + fraction * width;
    }

    /** The y coordinate of a value on the y axis; values beyond the axis stop at its top or bottom. */
    double y(double value) {
        return top + height - yScale.fraction(value) * height;
    }

    /** A vertical grid line with its tick label under the plot. */
    void tickX(Svg svg, double x, String label) {
        svg.line(x, top, x, top + height, "stroke:#e4e4e4");
        svg.text(x, top + height + 15, "middle", "tick", label);
    }

    /** A line legend stacked in the plot's top-left ({@code bottomRight} false) or bottom-right corner. */
    void lineLegend(Svg svg, List<ModeDescription> modes, boolean bottomRight) {
        int longest = modes.stream().mapToInt(m -> m.id().length()).max().orElse(0);
        double x = bottomRight ? left + width - 44 - longest * 6.3 : left + 10;
        double y = bottomRight ? top + height - 8 - 16 * (modes.size() - 1) : top + 14;
        // Drawn over the series: a light box keeps it readable where a line passes under it.
        svg.rect(x - 4, y - 12, 32 + longest * 6.3, 16 * modes.size() + 2, "legend-box", "fill:#fff;fill-opacity:0.85");
        for (ModeDescription mode : modes) {
            svg.line(x, y - 4, x + 20, y - 4, "stroke:" + mode.color() + ";stroke-width:3");
            svg.text(x + 24, y, "start", "legend", mode.id());
            y += 16;
        }
    }
}
