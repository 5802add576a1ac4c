package io.muxbench.driver.literature;

import io.muxbench.driver.literature.StudyPlan.Judgement;
import io.muxbench.driver.literature.StudyPlan.Part;
import io.muxbench.driver.literature.StudyPlan.PointPlan;
import io.muxbench.driver.mode.Mode;
import io.muxbench.driver.run.ProgressListener;
import io.muxbench.driver.run.RunConfig;
import io.muxbench.driver.run.RunException;
import io.muxbench.driver.run.Runner;
import io.muxbench.results.CellResult;
import io.muxbench.results.Results;
import io.muxbench.results.literature.Literature;
import io.muxbench.results.literature.Literature.Measure;
import io.muxbench.results.literature.Literature.Point;
import io.muxbench.results.literature.Literature.Study;
import io.muxbench.results.literature.Literature.Verdict;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioException;
import io.muxbench.scenario.source.ScenarioSources;
import io.muxbench.vocabulary.Reuse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the literature suite: each study's runs, one after another, each an ordinary run folder
 * inside the suite's; then reads each point's cells from their results and judges the study.
 * {@code literature.json} is rewritten after every study, so a stopped suite keeps what it measured.
 *
 * <pre>{@code
 * Literature done = new LiteratureSuite(false, 1, Path.of("results/runs/x"), Progress::new, line -> { })
 *         .run();
 * }</pre>
 */
public final class LiteratureSuite {

    /** Warm-up budget of the first run, which warms the JIT for all; the later ones only check it stays warm. */
    private static final Duration FIRST_WARMUP = Duration.ofSeconds(20);
    private static final Duration LATER_WARMUP = Duration.ofSeconds(2);
    private static final Duration QUICK_FIRST_WARMUP = Duration.ofSeconds(6);
    private static final Duration QUICK_LATER_WARMUP = Duration.ofMillis(500);
    private static final Duration PAGE_LOAD_TIMEOUT = Duration.ofSeconds(120);

    private final boolean quick;
    private final List<StudyPlan> plans;
    private final long seed;
    private final Path dir;
    private final Supplier<ProgressListener> progress;
    private final ProgressListener lines;
    private Duration firstWarmUp;
    private Duration laterWarmUp;
    private final Map<String, Scenario> pages = new HashMap<>();
    private volatile Runner current;
    private volatile boolean stopped;

    /**
     * @param quick    fewer points and page loads: the {@code literature-quick} suite
     * @param seed     the link-loss seed of every run
     * @param dir      the suite's folder (made by the caller, empty)
     * @param progress a listener for each run
     * @param lines    where the suite says which study it is on and what each concluded
     */
    public LiteratureSuite(boolean quick, long seed, Path dir, Supplier<ProgressListener> progress, ProgressListener lines) {
        this(quick, Studies.all(quick), seed, dir, progress, lines);
    }

    /** A suite of other studies: tests run one small study through the whole path. */
    LiteratureSuite(boolean quick, List<StudyPlan> plans, long seed, Path dir, Supplier<ProgressListener> progress,
                    ProgressListener lines) {
        this.quick = quick;
        this.plans = List.copyOf(plans);
        this.firstWarmUp = quick ? QUICK_FIRST_WARMUP : FIRST_WARMUP;
        this.laterWarmUp = quick ? QUICK_LATER_WARMUP : LATER_WARMUP;
        this.seed = seed;
        this.dir = dir;
        this.progress = progress;
        this.lines = lines;
    }

    /** Other warm-up budgets for the first run and the later ones (tests: none). */
    LiteratureSuite withWarmUp(Duration first, Duration later) {
        this.firstWarmUp = first;
        this.laterWarmUp = later;
        return this;
    }

    /** The suite's name in literature.json. */
    public String name() {
        return quick ? "literature-quick" : "literature";
    }

    /** Stops the run in progress (it keeps what it measured) and runs no further study. */
    public void stop() {
        stopped = true;
        Runner runner = current;
        if (runner != null) {
            runner.stop();
        }
    }

    /** Checks every study's scenarios load, before anything runs: a bad page is a harness bug, said in one line. */
    public void check() throws RunException {
        for (StudyPlan plan : plans) {
            for (Part part : plan.parts()) {
                load(part.scenarios());
            }
        }
    }

    public Literature run() throws IOException, InterruptedException, RunException {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<Study> studies = new ArrayList<>();
        boolean first = true;
        for (int i = 0; i < plans.size() && !stopped; i++) {
            StudyPlan plan = plans.get(i);
            lines.info("literature: study " + (i + 1) + " of " + plans.size() + ": " + Studies.describe(plan));
            Map<String, Results> byPart = new LinkedHashMap<>();
            List<String> folders = new ArrayList<>();
            String failure = null;
            for (Part part : plan.parts()) {
                if (stopped) {
                    break;
                }
                Path folder = part.name().isEmpty() ? dir.resolve(plan.id()) : dir.resolve(plan.id()).resolve(part.name());
                Files.createDirectories(folder);
                folders.add(dir.relativize(folder).toString());
                try {
                    byPart.put(part.name(), runPart(plan, part, folder, first));
                } catch (RunException e) {
                    failure = part.name().isEmpty() ? e.getMessage() : part.name() + ": " + e.getMessage();
                    lines.message("literature: " + plan.id() + ": " + failure);
                }
                first = false;
            }
            Study study = judge(plan, byPart, folders, failure);
            studies.add(study);
            lines.info("literature: " + plan.id() + ": " + study.verdict().label());
            new Literature(Literature.SCHEMA_VERSION, name(), startedAt, false, studies).write(dir);
        }
        Literature done = new Literature(Literature.SCHEMA_VERSION, name(), startedAt,
                !stopped && studies.size() == plans.size(), studies);
        done.write(dir);
        return done;
    }

    private Results runPart(StudyPlan plan, Part part, Path folder, boolean first)
            throws RunException, IOException, InterruptedException {
        List<Scenario> scenarios = load(part.scenarios());
        int pageLoads = new Studies(quick).pageLoadsFor(part.scenarios());
        RunConfig.Builder builder = RunConfig.builder()
                .scenarios(scenarios.stream().map(Scenario::name).toList())
                .modes(part.modes())
                .links(part.links().stream().map(RunConfig::canonicalLink).toList())
                .reuse(List.of(Reuse.COLD))
                .tls(part.tls())
                .pageLoads(pageLoads)
                .rounds(Math.min(pageLoads, 3))
                .browsers(1)
                // Cold cells open every connection afresh, and the steady warm-up has loaded every page on loopback
                // already: a first unrecorded page load per cell would only add a fifth to the suite's time.
                .warmupPageLoads(0)
                .warmupBudget(first ? firstWarmUp : laterWarmUp)
                .samplesPerCell(3)
                .pageLoadTimeout(PAGE_LOAD_TIMEOUT)
                .seed(seed);
        if (part.tlsVersion() != null) {
            builder.tlsVersion(io.muxbench.vocabulary.TlsVersion.of(part.tlsVersion()));
        }
        RunConfig config;
        try {
            config = builder.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(plan.id() + ": the suite's own configuration is refused: " + e.getMessage(), e);
        }
        Runner runner = new Runner(config, scenarios, folder, progress.get());
        current = runner;
        try {
            if (stopped) {
                throw new RunException("stopped");
            }
            return runner.run().results();
        } finally {
            current = null;
        }
    }

    private Study judge(StudyPlan plan, Map<String, Results> byPart, List<String> folders, String failure) throws RunException {
        Map<String, String> names = new HashMap<>();
        for (Part part : plan.parts()) {
            List<Scenario> loaded = load(part.scenarios());
            for (int i = 0; i < loaded.size(); i++) {
                names.put(part.scenarios().get(i), loaded.get(i).name());
            }
        }
        String baseline = plan.baseline().id();
        String compared = plan.compared().id();
        List<Point> points = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (PointPlan p : plan.points()) {
            Map<String, Measure> byMode = new LinkedHashMap<>();
            for (Part part : plan.parts()) {
                if (!part.name().equals(p.part())) {
                    continue;
                }
                for (Mode mode : part.modes()) {
                    Measure measure = measure(byPart.get(part.name()), names.get(p.scenario()), p.link(), mode.id());
                    if (measure != null) {
                        byMode.put(mode.id(), measure);
                    }
                }
            }
            if (p.baseline() != null) {
                Measure measure = measure(byPart.get(p.baseline().part()), names.get(p.baseline().scenario()),
                        p.baseline().link(), baseline);
                if (measure == null) {
                    byMode.remove(baseline);
                } else {
                    byMode.put(baseline, measure);
                }
            }
            Measure b = byMode.get(baseline);
            Measure c = byMode.get(compared);
            Double gain = b == null || c == null ? null : 100 * (b.meanMs() - c.meanMs()) / b.meanMs();
            if (gain == null) {
                missing.add(p.label());
            }
            points.add(new Point(p.label(), p.x(), byMode, gain));
        }
        Judgement judgement;
        if (!missing.isEmpty() || failure != null) {
            List<String> reasons = new ArrayList<>();
            if (failure != null) {
                reasons.add("A run failed: " + failure + ".");
            }
            if (!missing.isEmpty()) {
                reasons.add("No successful page loads of " + baseline + " or " + compared + " at " + String.join(", ", missing) + ".");
            }
            judgement = new Judgement(Verdict.NOT_MEASURED, reasons);
        } else {
            judgement = plan.check().judge(new Measured(points, baseline, compared));
        }
        return new Study(plan.id(), plan.row(), plan.title(), plan.vary(), plan.fixed(), plan.expected(),
                plan.differences(), baseline, compared, points, plan.published(), judgement.verdict(), judgement.reasons(),
                folders);
    }

    /** The figures of the cell with this scenario, link and mode; null when it is missing or has no successful page load. */
    private static Measure measure(Results results, String scenario, String link, String mode) {
        if (results == null) {
            return null;
        }
        String canonical = RunConfig.canonicalLink(link);
        for (CellResult cell : results.cells()) {
            if (cell.scenario().equals(scenario) && cell.link().equals(canonical) && cell.mode().equals(mode)
                    && cell.reuse() == Reuse.COLD) {
                CellResult.PageLoads loads = cell.pageLoads();
                long ok = loads.count() - loads.failed();
                if (ok <= 0) {
                    return null;
                }
                return new Measure(ok, loads.failed(), loads.meanMs(), loads.p50Ms(),
                        cell.requests() == null ? Double.NaN : cell.requests().p50Ms(),
                        cell.bytes() == null ? 0 : cell.bytes().sentPerPageLoad(), cell.id());
            }
        }
        return null;
    }

    /** The studies' pages, each resolved once: check, each run and each judgement read the same ones. */
    private List<Scenario> load(List<String> sources) throws RunException {
        List<Scenario> scenarios = new ArrayList<>();
        for (String source : sources) {
            Scenario scenario = pages.get(source);
            if (scenario == null) {
                try {
                    scenario = ScenarioSources.resolve(source);
                } catch (ScenarioException e) {
                    throw new RunException("the literature suite's page " + source + " does not load: " + e.getMessage());
                }
                pages.put(source, scenario);
            }
            scenarios.add(scenario);
        }
        return scenarios;
    }
}
