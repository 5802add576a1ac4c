package io.muxbench.results.literature;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code muxbench run --suite literature} measured against the published h1/h2 results
 * ({@code literature.json} in the suite's folder): one {@link Study} per row or table reproduced,
 * each a sweep of one variable with its measured points, the published figures where there are
 * some, and a verdict. Each study's run folders sit beside the file and are ordinary runs.
 *
 * <pre>{@code
 * Literature literature = Literature.read(Path.of("results/runs/20261207-231500-literature"));
 * for (Literature.Study study : literature.studies()) {
 *     System.out.println(study.row() + " " + study.verdict().label());
 * }
 * }</pre>
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param suite         the suite's name: {@code literature} or {@code literature-quick}
 * @param startedAt     ISO-8601 start time
 * @param complete      false when the suite was stopped before every study ran
 * @param studies       the studies, in the order of literature.md's rows
 */
public record Literature(int schemaVersion, String suite, String startedAt, boolean complete, List<Study> studies) {

    public static final int SCHEMA_VERSION = 1;
    public static final String FILE = "literature.json";

    public Literature {
        Objects.requireNonNull(suite, "suite");
        studies = studies == null ? List.of() : List.copyOf(studies);
    }

    /** Reads {@code dir/literature.json}, with the schema version checked. */
    public static Literature read(Path dir) throws ResultsFormatException {
        Literature literature = ResultsFormat.read(dir.resolve(FILE), Literature.class);
        if (literature.schemaVersion() != SCHEMA_VERSION) {
            throw new ResultsFormatException(dir.resolve(FILE) + ": schemaVersion " + literature.schemaVersion()
                    + " is not " + SCHEMA_VERSION);
        }
        return literature;
    }

    /** Writes {@code dir/literature.json} atomically. */
    public void write(Path dir) throws IOException {
        ResultsFormat.writeJson(dir.resolve(FILE), this);
    }

    /** How a study's measurement compares with the literature. */
    public enum Verdict {
        REPRODUCED("reproduced"),
        DIRECTION("reproduced in direction, not in size"),
        NOT_REPRODUCED("not reproduced"),
        NOT_MEASURED("not measured");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One sweep: one variable varied with the others fixed.
     *
     * @param id          file-safe id, also the folder of its runs ({@code row-01-rtt})
     * @param row         the row of literature.md it checks ({@code 1}, {@code 3 (loss table)})
     * @param title       what is varied and on what
     * @param vary        the x axis: the variable and its unit
     * @param fixed       everything held fixed: page, link, window, TLS, reuse
     * @param expected    the published direction and size, in words
     * @param differences where the harness and the study differ; empty when they do not in any known way
     * @param baseline    the mode the gain is measured against (h1)
     * @param compared    the mode whose gain it is (h2, or h1-pipelined)
     * @param points      the measured points, in sweep order
     * @param published   the study's figures at the same points; null when it gives only a direction
     * @param verdict     the verdict
     * @param reasons     the checks behind the verdict, one sentence each, with the figures
     * @param folders     this study's run folders, relative to the suite's folder
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Study(String id, String row, String title, String vary, String fixed, String expected,
                        List<String> differences, String baseline, String compared, List<Point> points,
                        Published published, Verdict verdict, List<String> reasons, List<String> folders) {
        public Study {
            differences = differences == null ? List.of() : List.copyOf(differences);
            points = points == null ? List.of() : List.copyOf(points);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
            folders = folders == null ? List.of() : List.copyOf(folders);
        }
    }

    /**
     * One point of a sweep.
     *
     * @param label       the x value as shown ({@code 20 ms}, {@code 1 %}, {@code TLS 1.2})
     * @param x           the x value as a number where it is one (for fits); its index otherwise
     * @param byMode      what each mode measured there, by mode id
     * @param gainPercent (baseline - compared) / baseline mean page-load time, in percent; null when either is missing
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(String label, double x, Map<String, Measure> byMode, Double gainPercent) {
        public Point {
            byMode = byMode == null ? Map.of() : Map.copyOf(byMode);
        }
    }

    /**
     * One cell's figures at a point.
     *
     * @param pageLoads            successful page loads
     * @param failed               failed page loads
     * @param meanMs               mean page-load time (the literature's figures are averages)
     * @param p50Ms                median page-load time
     * @param requestP50Ms         median request latency (from the page asking to the last byte)
     * @param sentBytesPerPageLoad bytes the browser sent per page load (requests, headers, handshakes)
     * @param cell                 the cell's id in its run folder's results.json
     */
    public record Measure(long pageLoads, long failed, double meanMs, double p50Ms, double requestP50Ms,
                          long sentBytesPerPageLoad, String cell) {
    }

    /**
     * The study's published figures at the sweep's points (null entries where it has none).
     *
     * @param source      where they come from (SPDY whitepaper, 2009: loss table)
     * @param gainPercent the published gain at each point
     * @param baselineMs  the published page-load time of the baseline (HTTP) at each point, if given
     * @param comparedMs  the published page-load time of the compared protocol (SPDY), if given
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Published(String source, List<Double> gainPercent, List<Double> baselineMs, List<Double> comparedMs) {
    }
}
