package io.muxbench.driver.literature;

import io.muxbench.driver.literature.StudyPlan.Part;
import io.muxbench.driver.literature.StudyPlan.PointPlan;
import io.muxbench.driver.mode.Mode;
import io.muxbench.results.literature.Literature.Published;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The studies of the literature suite, one per row of literature.md that synthetic pages and the
 * link model can reproduce, and one per table of the SPDY whitepaper. Every page, link and threshold
 * is fixed here, before measuring; {@code quick} keeps fewer points of each sweep.
 *
 * <p>The whitepaper's stand-in page is the bundled news page (nytimes.com, 2015: 224 requests,
 * 2.4 MB) with its hosts kept apart ({@code news-hosts}), cleartext, initial window 4, as the study
 * ran: chosen for being a real page of many hosts and small objects, not for its result.
 */
final class Studies {

    static final String STAND_IN = "news-hosts";
    static final String STAND_IN_MERGED = "news";
    private static final String CLEARTEXT = "cleartext";
    private static final String WHITEPAPER = "SPDY whitepaper (Google, 2009)";
    private static final List<String> NO_SYN_LOSS_TODAY = List.of();

    private final boolean quick;
    private final Mode h1 = Mode.of("h1");
    private final Mode h2 = Mode.of("h2");
    private final Mode pipelined = Mode.of("h1-pipelined");

    /** Every study, in the order of literature.md's rows. */
    static List<StudyPlan> all(boolean quick) {
        Studies s = new Studies(quick);
        List<StudyPlan> studies = new ArrayList<>();
        studies.add(s.rtt());
        studies.add(s.rttTable());
        studies.add(s.rttTableLight());
        studies.add(s.bandwidth());
        studies.add(s.loss());
        studies.add(s.lossTable());
        studies.add(s.largeObjectLoss());
        studies.add(s.objectCount());
        studies.add(s.objectSize());
        studies.add(s.initialWindow());
        studies.add(s.tlsSteps());
        studies.add(s.slowUplink());
        studies.add(s.linkTable());
        studies.add(s.sharding());
        studies.add(s.pipelining());
        if (!quick) {
            studies.add(s.realPages());
        }
        return studies;
    }

    Studies(boolean quick) {
        this.quick = quick;
    }

    /** Pages whose loads take seconds on their links: the stand-ins, and row 4's 2.4 MB over a lossy link. */
    private static final List<String> HEAVY = List.of(STAND_IN, STAND_IN_MERGED, "synthetic:12x200kb");

    /** Page loads per cell of a run of these pages: fewer with the heavy pages, so that the suite fits in 30 minutes. */
    int pageLoadsFor(List<String> sources) {
        boolean heavy = sources.stream().anyMatch(HEAVY::contains);
        return quick ? 1 : heavy ? 3 : 4;
    }

    /** The points a sweep keeps: every one, or under {@code quick} only those at {@code quickIndexes}. */
    private <T> List<T> keep(List<T> all, int... quickIndexes) {
        if (!quick) {
            return all;
        }
        return Arrays.stream(quickIndexes).mapToObj(all::get).toList();
    }

    static String link(int rttMillis, String down, String up, String loss, Integer iw, String synRto) {
        return "rtt=" + rttMillis + "ms,down=" + down + ",up=" + up + ",loss=" + loss
                + (iw == null ? "" : ",iw=" + iw) + (synRto == null ? "" : ",syn-rto=" + synRto);
    }

    private static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    // --- the whitepaper's tables -------------------------------------------------------------------

    private static final double[] WP_RTTS = {20, 40, 60, 80, 120, 160, 200};
    private static final double[] WP_RTT_GAIN = {12.3, 18.6, 20.1, 23.9, 23.5, 24.1, 26.8};
    private static final double[] WP_RTT_HTTP = {1240, 1571, 1909, 2268, 2927, 3650, 4498};
    private static final double[] WP_RTT_SPDY = {1087, 1279, 1526, 1727, 2240, 2772, 3293};

    private StudyPlan rttTable() {
        List<Integer> kept = keep(List.of(0, 1, 2, 3, 4, 5, 6), 0, 3, 6);
        List<PointPlan> points = rttPoints(kept, STAND_IN, 4);
        List<String> links = linksOf(points);
        List<Double> gain = pick(kept, WP_RTT_GAIN);
        return new StudyPlan("wp-rtt-table", "whitepaper RTT table", "Round-trip time varied on the cable link, stand-in page",
                "RTT (ms)", "news page, hosts kept apart; cable 4/1 Mbit/s, no loss; initial window 4; cleartext; cold",
                "PLT close to linear in RTT for both (about 18 round trips per page for HTTP, 12 for SPDY); the gain"
                        + " rises from 12.3 % at 20 ms to 26.8 % at 200 ms",
                List.of("The page is a 2015 news page (224 requests, 26 of them redirects, 2.4 MB on 72 hosts), not the"
                        + " whitepaper's 25 sites of 2009, whose PLT at 0 ms RTT (about 860 ms, extrapolated) suggests"
                        + " pages near 430 kB: at 4 Mbit/s this page's bytes alone take 4.7 s, so bandwidth decides"
                        + " most of its PLT at every RTT.",
                        "HTTP/2 stands in for SPDY/2; h1 opens 6 connections per host, as the study's browsers did.",
                        "No browser computation: the page's tree is replayed as it was discovered."),
                h1, h2, List.of(part("", List.of(STAND_IN), links, false)), points,
                new Published(WHITEPAPER + ", RTT table", gain, pick(kept, WP_RTT_HTTP), pick(kept, WP_RTT_SPDY)),
                m -> Checks.rttTable(m, gain));
    }

    /** Row 1 on many small objects, at the RTT table's steps and today's window, against its gains. */
    private StudyPlan rtt() {
        List<Integer> kept = keep(List.of(0, 2, 4, 6), 0, 3);
        String page = "synthetic:100x4kb";
        List<PointPlan> points = rttPoints(kept, page, null);
        List<String> links = linksOf(points);
        List<Double> gain = pick(kept, WP_RTT_GAIN);
        return new StudyPlan("row-01-rtt", "1", "Round-trip time varied, many small objects", "RTT (ms)",
                "100 objects of 4 kB on one host; cable 4/1 Mbit/s, no loss; initial window 10; TLS; cold",
                "PLT linear in RTT for both; HTTP/2's gain grows with RTT (the whitepaper's RTT table: 12.3 % at 20 ms to"
                        + " 26.8 % at 200 ms)",
                List.of("A synthetic page: one document and its objects, one round of discovery, where real pages have"
                        + " several."),
                h1, h2, List.of(part("", List.of(page), links, true)), points,
                new Published(WHITEPAPER + ", RTT table", gain, null, null), m -> Checks.rttTable(m, gain));
    }

    /** Row 3 on many small objects with the whitepaper's window and SYN timeout, against its loss table's gains. */
    private StudyPlan loss() {
        List<Integer> kept = keep(List.of(0, 1, 2, 3, 4, 5), 0, 2, 4);
        String page = "synthetic:100x4kb";
        List<PointPlan> points = lossPoints(kept, page);
        List<String> links = linksOf(points);
        List<Double> gain = pick(kept, WP_LOSS_GAIN);
        return new StudyPlan("row-03-loss", "3", "Packet loss varied, many small objects, the study's window and SYN timeout",
                "loss (%)", "100 objects of 4 kB on one host; cable 4/1 Mbit/s, RTT 20 ms; initial window 4; a lost SYN or"
                        + " SYN-ACK costs 3 s; cleartext; cold",
                "The gain grows with loss and peaks near 2 % (the whitepaper's loss table: 11.8 % at 0 % to 47.7 % at 2 %)",
                List.of("The link's TCP model is NewReno-like: a loss is repaired in one RTT by fast retransmit when three"
                        + " later segments follow it, else after max(200 ms, RTT); no delayed ACKs, no SACK, no tail-loss"
                        + " probe; a lost SYN or SYN-ACK waits 3 s, doubling, as 2009's stacks did."),
                h1, h2, List.of(part("", List.of(page), links, false)), points,
                new Published(WHITEPAPER + ", loss table", gain, null, null), m -> Checks.lossTable(m, gain));
    }

    /**
     * The RTT table again, on a page of the whitepaper's own weight: its RTT table's lines meet 0 ms at about
     * 860 ms, some 430 kB at 4 Mbit/s, and HTTP's 18 round trips are about 90 objects over 6 connections; row
     * 1's page, 100 objects of 4 kB, is that page. Added after the suite's first full run, in which news-hosts,
     * the stand-in chosen first, spent 4.7 of its 5.1 s in its bytes (that run had measured this page too, in
     * row 1, over TLS with today's window).
     */
    private StudyPlan rttTableLight() {
        List<Integer> kept = keep(List.of(0, 1, 2, 3, 4, 5, 6), 0, 3, 6);
        String page = "synthetic:100x4kb";
        List<PointPlan> points = rttPoints(kept, page, 4);
        List<String> links = linksOf(points);
        List<Double> gain = pick(kept, WP_RTT_GAIN);
        return new StudyPlan("wp-rtt-table-light", "whitepaper RTT table, a page of its weight",
                "Round-trip time varied on the cable link, a page of the whitepaper's weight", "RTT (ms)",
                "100 objects of 4 kB on one host (about 410 kB); cable 4/1 Mbit/s, no loss; initial window 4; cleartext;"
                        + " cold",
                "PLT close to linear in RTT for both (about 18 round trips per page for HTTP, 12 for SPDY); the gain"
                        + " rises from 12.3 % at 20 ms to 26.8 % at 200 ms",
                List.of("A second stand-in, added after the suite's first full run showed the first (news-hosts)"
                        + " bandwidth-bound, and sized from the whitepaper's figures: its lines' intercept (about 860 ms at"
                        + " 4 Mbit/s, some 430 kB) and HTTP's 18 round trips (about 90 objects over 6 connections). It is"
                        + " row 1's page, which that run had measured over TLS with today's window.",
                        "A synthetic page has one round of discovery, where the study's sites had several; it has one"
                        + " host, where they had a few each."),
                h1, h2, List.of(part("", List.of(page), links, false)), points,
                new Published(WHITEPAPER + ", RTT table", gain, pick(kept, WP_RTT_HTTP), pick(kept, WP_RTT_SPDY)),
                m -> Checks.rttTable(m, gain));
    }

    private static final double[] WP_LOSS = {0, 0.5, 1, 1.5, 2, 2.5};
    private static final double[] WP_LOSS_GAIN = {11.8, 32.5, 41.8, 41.2, 47.7, 43.6};
    private static final double[] WP_LOSS_HTTP = {1152, 1638, 2060, 2372, 2904, 3028};
    private static final double[] WP_LOSS_SPDY = {1016, 1105, 1200, 1394, 1537, 1707};

    private StudyPlan lossTable() {
        List<Integer> kept = keep(List.of(0, 1, 2, 3, 4, 5), 0, 2, 4);
        List<PointPlan> points = lossPoints(kept, STAND_IN);
        List<String> links = linksOf(points);
        List<Double> gain = pick(kept, WP_LOSS_GAIN);
        return new StudyPlan("wp-loss-table", "whitepaper loss table", "Packet loss varied on the cable link, stand-in page",
                "loss (%)", "news page, hosts kept apart; cable 4/1 Mbit/s, RTT 20 ms; initial window 4; a lost SYN costs"
                        + " 3 s; cleartext; cold",
                "The gain grows with loss (11.8 % at 0 % to 47.7 % at 2 %) and tapers above 2 %; HTTP's PLT grows 152 %"
                        + " from 0 to 2 %, SPDY's 51 %",
                List.of("literature.md gives no RTT for the loss table: 20 ms, where the RTT table's HTTP PLT (1240 ms) is"
                        + " nearest the loss table's at 0 % (1152 ms).",
                        "The link's TCP model is NewReno-like: a loss is repaired in one RTT by fast retransmit when three"
                        + " later segments follow it, else after a timeout of max(200 ms, RTT); SYN and SYN-ACK losses cost"
                        + " 3 s each (doubling), as in 2009. It has no delayed ACKs, no SACK and no tail-loss probe.",
                        "Loss is drawn per segment from a seed, the same for both modes' byte streams, not per packet of a"
                        + " real network."),
                h1, h2, List.of(part("", List.of(STAND_IN), links, false)), points,
                new Published(WHITEPAPER + ", loss table", gain, pick(kept, WP_LOSS_HTTP), pick(kept, WP_LOSS_SPDY)),
                m -> Checks.lossTable(m, gain));
    }

    private StudyPlan linkTable() {
        String[][] links = {{"DSL 2/0.375 Mbit/s", "2mbit", "375kbit"}, {"cable 4/1 Mbit/s", "4mbit", "1mbit"}};
        double[][] gains = {{27.9, 45.5, 39.0}, {43.6, 60.2, 53.2}};
        double[] http = {3112, 2348};
        double[][] spdy = {{2243, 1696, 1900}, {1325, 934, 1099}};
        List<Integer> kept = keep(List.of(0, 1), 1);
        List<String> linkSpecs = new ArrayList<>();
        List<PointPlan> points = new ArrayList<>();
        List<Double> gain = new ArrayList<>();
        List<Double> httpMs = new ArrayList<>();
        List<Double> spdyMs = new ArrayList<>();
        String[] settings = {"per host", "one connection", "one connection, TLS"};
        for (int l : kept) {
            String spec = link(20, links[l][1], links[l][2], "1%", 4, "3s");
            linkSpecs.add(spec);
            PointPlan http1 = new PointPlan("HTTP", 0, CLEARTEXT, STAND_IN, spec);
            points.add(new PointPlan(links[l][0] + ", " + settings[0], points.size(), CLEARTEXT, STAND_IN, spec, http1));
            points.add(new PointPlan(links[l][0] + ", " + settings[1], points.size(), CLEARTEXT, STAND_IN_MERGED, spec, http1));
            points.add(new PointPlan(links[l][0] + ", " + settings[2], points.size(), "tls", STAND_IN_MERGED, spec, http1));
            for (int s = 0; s < 3; s++) {
                gain.add(gains[l][s]);
                httpMs.add(http[l]);
                spdyMs.add(spdy[l][s]);
            }
        }
        return new StudyPlan("wp-link-table", "whitepaper link table (rows 9, 10)",
                "Two links at 1 % loss: a page's hosts on their own connections, on one, and over TLS", "setting",
                "news page; HTTP with hosts kept apart, 6 connections each; RTT 20 ms; 1 % loss; initial window 4; a lost"
                        + " SYN costs 3 s; cold",
                "SPDY per host gains 27.9 % (DSL) and 43.6 % (cable); every host on one connection 45.5 % and 60.2 %;"
                        + " over TLS 39.0 % and 53.2 %",
                List.of("'Every host on one connection' is the page imported with its hosts merged onto one origin: its"
                        + " paths are the same, its requests carry one Host.",
                        "TLS here is TLS 1.3 (one round trip per connection); the study's was TLS 1.0/1.2 (two)."),
                h1, h2, List.of(part(CLEARTEXT, List.of(STAND_IN, STAND_IN_MERGED), linkSpecs, false),
                        new Part("tls", List.of(STAND_IN_MERGED), linkSpecs, List.of(h2), true, null)),
                points, new Published(WHITEPAPER + ", link table", gain, httpMs, spdyMs),
                m -> Checks.linkTable(m, gain));
    }

    // --- the directions of literature.md ------------------------------------------------------------

    private StudyPlan bandwidth() {
        List<Integer> rates = keep(List.of(1, 2, 5, 10, 100), 0, 1, 2, 3);
        String page = "synthetic:30x10kb";
        return sweep("row-02-bandwidth", "2", "Bandwidth varied", "bandwidth (Mbit/s)",
                "30 objects of 10 kB on one host; RTT 50 ms; no loss; TLS; cold",
                "PLT falls with sharply diminishing returns (1 → 2 Mbit/s about −35 %, 5 → 10 about −5 %); HTTP/2's gain"
                        + " is small where bandwidth decides",
                List.of(), page, rates.size(),
                i -> new PointPlan(rates.get(i) + " Mbit/s", rates.get(i), "", page,
                        link(50, rates.get(i) + "mbit", rates.get(i) + "mbit", "0", null, null)),
                Checks::bandwidth);
    }

    private StudyPlan largeObjectLoss() {
        List<Integer> losses = keep(List.of(0, 1, 2, 3), 0, 2, 3);
        String page = "synthetic:12x200kb";
        return sweep("row-04-large-object-loss", "4", "Loss varied on a page of large objects", "loss (%)",
                "12 objects of 200 kB; RTT 70 ms, 20 Mbit/s; initial window 10; TLS; cold",
                "The gain shrinks and reverses: six HTTP/1.1 connections win from about 2 to 3 % loss",
                List.of("One HTTP/2 connection halves its window for every loss; six HTTP/1.1 connections lose one sixth"
                        + " of the page's window each time. The link's TCP model then grows a window back by one segment"
                        + " per round trip (Reno) and has no SACK, where Linux's CUBIC with SACK and RACK recovers a single"
                        + " connection faster: the model's reversal comes earlier, and deeper, than on today's stacks."),
                page, losses.size(),
                i -> new PointPlan(losses.get(i) + " %", losses.get(i), "", page,
                        link(70, "20mbit", "20mbit", losses.get(i) + "%", null, null)),
                Checks::largeObjectLoss);
    }

    private StudyPlan objectCount() {
        List<Integer> counts = keep(List.of(2, 8, 32, 128, 512), 0, 2, 4);
        double[] values = counts.stream().mapToDouble(Integer::doubleValue).toArray();
        String link = link(50, "10mbit", "10mbit", "0", null, null);
        return sweep("row-05-object-count", "5", "Object count varied", "objects (log scale)",
                "objects of 4 kB on one host; RTT 50 ms, 10 Mbit/s; no loss; TLS; cold",
                "The gain grows with the count: HTTP/1.1 pays about n/6 round trips, HTTP/2 about log2 of the rounds of"
                        + " slow start",
                List.of(), "synthetic:" + counts.get(0) + "x4kb", counts.size(),
                i -> new PointPlan(Integer.toString(counts.get(i)), Math.log(counts.get(i)) / Math.log(2), "",
                        "synthetic:" + counts.get(i) + "x4kb", link),
                m -> Checks.objectCount(m, 50, values));
    }

    private StudyPlan objectSize() {
        List<String> sizes = keep(List.of("1kb", "10kb", "100kb", "400kb", "1mb"), 0, 3, 4);
        double[] kb = {1, 10, 100, 400, 1000};
        List<Double> x = keep(Arrays.stream(kb).boxed().toList(), 0, 3, 4);
        int at400 = sizes.indexOf("400kb");
        String link = link(50, "50mbit", "50mbit", "0", null, null);
        return sweep("row-06-object-size", "6", "Object size varied, 12 objects", "object size (kB, log scale)",
                "12 objects on one host; RTT 50 ms, 50 Mbit/s; no loss; TLS; cold",
                "The gain shrinks to parity as bandwidth decides: no difference at about 400 KB objects",
                List.of(), "synthetic:12x" + sizes.get(0), sizes.size(),
                i -> new PointPlan(sizes.get(i).replace("kb", " kB").replace("mb", " MB"), Math.log10(x.get(i)), "",
                        "synthetic:12x" + sizes.get(i), link),
                m -> Checks.objectSize(m, at400));
    }

    private StudyPlan initialWindow() {
        List<Integer> windows = keep(List.of(3, 4, 10), 0, 2);
        String page = "synthetic:50x8kb";
        return sweep("row-07-initial-window", "7", "Initial window varied", "initial window (segments)",
                "50 objects of 8 kB on one host; RTT 100 ms, 10 Mbit/s; no loss; TLS; cold",
                "PLT falls, most at high RTT, and helps the single connection more (about 10 % lower average latency)",
                List.of("Only the server's and client's TCP flows get the window; the TLS and HTTP/2 stacks are today's."),
                page, windows.size(),
                i -> new PointPlan("iw " + windows.get(i), windows.get(i), "", page,
                        link(100, "10mbit", "10mbit", "0", windows.get(i), null)),
                Checks::initialWindow);
    }

    private StudyPlan tlsSteps() {
        String page = "synthetic:60x4kb";
        String link = link(100, "10mbit", "10mbit", "0", null, null);
        List<Part> parts = List.of(new Part("tls1.2", List.of(page), List.of(link), List.of(h1, h2), true, "1.2"),
                new Part("tls1.3", List.of(page), List.of(link), List.of(h1, h2), true, "1.3"),
                part(CLEARTEXT, List.of(page), List.of(link), false));
        List<PointPlan> points = List.of(new PointPlan("TLS 1.2", 0, "tls1.2", page, link),
                new PointPlan("TLS 1.3", 1, "tls1.3", page, link), new PointPlan(CLEARTEXT, 2, CLEARTEXT, page, link));
        return new StudyPlan("row-08-tls", "8", "TLS 1.2, TLS 1.3, cleartext", "transport security",
                "60 objects of 4 kB on one host; RTT 100 ms, 10 Mbit/s; no loss; cold", "Each step removes one round trip"
                        + " per new connection; HTTP/1.1 pays it per connection",
                List.of("The three settings are three runs, one after another, not interleaved: the TLS setting is a"
                        + " run's, not a cell's."),
                h1, h2, parts, points, null, m -> Checks.tlsSteps(m, 100));
    }

    private StudyPlan slowUplink() {
        List<String> ups = keep(List.of("100mbit", "1mbit", "256kbit"), 0, 2);
        String page = "synthetic:200x1kb";
        return sweep("row-09-uplink", "9", "Uplink slowed, many requests", "uplink",
                "200 objects of 1 kB; RTT 50 ms, 10 Mbit/s down; no loss; TLS; cold",
                "Header compression saves time on a slow uplink (the whitepaper: 45 to 1142 ms per page on 375 kbit/s)",
                List.of(), page, ups.size(),
                i -> new PointPlan(ups.get(i).replace("mbit", " Mbit/s").replace("kbit", " kbit/s"), i, "", page,
                        link(50, "10mbit", ups.get(i), "0", null, null)),
                Checks::slowUplink);
    }

    private StudyPlan sharding() {
        List<Integer> hosts = keep(List.of(1, 2, 4, 8), 0, 3);
        String link = link(50, "10mbit", "10mbit", "0", null, null);
        IntFunction<String> page = i -> hosts.get(i) == 1 ? "synthetic:64x4kb" : "synthetic:64x4kb:" + hosts.get(i) + "hosts";
        return sweep("row-10-sharding", "10", "A page spread over more hosts", "hosts",
                "64 objects of 4 kB; RTT 50 ms, 10 Mbit/s; no loss; TLS; cold; HTTP/2 one connection per host",
                "The gain shrinks (whitepaper: 27.9 % per host against 45.5 % on one connection)",
                List.of(), page.apply(0), hosts.size(),
                i -> new PointPlan(hosts.get(i) + (hosts.get(i) == 1 ? " host" : " hosts"), hosts.get(i), "",
                        page.apply(i), link),
                Checks::sharding);
    }

    private StudyPlan pipelining() {
        String link = link(50, "10mbit", "10mbit", "0", null, null);
        String equal = "synthetic:60x4kb";
        List<PointPlan> points = List.of(new PointPlan("small equal objects", 0, "", equal, link),
                new PointPlan("one slow early response (hol-blocking)", 1, "", "hol-blocking", link));
        return new StudyPlan("row-11-pipelining", "11", "Pipelined HTTP/1.1 against HTTP/2", "page",
                "one pipelined connection (depth 128) against one HTTP/2 connection; RTT 50 ms, 10 Mbit/s; no loss; TLS; cold",
                "Pipelining close to HTTP/2 on small equal objects; one slow early response delays every later one",
                List.of(), pipelined, h2,
                List.of(new Part("", List.of(equal, "hol-blocking"), List.of(link), List.of(h1, pipelined, h2), true, null)),
                points, null, Checks::pipelining);
    }

    private StudyPlan realPages() {
        String link = link(28, "5mbit", "1mbit", "0", null, null);
        String synthetic = "synthetic:197x12kb:doc20kb";
        List<PointPlan> points = List.of(new PointPlan("synthetic, 197 x 12 kB", 0, "", synthetic, link),
                new PointPlan("news page", 1, "", STAND_IN_MERGED, link));
        return new StudyPlan("row-12-real-pages", "12", "A real page against a synthetic one of its size", "page",
                "cable 5/1 Mbit/s, RTT 28 ms; no loss; TLS; cold; the news page with its hosts merged",
                "Gains much smaller on real pages (about 7 %)",
                List.of("No computation: the driver replays the page's dependency tree but runs no script and lays out"
                        + " nothing, which is most of what makes real pages gain less."),
                h1, h2, List.of(part("", List.of(synthetic, STAND_IN_MERGED), List.of(link), true)), points, null,
                Checks::realPages);
    }

    /** The RTT table's steps at {@code kept} on its cable link (4/1 Mbit/s, no loss), window {@code iw}, for one page. */
    private static List<PointPlan> rttPoints(List<Integer> kept, String page, Integer iw) {
        List<PointPlan> points = new ArrayList<>();
        for (int i : kept) {
            int rtt = (int) WP_RTTS[i];
            points.add(new PointPlan(rtt + " ms", rtt, "", page, link(rtt, "4mbit", "1mbit", "0", iw, null)));
        }
        return points;
    }

    /** The loss table's steps at {@code kept} on its cable link, RTT 20 ms, window 4, a lost SYN costing 3 s. */
    private static List<PointPlan> lossPoints(List<Integer> kept, String page) {
        List<PointPlan> points = new ArrayList<>();
        for (int i : kept) {
            points.add(new PointPlan(num(WP_LOSS[i]) + " %", WP_LOSS[i], "", page,
                    link(20, "4mbit", "1mbit", num(WP_LOSS[i]) + "%", 4, "3s")));
        }
        return points;
    }

    private static List<String> linksOf(List<PointPlan> points) {
        return points.stream().map(PointPlan::link).distinct().toList();
    }

    /** A study of one run over one scenario source per point, on h1 and h2 over TLS. */
    private StudyPlan sweep(String id, String row, String title, String vary, String fixed, String expected,
                            List<String> differences, String firstPage, int size, IntFunction<PointPlan> point,
                            StudyPlan.Check check) {
        List<PointPlan> points = new ArrayList<>();
        List<String> scenarios = new ArrayList<>();
        List<String> links = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            PointPlan p = point.apply(i);
            points.add(p);
            if (!scenarios.contains(p.scenario())) {
                scenarios.add(p.scenario());
            }
            if (!links.contains(p.link())) {
                links.add(p.link());
            }
        }
        return new StudyPlan(id, row, title, vary, fixed, expected, differences, h1, h2,
                List.of(part("", scenarios, links, true)), points, null, check);
    }

    private Part part(String name, List<String> scenarios, List<String> links, boolean tls) {
        return new Part(name, scenarios, links, List.of(h1, h2), tls, null);
    }

    private static List<Double> pick(List<Integer> indexes, double[] values) {
        return indexes.stream().map(i -> values[i]).toList();
    }

    static String describe(StudyPlan plan) {
        return String.format(Locale.ROOT, "%s (row %s)", plan.title(), plan.row());
    }
}
