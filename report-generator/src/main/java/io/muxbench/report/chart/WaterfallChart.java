package io.muxbench.report.chart;

import io.muxbench.results.PageLoadSample;
import io.muxbench.results.PageLoadSample.RequestRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The waterfall of one page load, drawn as SVG: one lane ({@code g.lane}) per connection, one bar
 * ({@code g.bar}) per request split into its phases, so handshakes, requests queued behind others
 * (HTTP/1.1 head-of-line blocking) and interleaved HTTP/2 streams are visible. Over QUIC the
 * connection and TLS are one handshake, drawn as one phase.
 *
 * <pre>{@code
 * String svg = WaterfallChart.render(mode.id() + " · 812 ms", sample, WaterfallChart.endMs(sample));
 * }</pre>
 */
public final class WaterfallChart {

    /** The phases of a request, in order, with their colours; the legend shows them in this order. */
    enum Phase {
        QUEUED("queued", "#c7c7c7"), CONNECT("connect", "#ff9800"), TLS("TLS", "#9c27b0"),
        QUIC_HANDSHAKE("QUIC handshake", "#e91e63"),
        SENDING("waiting for the connection, sending", "#e0e0e0"), WAITING("waiting (sent → first byte)", "#64b5f6"),
        DOWNLOAD("download (first → last byte)", "#0d47a1");

        final String label;
        final String colour;

        Phase(String label, String colour) {
            this.label = label;
            this.colour = colour;
        }

        String cssClass() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The phases of a request over TCP (connect, then TLS) or over QUIC (one handshake), in order. */
        static List<Phase> of(boolean quic) {
            return quic ? List.of(QUEUED, QUIC_HANDSHAKE, SENDING, WAITING, DOWNLOAD)
                    : List.of(QUEUED, CONNECT, TLS, SENDING, WAITING, DOWNLOAD);
        }
    }

    static final double WIDTH = 1000;
    private static final double LABEL_W = 230;
    private static final double RIGHT = 20;
    /** Row height; pages with many requests get thinner rows so the chart stays on a screen or two. */
    private static double row(int requests) {
        return requests > 40 ? 11 : 15;
    }
    private static final double LANE_HEADER = 15;
    private static final double TOP = 64;
    /** Rows drawn at most; the chart names how many requests it leaves out. */
    static final int MAX_ROWS = 300;
    /** Phases narrower than this (in the chart's units, about a pixel) are invisible, so not written. */
    private static final double VISIBLE_W = 0.5;

    private WaterfallChart() {
    }

    /** The time the chart must show for this page load: its end or its last byte, whichever is later. */
    public static double endMs(PageLoadSample sample) {
        long endUs = (long) (sample.pageLoadMs() * 1000);
        for (RequestRecord r : sample.requests()) {
            endUs = Math.max(endUs, Math.max(r.lastByteUs(), r.firstByteUs()));
        }
        return endUs / 1000.0;
    }

    /**
     * @param axisMs the time axis' span; give waterfalls that will be compared the same span
     */
    public static String render(String title, PageLoadSample sample, double axisMs) {
        return render(title, sample, axisMs, false);
    }

    /**
     * As {@link #render(String, PageLoadSample, double)}; {@code quic}: the page load's connections are
     * QUIC, whose one handshake (connect start to TLS end) is drawn as one phase.
     */
    public static String render(String title, PageLoadSample sample, double axisMs, boolean quic) {
        List<Phase> phases = Phase.of(quic);
        List<RequestRecord> drawn = firstByStart(sample.requests(), MAX_ROWS);
        int notDrawn = sample.requests().size() - drawn.size();
        Map<Long, List<RequestRecord>> lanes = lanes(drawn);
        NiceScale scale = NiceScale.upTo(Math.max(axisMs, endMs(sample)), 8);
        double plotW = WIDTH - LABEL_W - RIGHT;
        double rowH = row(drawn.size());
        double height = TOP + lanes.size() * (LANE_HEADER + 4) + drawn.size() * rowH + (notDrawn > 0 ? 40 : 24);

        Svg svg = new Svg(WIDTH, height, rowH < 15 ? "waterfall dense" : "waterfall");
        svg.text(8, 16, "start", "title", title);
        legend(svg, phases);
        for (int i = 0; i < scale.tickCount(); i++) {
            double x = LABEL_W + scale.tick(i) / scale.max() * plotW;
            svg.line(x, TOP - 6, x, height - 18, "stroke:#e4e4e4");
            svg.text(x, TOP - 10, x > WIDTH - 40 ? "end" : "middle", "tick", scale.label(scale.tick(i)) + " ms");
        }
        double y = TOP;
        int laneIndex = 0;
        for (Map.Entry<Long, List<RequestRecord>> lane : lanes.entrySet()) {
            List<RequestRecord> requests = lane.getValue();
            double laneH = LANE_HEADER + requests.size() * rowH;
            svg.group("lane", "connection " + lane.getKey() + ": " + requests.size() + " request(s)");
            svg.rect(0, y, WIDTH, laneH + 2, laneIndex++ % 2 == 0 ? "lane-bg" : "lane-bg odd");
            svg.text(8, y + 11, "start", "lane-label", "connection " + lane.getKey());
            double rowY = y + LANE_HEADER;
            for (RequestRecord r : requests) {
                bar(svg, r, rowY, rowH, plotW, scale.max(), phases);
                rowY += rowH;
            }
            svg.endGroup();
            y += laneH + 4;
        }
        double plt = LABEL_W + sample.pageLoadMs() / scale.max() * plotW;
        svg.line(plt, TOP - 6, plt, y, "stroke:#d62728;stroke-dasharray:4 3");
        svg.text(plt, y + 14, plt > WIDTH - 80 ? "end" : "middle", "tick", "page loaded: " + String.format(Locale.ROOT, "%.1f ms", sample.pageLoadMs()));
        if (notDrawn > 0) {
            svg.text(8, y + 30, "start", "more", String.format(Locale.ROOT,
                    "… %,d more requests not drawn (the first %,d by start time are)", notDrawn, drawn.size()));
        }
        return svg.end();
    }

    /** The style of the phases, for the page's style sheet: colours live there, not on every bar. */
    public static String css() {
        StringBuilder css = new StringBuilder();
        for (Phase phase : Phase.values()) {
            css.append("svg.waterfall .").append(phase.cssClass()).append(" { fill: ").append(phase.colour)
                    .append("; stroke: ").append(phase.colour).append("; }\n");
        }
        // Bars are segments as thick as their row less a gap; dense charts (many requests) have thin rows.
        return css.append("svg.waterfall rect { stroke: none; } svg.waterfall .bar path { stroke-width: 12px; }\n")
                .append("svg.waterfall.dense .bar path { stroke-width: 8px; } svg.waterfall.dense .path { font-size: 9px; }\n")
                .append("svg.waterfall .lane-bg { fill: #f6f8fa; } svg.waterfall .lane-bg.odd { fill: #fff; }\n")
                .toString();
    }

    // A page of 100,000 resources must not give a report of 100,000 rows: the first rows show how
    // the page starts, which is what the modes differ in; the rest would be the same picture.
    private static List<RequestRecord> firstByStart(List<RequestRecord> requests, int max) {
        if (requests.size() <= max) {
            return requests;
        }
        return requests.stream().sorted(Comparator.comparingLong(RequestRecord::startUs)).limit(max).toList();
    }

    /** Connections in the order they were first used; requests in each by start time. */
    private static Map<Long, List<RequestRecord>> lanes(List<RequestRecord> requests) {
        List<RequestRecord> byStart = new ArrayList<>(requests);
        byStart.sort(Comparator.comparingLong(RequestRecord::startUs));
        Map<Long, List<RequestRecord>> lanes = new LinkedHashMap<>();
        for (RequestRecord r : byStart) {
            lanes.computeIfAbsent(r.connectionId(), id -> new ArrayList<>()).add(r);
        }
        return lanes;
    }

    private static void bar(Svg svg, RequestRecord r, double y, double rowH, double plotW, double maxMs, List<Phase> phases) {
        // Over QUIC connect end and TLS end are the same instant, the handshake's end.
        long[] marks = phases.contains(Phase.QUIC_HANDSHAKE)
                ? new long[]{r.startUs(), r.connectStartUs(), r.tlsEndUs(), r.sentUs(), r.firstByteUs(), r.lastByteUs()}
                : new long[]{r.startUs(), r.connectStartUs(), r.connectEndUs(), r.tlsEndUs(), r.sentUs(), r.firstByteUs(),
                        r.lastByteUs()};
        svg.group("bar", tooltip(r));
        String path = r.path().length() > 34 ? r.path().substring(0, 33) + "…" : r.path();
        // A status other than 200 (a redirect's 301, a 404) shows on the row: a 3xx is a round trip of
        // its own before its target's row starts. 0 is no response at all, which the error says.
        svg.text(LABEL_W - 6, y + rowH - 4, null, "path", r.status() == 200 || r.status() == 0 ? path : path + " " + r.status());
        double previous = marks[0];
        double lastX = LABEL_W + previous / 1000.0 / maxMs * plotW;
        for (int i = 0; i < phases.size() && marks[i + 1] >= 0; i++) {
            double from = previous;
            double to = Math.max(from, marks[i + 1]);
            double x = LABEL_W + from / 1000.0 / maxMs * plotW;
            double w = (to - from) / 1000.0 / maxMs * plotW;
            // The download always shows, at least as a hairline, so every bar says where it ended.
            if (w >= VISIBLE_W || (phases.get(i) == Phase.DOWNLOAD && w > 0)) {
                svg.hbar(x, y + rowH / 2, Math.max(w, VISIBLE_W), phases.get(i).cssClass());
            }
            previous = to;
            lastX = x + w;
        }
        if (r.error() != null) {
            svg.text(lastX + 4, y + rowH - 4, "start", "error", "✕ " + r.error());
        }
        svg.endGroup();
    }

    private static String tooltip(RequestRecord r) {
        return String.format(Locale.ROOT, "%s%nconnection %d, stream %d, status %d%s%nstart %.1f ms, first byte %.1f ms,"
                        + " last byte %.1f ms, %d bytes", r.path(), r.connectionId(), r.streamId(), r.status(),
                r.error() == null ? "" : ", error: " + r.error()
                        + (r.errorDetail() == null ? "" : " (" + r.errorDetail() + ")"), r.startUs() / 1000.0, r.firstByteUs() / 1000.0,
                r.lastByteUs() / 1000.0, r.bytesReceived());
    }

    private static void legend(Svg svg, List<Phase> phases) {
        double x = 8;
        for (Phase phase : phases) {
            svg.rect(x, 26, 12, 10, phase.cssClass());
            svg.text(x + 16, 35, "start", "legend", phase.label);
            x += 24 + phase.label.length() * 6.3;
        }
    }
}
