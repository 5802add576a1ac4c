package io.muxbench.results.merge;

import io.muxbench.results.CellResult;
import io.muxbench.results.CellStatistics;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.PageLoadSample;
import io.muxbench.results.ResultsFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * One cell of the shards added up. Histograms add exactly: every interval keeps its place in absolute
 * time, intervals of one tag that start at the same millisecond are added into one, and every
 * percentile is computed again from the totals ({@link CellStatistics}), never averaged. Counters
 * are summed, per-page-load averages weighted by each shard's page loads, the server's maxima taken
 * as the largest.
 *
 * @param result    the merged cell for results.json
 * @param intervals the merged log's intervals, in time order
 */
record CellMerge(CellResult result, List<HistogramLogs.Interval> intervals) {

    static CellMerge of(String cellId, List<ShardRun> shards, Precision.Check precision, int samplesPerCell)
            throws ResultsFormatException {
        List<CellResult> cells = new ArrayList<>();
        TreeMap<Long, Map<String, Histogram>> byStart = new TreeMap<>();
        TreeMap<Long, Long> lengths = new TreeMap<>();
        for (ShardRun shard : shards) {
            CellResult cell = shard.cell(cellId);
            cells.add(cell);
            for (HistogramLogs.Interval interval : HistogramLogs.readIntervals(shard.dir(), cell.histogramLog())) {
                precision.check(interval.histogram(), shard.name() + "'s " + cell.histogramLog());
                byStart.computeIfAbsent(interval.startEpochMillis(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(interval.tag(), t -> precision.newHistogram()).add(interval.histogram());
                lengths.merge(interval.startEpochMillis(), interval.lengthMillis(), Math::max);
            }
        }
        Map<String, Histogram> totals = new LinkedHashMap<>();
        List<HistogramLogs.Interval> intervals = new ArrayList<>();
        byStart.forEach((start, byTag) -> byTag.forEach((tag, h) -> {
            totals.computeIfAbsent(tag, t -> precision.newHistogram()).add(h);
            intervals.add(new HistogramLogs.Interval(tag, start, lengths.get(start), h));
        }));
        return new CellMerge(result(cells, totals, precision, samplesPerCell), List.copyOf(intervals));
    }

    private static CellResult result(List<CellResult> cells, Map<String, Histogram> totals, Precision.Check precision,
                                     int samplesPerCell) {
        CellResult first = cells.get(0);
        Histogram plt = totals.getOrDefault(HistogramLogs.PAGE_LOAD, precision.newHistogram());
        Histogram request = totals.getOrDefault(HistogramLogs.REQUEST, precision.newHistogram());
        CellResult.PageLoads pageLoads = CellStatistics.pageLoads(sum(cells, c -> c.pageLoads().count()),
                sum(cells, c -> c.pageLoads().failed()), plt, totals.get(HistogramLogs.PAGE_LOAD_UNCORRECTED));
        CellResult.Requests requests = CellStatistics.requests(request, sum(cells, c -> c.requests().failed()));
        CellResult.Bytes bytes = new CellResult.Bytes(
                Math.round(perPageLoad(cells, c -> c.bytes().sentPerPageLoad())),
                Math.round(perPageLoad(cells, c -> c.bytes().receivedPerPageLoad())),
                Math.round(perPageLoad(cells, c -> c.bytes().headersSentPerPageLoad())),
                Math.round(perPageLoad(cells, c -> c.bytes().bodySentPerPageLoad())),
                Math.round(perPageLoad(cells, c -> c.bytes().headersReceivedPerPageLoad())),
                Math.round(perPageLoad(cells, c -> c.bytes().bodyReceivedPerPageLoad())));
        Map<String, Long> errors = new TreeMap<>();
        List<PageLoadSample> samples = new ArrayList<>();
        for (CellResult cell : cells) {
            cell.errors().forEach((cause, count) -> errors.merge(cause, count, Long::sum));
            cell.samples().stream().limit(Math.max(0, samplesPerCell - samples.size())).forEach(samples::add);
        }
        CellResult.Settings settings = cells.stream().map(CellResult::settings).filter(s -> s != null).findFirst()
                .orElse(null);
        return new CellResult(first.id(), first.scenario(), first.mode(), first.link(), first.reuse(), first.tls(),
                first.client(), settings, pageLoads, requests,
                CellStatistics.round(perPageLoad(cells, CellResult::connectionsPerPageLoad)), bytes, errors,
                server(cells), datagrams(cells), HistogramLogs.path(first.id()), samples);
    }

    private static long sum(List<CellResult> cells, ToLongFunction<CellResult> value) {
        return cells.stream().mapToLong(value).sum();
    }

    /** A per-page-load average over all the shards' page loads: each shard's weighted by its page loads. */
    private static double perPageLoad(List<CellResult> cells, ToDoubleFunction<CellResult> value) {
        long pageLoads = sum(cells, c -> c.pageLoads().count());
        if (pageLoads == 0) {
            return 0;
        }
        return cells.stream().mapToDouble(c -> value.applyAsDouble(c) * c.pageLoads().count()).sum() / pageLoads;
    }

    private static CellResult.ServerCounters server(List<CellResult> cells) {
        List<CellResult.ServerCounters> all = cells.stream().map(CellResult::server).filter(s -> s != null).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new CellResult.ServerCounters(all.stream().mapToLong(CellResult.ServerCounters::connectionsAccepted).sum(),
                all.stream().mapToLong(CellResult.ServerCounters::requestsReceived).sum(),
                all.stream().mapToInt(CellResult.ServerCounters::maxInFlightPerConnection).max().orElse(0));
    }

    private static CellResult.Datagrams datagrams(List<CellResult> cells) {
        List<CellResult.Datagrams> all = cells.stream().map(CellResult::datagrams).filter(d -> d != null).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new CellResult.Datagrams(all.stream().mapToLong(CellResult.Datagrams::deliveredUp).sum(),
                all.stream().mapToLong(CellResult.Datagrams::deliveredDown).sum(),
                all.stream().mapToLong(CellResult.Datagrams::lost).sum(),
                all.stream().mapToLong(CellResult.Datagrams::queueDropped).sum(),
                all.stream().mapToLong(CellResult.Datagrams::sendDropped).sum(),
                all.stream().mapToLong(CellResult.Datagrams::kernelDropped).sum());
    }
}
