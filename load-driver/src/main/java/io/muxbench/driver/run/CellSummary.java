package io.muxbench.driver.run;

import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import org.HdrHistogram.Histogram;

/**
 * A cell's summary for results.json, from what its recorder holds: percentiles in milliseconds,
 * bytes and connections per page load, failures by cause.
 */
final class CellSummary {

    private CellSummary() {
    }

    static CellResult of(CellRecorder.Totals t) {
        Histogram plt = t.pageLoad();
        Histogram uncorrectedTotal = t.pageLoadUncorrected();
        CellResult.Uncorrected uncorrected = uncorrectedTotal == null ? null
                : new CellResult.Uncorrected(p(uncorrectedTotal, 50), p(uncorrectedTotal, 90), p(uncorrectedTotal, 99),
                ms(uncorrectedTotal.getMaxValue()));
        CellResult.PageLoads loads = new CellResult.PageLoads(t.attempted(), t.failed(), p(plt, 50), p(plt, 90),
                p(plt, 99), ms(plt.getMaxValue()), round(plt.getMean() / 1000), round(plt.getStdDeviation() / 1000),
                uncorrected);
        Histogram request = t.request();
        CellResult.Requests requests = new CellResult.Requests(request.getTotalCount() + t.requestsFailed(),
                t.requestsFailed(), p(request, 50), p(request, 90), p(request, 99), ms(request.getMaxValue()));
        long per = Math.max(1, t.measured());
        long sent = t.bytesSent() / per;
        long received = t.bytesReceived() / per;
        long body = t.bodyBytesReceived() / per;
        CellResult.Bytes bytes = new CellResult.Bytes(sent, received, sent, 0, Math.max(0, received - body), body);
        BrowserClient.Negotiated n = t.negotiated();
        int[] windows = t.http2Windows();
        CellResult.Settings settings = n == null ? null : new CellResult.Settings(n.connectionsPerOrigin(),
                n.maxInFlightPerConnection(), windows[0], windows[1], n.tlsProtocol(), n.cipherSuite(), n.alpn(),
                t.quicSettings());
        RunPlan.Cell cell = t.cell();
        return new CellResult(cell.id(), cell.key().scenario(), cell.key().mode(), cell.key().link(), cell.key().reuse(),
                cell.key().tls(), cell.key().client(), settings, loads, requests, round((double) t.connections() / per),
                bytes, t.errors(), t.server(), t.datagrams(), HistogramLogs.path(cell.id()), t.samples());
    }

    private static double p(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : ms(h.getValueAtPercentile(percentile));
    }

    private static double ms(long micros) {
        return round(micros / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
