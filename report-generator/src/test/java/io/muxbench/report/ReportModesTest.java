package io.muxbench.report;

import static io.muxbench.report.ReportWriterTest.section;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.muxbench.results.CellResult;
import io.muxbench.results.Results;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.RunInfo;
import io.muxbench.vocabulary.ClientKind;
import io.muxbench.vocabulary.ModeDescription;
import io.muxbench.vocabulary.Reuse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The report takes what a mode is (its colour, whether it is the baseline) from the run, not from a table of its own. */
@Timeout(60)
class ReportModesTest {

    /** A mode only this test knows: the fixture's pipelined cells renamed. */
    private static final ModeDescription TWO_CONNECTIONS =
            new ModeDescription("h1-two", "HTTP/1.1, two connections", "#123456", false);

    @TempDir
    Path dir;

    @Test
    void aModeTheReportNeverHeardOfIsDrawnInTheColourItsDescriptionGives() throws Exception {
        Fixture.copyTo(dir);
        rewriteCells(c -> List.of(copy(c, c.mode().equals("h1-pipelined") ? TWO_CONNECTIONS.id() : c.mode(), c.client())));
        describeModes(List.of(ModeDescription.H1, TWO_CONNECTIONS, ModeDescription.H2));

        String html = Files.readString(ReportWriter.write(dir));
        assertTrue(section(html, "distributions").contains("stroke:#123456"), "the percentile and CDF lines");
        assertTrue(section(html, "links").contains("stroke:#123456"), "the link chart's line");
        assertTrue(section(html, "headline").contains("<td>h1-two</td>"), "compared with the baseline like the others");
        assertTrue(html.contains("\">h1-two</text>"), "named in the legends");
    }

    @Test
    void theBaselineIsTheModeTheRunNames() throws Exception {
        Fixture.copyTo(dir);
        describeModes(List.of(new ModeDescription("h1", "HTTP/1.1", "#1f77b4", false), ModeDescription.H1_PIPELINED,
                new ModeDescription("h2", "HTTP/2", "#2ca02c", true)));

        String headline = section(Files.readString(ReportWriter.write(dir)), "headline");
        assertTrue(headline.contains("Headline: page-load time against h2"), headline);
        assertTrue(headline.contains("<th>h2 median PLT</th><th>ratio to h2</th>"), headline);
        assertTrue(headline.contains("<td>h1</td>"), "the old baseline is a row like any other mode");
    }

    @Test
    void aRunWithoutABaselineSaysSoInsteadOfRatios() throws Exception {
        Fixture.copyTo(dir);
        describeModes(List.of(new ModeDescription("h1", "HTTP/1.1", null, false), ModeDescription.H1_PIPELINED,
                ModeDescription.H2));

        String headline = section(Files.readString(ReportWriter.write(dir)), "headline");
        assertTrue(headline.contains("No mode of this run is its baseline"), headline);
    }

    @Test
    void theBrowserSectionPutsEachClientsRatioToTheBaselineSideBySide() throws Exception {
        Fixture.copyTo(dir);
        rewriteCells(c -> c.scenario().equals("home") && c.link().equals("cable") && c.reuse() == Reuse.COLD
                && !c.mode().equals("h1-pipelined")
                ? List.of(c, copy(c, c.mode(), ClientKind.CHROMIUM)) : List.of(c));

        String browser = section(Files.readString(ReportWriter.write(dir)), "browser");
        assertTrue(browser.contains("<th>h1 p50</th><th>p50</th><th>ratio to h1</th>"), browser);
        assertTrue(browser.contains("<td>home</td><td>cable</td><td>cold</td><td>driver</td><td>h2</td>"), browser);
        assertTrue(browser.contains("<td>home</td><td>cable</td><td>cold</td><td>chromium</td><td>h2</td>"), browser);
        assertFalse(browser.contains("<td>h1-pipelined</td>"), "only modes both clients ran are compared");
    }

    @Test
    void theBrowserSectionComparesH3WithH2ForEachClient() throws Exception {
        Fixture.copyTo(dir);
        rewriteCells(c -> {
            if (!(c.scenario().equals("home") && c.link().equals("cable") && c.reuse() == Reuse.COLD)) {
                return List.of(c);
            }
            List<CellResult> cells = new ArrayList<>(List.of(c, copy(c, c.mode(), ClientKind.CHROMIUM)));
            if (c.mode().equals("h2")) {
                cells.add(overQuic(copy(c, "h3", c.client())));
                cells.add(overQuic(copy(c, "h3", ClientKind.CHROMIUM)));
            }
            return cells;
        });
        describeModes(ModeDescription.builtIn());

        String browser = section(Files.readString(ReportWriter.write(dir)), "browser");
        String againstH2 = browser.substring(browser.indexOf("<h3>Against h2</h3>"));
        assertTrue(againstH2.contains("<th>h2 p50</th><th>p50</th><th>ratio to h2</th>"), againstH2);
        assertTrue(againstH2.contains("<td>home</td><td>cable</td><td>cold</td><td>driver</td><td>h3</td>"), againstH2);
        assertTrue(againstH2.contains("<td>home</td><td>cable</td><td>cold</td><td>chromium</td><td>h3</td>"), againstH2);
        assertFalse(againstH2.contains("<td>h1</td>"), "the baseline is in the first table");
    }

    @Test
    void h3CellsAreDrawnInTheirColourWithOneQuicHandshakeAndComparedWithH2AsWellAsH1() throws Exception {
        Fixture.copyTo(dir);
        rewriteCells(c -> c.mode().equals("h2") ? List.of(c, overQuic(copy(c, "h3", c.client()))) : List.of(c));
        describeModes(ModeDescription.builtIn());

        String html = Files.readString(ReportWriter.write(dir));
        assertTrue(html.contains("<h1>HTTP/1.1 against HTTP/2 and HTTP/3: "), "the title names HTTP/3");
        assertTrue(section(html, "distributions").contains("stroke:" + ModeDescription.H3.color()), "h3's own colour");
        String waterfalls = section(html, "waterfalls");
        assertTrue(waterfalls.contains("<path class=\"quic-handshake\""), "the handshake as one phase");
        assertTrue(waterfalls.contains(">QUIC handshake</text>"), "named in the legend");
        String headline = section(html, "headline");
        assertTrue(headline.contains("Headline: page-load time against h1 and h2"), headline);
        String againstH2 = headline.substring(headline.indexOf("<h3>Against h2</h3>"));
        assertTrue(againstH2.contains("<th>h2 median PLT</th><th>ratio to h2</th>"), againstH2);
        assertTrue(againstH2.contains("<td>h3</td>") && againstH2.contains("<td>h1-pipelined</td>"), againstH2);
        assertFalse(againstH2.contains("<td>h1</td>"), "the baseline against h2 is the first table's inverse");
    }

    /** The cell as h3 records it: ALPN h3, and each request's connect end and TLS end the QUIC handshake's end. */
    private static CellResult overQuic(CellResult c) {
        CellResult.Settings s = c.settings();
        CellResult.Settings settings = new CellResult.Settings(s.connectionsPerOrigin(), s.maxInFlightPerConnection(),
                s.initialStreamWindow(), s.initialSessionWindow(), s.tlsProtocol(), s.cipherSuite(),
                CellResult.Settings.ALPN_H3);
        List<io.muxbench.results.PageLoadSample> samples = c.samples().stream().map(sample ->
                new io.muxbench.results.PageLoadSample(sample.pageLoadMs(), sample.failed(), sample.requests().stream()
                        .map(r -> new io.muxbench.results.PageLoadSample.RequestRecord(r.path(), r.connectionId(),
                                r.streamId(), r.status(), r.error(), r.startUs(), r.connectStartUs(), r.tlsEndUs(),
                                r.tlsEndUs(), r.sentUs(), r.firstByteUs(), r.lastByteUs(), r.bytesReceived(),
                                r.errorDetail())).toList())).toList();
        return new CellResult(c.id(), c.scenario(), c.mode(), c.link(), c.reuse(), c.tls(), c.client(), settings,
                c.pageLoads(), c.requests(), c.connectionsPerPageLoad(), c.bytes(), c.errors(), c.server(),
                c.histogramLog(), samples);
    }

    private interface CellRewrite {
        List<CellResult> apply(CellResult cell);
    }

    private void rewriteCells(CellRewrite rewrite) throws Exception {
        Results results = ResultsFormat.read(dir.resolve(ResultsFormat.RESULTS_FILE), Results.class);
        List<CellResult> cells = new ArrayList<>();
        results.cells().forEach(c -> cells.addAll(rewrite.apply(c)));
        ResultsFormat.writeResults(dir, new Results(results.schemaVersion(), results.runId(), results.complete(), cells));
    }

    private void describeModes(List<ModeDescription> modes) throws Exception {
        RunInfo run = ResultsFormat.read(dir.resolve(ResultsFormat.RUN_FILE), RunInfo.class);
        ResultsFormat.writeRun(dir, new RunInfo(ResultsFormat.SCHEMA_VERSION, run.runId(), run.startedAt(),
                run.finishedAt(), run.durationSeconds(), run.complete(), run.muxbenchVersion(), run.environment(),
                run.configuration(), modes, run.driver()));
    }

    private static CellResult copy(CellResult c, String mode, ClientKind client) {
        String id = c.id() + (mode.equals(c.mode()) ? "" : "-" + mode) + (client == c.client() ? "" : "-" + client);
        return new CellResult(id, c.scenario(), mode, c.link(), c.reuse(), c.tls(), client, c.settings(), c.pageLoads(),
                c.requests(), c.connectionsPerPageLoad(), c.bytes(), c.errors(), c.server(), c.histogramLog(), c.samples());
    }
}
