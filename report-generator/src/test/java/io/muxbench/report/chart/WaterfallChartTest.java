package io.muxbench.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.PageLoadSample;
import io.muxbench.results.PageLoadSample.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaterfallChartTest {

    @Test
    void hugePageDrawsAtMostMaxRowsAndSaysHowManyItLeftOut() {
        PageLoadSample page = page(100_000);
        String svg = WaterfallChart.render("h2 · huge", page, WaterfallChart.endMs(page));
        assertEquals(WaterfallChart.MAX_ROWS, count(svg, "<g class=\"bar\">"));
        assertTrue(svg.contains("… 99,700 more requests not drawn (the first 300 by start time are)"), svg);
        // About a kilobyte a row at most: the chart no longer grows with the page.
        assertTrue(svg.length() < WaterfallChart.MAX_ROWS * 1_000, "waterfall of " + svg.length() + " chars");
    }

    @Test
    void pageWithinTheCapIsDrawnWhole() {
        PageLoadSample page = page(WaterfallChart.MAX_ROWS);
        String svg = WaterfallChart.render("h2 · small", page, WaterfallChart.endMs(page));
        assertEquals(WaterfallChart.MAX_ROWS, count(svg, "<g class=\"bar\">"));
        assertFalse(svg.contains("not drawn"));
    }

    @Test
    void barsTakeTheirColoursFromTheStyleSheet() {
        String svg = WaterfallChart.render("h1", page(3), 10);
        assertFalse(svg.contains("style=\"fill:#"), "no colour repeated on every bar");
        for (String phase : List.of("queued", "connect", "tls", "waiting", "download")) {
            assertTrue(svg.contains("class=\"" + phase + "\""), phase);
            assertTrue(WaterfallChart.css().contains("svg.waterfall ." + phase + " {"), phase);
        }
    }

    @Test
    void overQuicTheHandshakeIsOnePhaseInsteadOfConnectAndTls() {
        // An h3 exchange: connect end and TLS end are the QUIC handshake's end (2,500 us to 6,000 us long).
        RequestRecord first = new RequestRecord("/", 0, 1, 200, null, 0, 500, 6_000, 6_000, 6_200, 20_000, 25_000, 1234, null);
        RequestRecord reused = new RequestRecord("/a", 4, 1, 200, null, 25_000, 25_000, 25_000, 25_000, 25_100, 30_000,
                31_000, 100, null);
        PageLoadSample page = new PageLoadSample(31, false, List.of(first, reused));
        String svg = WaterfallChart.render("h3", page, 31, true);
        assertEquals(1, count(svg, "<path class=\"quic-handshake\""), svg);
        assertTrue(svg.contains(">QUIC handshake</text>"), "in the legend");
        assertFalse(svg.contains("class=\"connect\"") || svg.contains("class=\"tls\""), svg);
        assertTrue(WaterfallChart.css().contains("svg.waterfall .quic-handshake {"));

        String overTcp = WaterfallChart.render("h2", page, 31);
        assertFalse(overTcp.contains("quic-handshake") || overTcp.contains("QUIC handshake"), overTcp);
        assertEquals(1, count(overTcp, "<path class=\"connect\""), overTcp);
    }

    @Test
    void aRowShowsItsStatusWhenItIsNot200() {
        // A redirect, then its target after its last byte, on the same connection.
        List<RequestRecord> requests = List.of(
                new RequestRecord("/old", 1, 1, 301, null, 0, 100, 2_000, 3_000, 3_100, 8_000, 8_200, 0, null),
                new RequestRecord("/new", 1, 3, 200, null, 8_200, -1, -1, -1, 8_300, 12_000, 15_000, 900, null));
        String svg = WaterfallChart.render("h2", new PageLoadSample(15, false, requests), 15);
        assertTrue(svg.contains(">/old 301</text>"), svg);
        assertTrue(svg.contains(">/new</text>"), svg);
        assertFalse(svg.contains("/new 200"), svg);
    }

    /** {@code n} requests over {@code n / 6} connections, the later ones queued behind the earlier. */
    private static PageLoadSample page(int n) {
        List<RequestRecord> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = 1_000L * (i / 6);
            requests.add(new RequestRecord("/r/" + i, i % 6 + 1L, i / 6 + 1L, 200, null, start, start + 500,
                    start + 2_500, start + 6_000, start + 9_000, start + 20_000, start + 25_000, 1234, null));
        }
        return new PageLoadSample(n / 6.0 + 25, false, requests);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
