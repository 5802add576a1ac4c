package io.muxbench.driver.run;

import io.muxbench.driver.chromium.ChromiumPageLoad;
import io.muxbench.driver.link.LinkStats;
import io.muxbench.driver.link.UdpKernelCounters;
import io.muxbench.driver.origin.OriginStats;
import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.Exchange;
import io.muxbench.vocabulary.ErrorCause;
import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.PageLoadSample;
import io.muxbench.results.QuicSettings;
import io.muxbench.scenario.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records one cell's page loads: HdrHistogram recorders whose intervals go to the cell's log after
 * each round ({@link #endInterval}), failures by cause, bytes and connections, the origin's counters,
 * and a few page loads kept whole. Thread-safe for recording. What it holds is summed up by
 * {@link CellSummary}; it writes no file itself.
 */
final class CellRecorder {


    final RunPlan.Cell cell;
    final String id;
    final Scenario scenario;

    private final Recorder pageLoad = new Recorder(HistogramLogs.HIGHEST_MICROS, HistogramLogs.DIGITS);
    private final Recorder pageLoadUncorrected = new Recorder(HistogramLogs.HIGHEST_MICROS, HistogramLogs.DIGITS);
    private final Recorder request = new Recorder(HistogramLogs.HIGHEST_MICROS, HistogramLogs.DIGITS);
    private final Histogram pageLoadTotal = HistogramLogs.newHistogram();
    private final Histogram pageLoadUncorrectedTotal = HistogramLogs.newHistogram();
    private final Histogram requestTotal = HistogramLogs.newHistogram();
    private final AtomicLong pageLoadsFailed = new AtomicLong();
    private final AtomicLong requestsFailed = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    /** Page loads that ran to the end (failed or not): the ones whose bytes and connections were counted. */
    private final AtomicLong measured = new AtomicLong();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bodyReceived = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final Map<ErrorCause, LongAdder> errors = new ConcurrentHashMap<>();
    private final List<PageLoadSample> samples = new ArrayList<>();
    private final int sampleStride;
    private final int maxSamples;
    private long serverConnections;
    private long serverRequests;
    private int serverMaxInFlight;
    private boolean hasServer;
    private CellResult.Datagrams datagrams;
    private volatile QuicSettings quicSettings;
    private volatile BrowserClient.Negotiated negotiated;
    private int[] http2Windows = {0, 0};
    private boolean uncorrectedSeen;

    CellRecorder(RunPlan.Cell cell, int pageLoads, int maxSamples) {
        this.cell = cell;
        this.id = cell.id();
        this.scenario = cell.scenario();
        this.maxSamples = maxSamples;
        this.sampleStride = Math.max(1, pageLoads / Math.max(1, maxSamples));
    }

    boolean cold() {
        return cell.cold();
    }

    /**
     * Records a finished page load.
     *
     * @param intendedStartNanos under open load, when the page load should have started; 0 under closed load
     */
    void record(PageLoad.Outcome outcome, long intendedStartNanos) {
        recordRequests(outcome);
        bytesSent.add(outcome.bytesSent());
        bytesReceived.add(outcome.bytesReceived());
        bodyReceived.add(outcome.bodyBytesReceived());
        connections.add(outcome.connectionsOpened());
        measured.incrementAndGet();
        long n = recorded.incrementAndGet();
        if (outcome.failed()) {
            // A failed page load is never recorded as a page-load time.
            pageLoadsFailed.incrementAndGet();
        } else if (intendedStartNanos > 0) {
            pageLoad.recordValue(micros(outcome.endNanos() - intendedStartNanos));
            pageLoadUncorrected.recordValue(micros(outcome.durationNanos()));
            uncorrectedSeen = true;
        } else {
            pageLoad.recordValue(micros(outcome.durationNanos()));
        }
        if (n % sampleStride == 0) {
            keepSample(outcome);
        }
    }

    /** Records a page load made by a real browser, as the browser timed it. */
    void record(ChromiumPageLoad load) {
        for (PageLoadSample.RequestRecord r : load.requests()) {
            if (r.error() != null) {
                requestsFailed.incrementAndGet();
            } else {
                request.recordValue(clampMicros(r.lastByteUs() - r.startUs()));
            }
        }
        load.errors().forEach(cause -> countError(cause, 1));
        bytesReceived.add(load.bytesReceived());
        bodyReceived.add(load.bodyBytesReceived());
        connections.add(load.connectionsOpened());
        measured.incrementAndGet();
        long n = recorded.incrementAndGet();
        if (load.failed()) {
            pageLoadsFailed.incrementAndGet();
        } else {
            pageLoad.recordValue(clampMicros(load.pageLoadMicros()));
        }
        if (n % sampleStride == 0) {
            synchronized (this) {
                if (samples.size() < maxSamples) {
                    samples.add(new PageLoadSample(load.pageLoadMicros() / 1000.0, load.failed(), load.requests()));
                }
            }
        }
    }

    /** Counts a failure that belongs to no page load (e.g. the browser would not start). */
    void recordError(ErrorCause cause) {
        countError(cause, 1);
    }

    /** Page loads that could not be made at all (the browser failed), counted as failed with this cause. */
    void recordFailedPageLoads(ErrorCause cause, int count) {
        recorded.addAndGet(count);
        pageLoadsFailed.addAndGet(count);
        countError(cause, count);
    }

    /**
     * A page load that did not finish in time: its completed requests count as usual, those still
     * unanswered as failed, and a sample shows which they were.
     */
    void recordTimeout(PageLoad.Outcome partial) {
        recordRequests(partial);
        requestsFailed.addAndGet(partial.unanswered().size());
        long n = recorded.incrementAndGet();
        pageLoadsFailed.incrementAndGet();
        countError(ErrorCause.TIMEOUT_PAGE_LOAD, 1);
        if (n % sampleStride == 0) {
            keepSample(partial);
        }
    }

    private void recordRequests(PageLoad.Outcome outcome) {
        for (Exchange exchange : outcome.exchanges()) {
            if (exchange.failed()) {
                requestsFailed.incrementAndGet();
                countError(exchange.failure, 1);
            } else {
                request.recordValue(micros(exchange.lastByteNanos - exchange.startNanos));
            }
        }
    }

    private synchronized void keepSample(PageLoad.Outcome outcome) {
        if (samples.size() >= maxSamples) {
            return;
        }
        long base = outcome.startNanos();
        List<PageLoadSample.RequestRecord> records = new ArrayList<>();
        List<Exchange> ordered = new ArrayList<>(outcome.exchanges());
        ordered.addAll(outcome.unanswered());
        Set<Exchange> unanswered = Collections.newSetFromMap(new IdentityHashMap<>());
        unanswered.addAll(outcome.unanswered());
        ordered.sort(Comparator.comparingLong((Exchange e) -> e.startNanos).thenComparingLong(e -> e.beginNanos));
        for (Exchange e : ordered) {
            boolean waiting = unanswered.contains(e);
            String error = waiting ? ErrorCause.TIMEOUT_PAGE_LOAD.id() : e.failed() ? e.failure.id() : null;
            String detail = waiting ? "no response within the page-load timeout" : e.failed() ? e.failureDetail : null;
            long begin = at(e.beginNanos, base);
            long connectStart = e.connectStartNanos == 0 ? begin : at(e.connectStartNanos, base);
            long connectEnd = e.connectEndNanos == 0 ? connectStart : at(e.connectEndNanos, base);
            long tlsEnd = e.tlsEndNanos == 0 ? connectEnd : at(e.tlsEndNanos, base);
            // A resource of another host shows as a network-path reference, //host/path.
            String path = e.resource.host() == null ? e.resource.path() : "//" + e.resource.host() + e.resource.path();
            records.add(new PageLoadSample.RequestRecord(path, e.connectionId, e.streamId, e.status,
                    error, at(e.startNanos, base), connectStart, connectEnd, tlsEnd,
                    at(e.sentNanos, base), at(e.firstByteNanos, base), at(e.lastByteNanos, base), e.bodyBytesReceived,
                    detail));
        }
        samples.add(new PageLoadSample(outcome.durationNanos() / 1e6, outcome.failed(), records));
    }

    private static long at(long nanos, long baseNanos) {
        return nanos == 0 ? -1 : Math.max(0, (nanos - baseNanos) / 1000);
    }

    private void countError(ErrorCause cause, long count) {
        errors.computeIfAbsent(cause, k -> new LongAdder()).add(count);
    }

    private static long micros(long nanos) {
        return clampMicros(nanos / 1000);
    }

    /** A value the histograms can hold: at least 1 µs, at most {@link HistogramLogs#HIGHEST_MICROS}. */
    private static long clampMicros(long micros) {
        return Math.max(1, Math.min(HistogramLogs.HIGHEST_MICROS, micros));
    }

    synchronized void addServerStats(OriginStats stats) {
        hasServer = true;
        serverConnections += stats.connectionsAccepted();
        serverRequests += stats.requestsReceived();
        serverMaxInFlight = Math.max(serverMaxInFlight, stats.maxInFlightPerConnection());
    }

    /** Adds a round's datagrams: what the link relayed and dropped, and what the kernel dropped meanwhile. */
    synchronized void addDatagrams(LinkStats.Datagrams relayed, UdpKernelCounters kernel) {
        long kernelDropped = kernel.dropped();
        if (relayed.deliveredUp() + relayed.deliveredDown() + relayed.dropped() + kernelDropped == 0) {
            return;
        }
        CellResult.Datagrams d = datagrams == null ? new CellResult.Datagrams(0, 0, 0, 0, 0, 0) : datagrams;
        datagrams = new CellResult.Datagrams(d.deliveredUp() + relayed.deliveredUp(),
                d.deliveredDown() + relayed.deliveredDown(), d.lost() + relayed.lost(),
                d.queueDropped() + relayed.queueDropped(), d.sendDropped() + relayed.sendDropped(),
                d.kernelDropped() + kernelDropped);
    }

    void negotiated(BrowserClient.Negotiated value, int[] windows, QuicSettings quic) {
        if (value != null) {
            negotiated = value;
        }
        if (windows != null) {
            http2Windows = windows;
        }
        if (quic != null) {
            quicSettings = quic;
        }
    }

    /** Where {@link #endInterval} hands each interval histogram: a cell's log. */
    @FunctionalInterface
    interface IntervalSink {
        void write(String tag, Histogram interval);
    }

    /**
     * Ends this round's interval: hands each histogram to {@code sink} (the uncorrected one only once
     * open load recorded some) and adds it to the totals.
     */
    synchronized void endInterval(IntervalSink sink) {
        write(sink, pageLoad.getIntervalHistogram(), HistogramLogs.PAGE_LOAD, pageLoadTotal);
        if (uncorrectedSeen) {
            write(sink, pageLoadUncorrected.getIntervalHistogram(), HistogramLogs.PAGE_LOAD_UNCORRECTED,
                    pageLoadUncorrectedTotal);
        }
        write(sink, request.getIntervalHistogram(), HistogramLogs.REQUEST, requestTotal);
    }

    private static void write(IntervalSink sink, Histogram interval, String tag, Histogram total) {
        sink.write(tag, interval);
        total.add(interval);
    }

    /** What was recorded so far, for {@link CellSummary}; the totals hold the intervals ended so far. */
    synchronized Totals totals() {
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((cause, count) -> errorCounts.put(cause.id(), count.sum()));
        CellResult.ServerCounters server = hasServer
                ? new CellResult.ServerCounters(serverConnections, serverRequests, serverMaxInFlight) : null;
        return new Totals(cell, recorded.get(), pageLoadsFailed.get(), measured.get(), pageLoadTotal,
                uncorrectedSeen ? pageLoadUncorrectedTotal : null, requestTotal, requestsFailed.get(), bytesSent.sum(),
                bytesReceived.sum(), bodyReceived.sum(), connections.sum(), errorCounts, server, datagrams,
                negotiated, http2Windows, quicSettings, List.copyOf(samples));
    }

    /**
     * A cell's totals. The histograms are the recorder's own: read them before the next interval ends.
     *
     * @param attempted page loads recorded, failed or not
     * @param measured  page loads whose bytes and connections were counted
     */
    record Totals(RunPlan.Cell cell, long attempted, long failed, long measured, Histogram pageLoad,
                  Histogram pageLoadUncorrected, Histogram request, long requestsFailed, long bytesSent,
                  long bytesReceived, long bodyBytesReceived, long connections, Map<String, Long> errors,
                  CellResult.ServerCounters server, CellResult.Datagrams datagrams,
                  BrowserClient.Negotiated negotiated, int[] http2Windows, QuicSettings quicSettings,
                  List<PageLoadSample> samples) {
    }
}
