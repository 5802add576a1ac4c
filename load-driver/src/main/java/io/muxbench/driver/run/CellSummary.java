package io.muxbench.driver.run;

import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.results.CellResult;
import io.muxbench.results.CellStatistics;
import io.muxbench.results.HistogramLogs;

/**
 * A cell's summary for results.json, from what its recorder holds: percentiles in milliseconds
 * ({@link CellStatistics}), bytes and connections per page load, failures by cause.
 */
final class CellSummary {

    private CellSummary() {
    }

    static CellResult of(CellRecorder.Totals t) {
        CellResult.PageLoads loads = CellStatistics.pageLoads(t.attempted(), t.failed(), t.pageLoad(),
                t.pageLoadUncorrected());
        CellResult.Requests requests = CellStatistics.requests(t.request(), t.requestsFailed());
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
                cell.key().tls(), cell.key().client(), settings, loads, requests,
                CellStatistics.round((double) t.connections() / per), bytes, t.errors(), t.server(), t.datagrams(), HistogramLogs.path(cell.id()), t.samples());
    }
}
