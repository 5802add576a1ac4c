package io.muxbench.driver.literature;

import io.muxbench.driver.mode.Mode;
import io.muxbench.results.literature.Literature;
import java.util.List;
import java.util.Objects;

/**
 * One study of the literature suite, before it runs: what it varies, the runs ({@link Part}s) that
 * measure it, which cell each point of the sweep reads, the published figures and the check that
 * gives the verdict.
 *
 * @param id          file-safe id and folder name ({@code row-03-loss})
 * @param row         the row of literature.md
 * @param title       what is varied, and on what
 * @param vary        the x axis
 * @param fixed       what is held fixed, in words
 * @param expected    the published direction and size, in words
 * @param differences where this harness differs from the study
 * @param baseline    the mode the gain is measured against
 * @param compared    the mode whose gain it is
 * @param parts       the runs that measure it, one after another (most studies need one)
 * @param points      the sweep's points, in order
 * @param published   the study's figures at the points, or null
 * @param check       turns the measured points into a verdict
 */
record StudyPlan(String id, String row, String title, String vary, String fixed, String expected,
                 List<String> differences, Mode baseline, Mode compared, List<Part> parts, List<PointPlan> points,
                 Literature.Published published, Check check) {

    StudyPlan {
        Objects.requireNonNull(check, "check");
        differences = List.copyOf(differences);
        parts = List.copyOf(parts);
        points = List.copyOf(points);
        for (PointPlan point : points) {
            if (parts.stream().noneMatch(p -> p.name().equals(point.part()))) {
                throw new IllegalArgumentException(id + ": point " + point.label() + " names no part " + point.part());
            }
        }
    }

    /**
     * One run of a study: its scenarios (bundled names or synthetic pages), links and modes, all
     * cold, in interleaved rounds like any run.
     *
     * @param name       the run's folder within the study's ({@code cleartext}, {@code tls1.2}); the study's
     *                   own folder when it is the only part ({@code ""})
     * @param scenarios  scenario sources
     * @param links      link specs
     * @param modes      the modes it runs
     * @param tls        TLS with ALPN, or cleartext
     * @param tlsVersion {@code 1.2} or {@code 1.3} to pin the version; null for whatever negotiates
     */
    record Part(String name, List<String> scenarios, List<String> links, List<Mode> modes, boolean tls,
                String tlsVersion) {
        Part {
            scenarios = List.copyOf(scenarios);
            links = List.copyOf(links);
            modes = List.copyOf(modes);
        }
    }

    /**
     * One point of the sweep: the cells of {@code part} with this scenario and link, one per mode.
     *
     * @param label    the x value as shown
     * @param x        the x value as a number (its index where it is none)
     * @param part     the part's name
     * @param scenario the scenario's source, as a part names it
     * @param link     the link spec as given to the part
     * @param baseline where the baseline mode's cell is, when not at this point's own scenario and part (the
     *                 whitepaper's link table compares every SPDY setting with one HTTP cell); null otherwise
     */
    record PointPlan(String label, double x, String part, String scenario, String link, PointPlan baseline) {
        PointPlan(String label, double x, String part, String scenario, String link) {
            this(label, x, part, scenario, link, null);
        }
    }

    /** What a check returns: the verdict and its reasons, one sentence each, with the figures. */
    record Judgement(Literature.Verdict verdict, List<String> reasons) {
        Judgement {
            reasons = List.copyOf(reasons);
        }
    }

    /** Judges a study's measured points. Only called when every point has both modes measured. */
    @FunctionalInterface
    interface Check {
        Judgement judge(Measured measured);
    }
}
