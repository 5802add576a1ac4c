package io.muxbench.report.compare;

import io.muxbench.results.CellResult;
import io.muxbench.results.HistogramLogs;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.Results;
import io.muxbench.results.RunInfo;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.Load;
import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.vocabulary.Reuse;
import io.muxbench.vocabulary.RunConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a run folder as the driver would (run.json, results.json, one hlog per cell), with
 * page-load times drawn from a log-normal distribution, so compare can be tested without a run.
 *
 * <pre>{@code
 * Path run = new SyntheticRun(dir).seed(1).cell("shop", "h2", "4g", 80).addMillis(30).write();
 * }</pre>
 */
final class SyntheticRun {

    private final Path dir;
    private final List<CellSpec> cells = new ArrayList<>();
    private long seed = 1;
    private double addMillis;
    private int pageLoadsPerCell = 400;
    private Load load = Load.CLOSED;
    private int samplesPerCell = 5;
    private int schemaVersion = ResultsFormat.SCHEMA_VERSION;
    private int cpus = 2;
    private RunInfo.WarmUp warmUp;

    private record CellSpec(String scenario, String mode, String link, double medianMillis, long failed) {
    }

    SyntheticRun(Path dir) {
        this.dir = dir;
    }

    SyntheticRun seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Every page load takes this much longer (an origin that thinks 30 ms per response, say). */
    SyntheticRun addMillis(double millis) {
        this.addMillis = millis;
        return this;
    }

    SyntheticRun pageLoadsPerCell(int pageLoads) {
        this.pageLoadsPerCell = pageLoads;
        return this;
    }

    /** Open load starts 10 page loads a second; closed load, the default, runs 4 browsers without think time. */
    SyntheticRun load(Load load) {
        this.load = load;
        return this;
    }

    SyntheticRun samplesPerCell(int samples) {
        this.samplesPerCell = samples;
        return this;
    }

    SyntheticRun schemaVersion(int version) {
        this.schemaVersion = version;
        return this;
    }

    SyntheticRun cpus(int cpus) {
        this.cpus = cpus;
        return this;
    }

    /** run.json's warm-up to steady state; none (null), the default, as a run written before it existed. */
    SyntheticRun warmUp(RunInfo.WarmUp warmUp) {
        this.warmUp = warmUp;
        return this;
    }

    SyntheticRun cell(String scenario, String mode, String link, double medianMillis) {
        return cell(scenario, mode, link, medianMillis, 0);
    }

    SyntheticRun cell(String scenario, String mode, String link, double medianMillis, long failed) {
        cells.add(new CellSpec(scenario, mode, link, medianMillis, failed));
        return this;
    }

    /** The standard CI-like cells: one scenario, three modes, a loopback and an emulated link. */
    SyntheticRun standardCells() {
        for (String mode : List.of("h1", "h1-pipelined", "h2")) {
            cell("news", mode, "none", 6);
            cell("news", mode, "4g", 120);
        }
        return this;
    }

    Path write() throws IOException {
        Files.createDirectories(dir.resolve(HistogramLogs.FOLDER));
        SplittableRandom random = new SplittableRandom(seed);
        List<CellResult> results = new ArrayList<>();
        for (CellSpec spec : cells) {
            String id = spec.scenario() + "-" + spec.mode() + "-" + spec.link() + "-cold-tls";
            String log = HistogramLogs.FOLDER + "/" + id + ".hlog";
            Histogram total = writeLog(dir.resolve(log), spec, random);
            results.add(cell(id, spec, total, log));
        }
        RunInfo run = new RunInfo(schemaVersion, dir.getFileName().toString(), "2026-11-27T00:00:00Z",
                "2026-11-27T00:01:00Z", 60, true, "test",
                new RunInfo.Environment("17", "test", "Linux", "amd64", cpus, 1 << 30, "12.1.14", "ci"),
                configuration(), null, new RunInfo.DriverHealth(20, 0, false, List.of(), null, null), warmUp, null);
        ResultsFormat.writeJson(dir.resolve(ResultsFormat.RUN_FILE), run);
        ResultsFormat.writeJson(dir.resolve(ResultsFormat.RESULTS_FILE),
                new Results(schemaVersion, dir.getFileName().toString(), true, results));
        return dir;
    }

    /** The configuration of a CI-like run; the cells a test adds do not change it, as a run's always would. */
    private RunConfiguration configuration() {
        return new RunConfiguration(List.of("news"), ModeDescription.builtIn().stream().map(ModeDescription::id).toList(),
                List.of("none", "4g"), List.of(new RunConfiguration.LinkProfile("4g", 70, 12_000_000, 12_000_000, 0)),
                List.of(Reuse.COLD), true, load, 4, load == Load.OPEN ? 10 : 0, 0, pageLoadsPerCell, 1, 2,
                samplesPerCell, 60_000, RunConfiguration.EMBEDDED, true, 6, 1, 128, 128, "RSA", 1, null);
    }

    private Histogram writeLog(Path file, CellSpec spec, SplittableRandom random) throws IOException {
        Histogram total = HistogramLogs.newHistogram();
        HistogramLogWriter writer = new HistogramLogWriter(file.toFile());
        try {
            writer.outputLogFormatVersion();
            writer.outputStartTime(0);
            writer.outputLegend();
            // Two intervals, as a recorder's snapshots would give, so the reader must add them up.
            for (int interval = 0; interval < 2; interval++) {
                Histogram h = HistogramLogs.newHistogram();
                h.setTag(HistogramLogs.PAGE_LOAD);
                h.setStartTimeStamp(interval * 1000L);
                h.setEndTimeStamp(interval * 1000L + 1000);
                for (int i = 0; i < pageLoadsPerCell / 2; i++) {
                    double millis = spec.medianMillis() * Math.exp(0.25 * random.nextGaussian()) + addMillis;
                    h.recordValue(Math.round(millis * 1000));
                }
                total.add(h);
                writer.outputIntervalHistogram(h);
            }
        } finally {
            writer.close();
        }
        return total;
    }

    private static CellResult cell(String id, CellSpec spec, Histogram h, String log) {
        CellResult.PageLoads pageLoads = new CellResult.PageLoads(h.getTotalCount(), spec.failed(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, h.getMean() / 1000.0,
                h.getStdDeviation() / 1000.0, null);
        CellResult.Requests requests = new CellResult.Requests(h.getTotalCount() * 10, 0, 1, 2, 3, 4);
        int connections = "h1".equals(spec.mode()) ? 6 : 1;
        CellResult.Settings settings = new CellResult.Settings(connections, "h1".equals(spec.mode()) ? 1 : 100,
                "h2".equals(spec.mode()) ? 65535 : 0, "h2".equals(spec.mode()) ? 1048576 : 0, "TLSv1.3",
                "TLS_AES_128_GCM_SHA256", "h2".equals(spec.mode()) ? "h2" : "http/1.1");
        return new CellResult(id, spec.scenario(), spec.mode(), spec.link(), Reuse.COLD, true, ClientKind.DRIVER,
                settings, pageLoads,
                requests, connections, new CellResult.Bytes(1000, 100000, 500, 500, 5000, 95000),
                spec.failed() == 0 ? Map.of() : Map.of("reset", spec.failed()), null, log, List.of());
    }
}
