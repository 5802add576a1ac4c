package io.muxbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The suite's short JMH pass, into one JSON file for {@code muxbench run --jmh}: every
 * microbenchmark on a subset of parameters at 1 warm-up and 2 measured iterations of 200 ms, then
 * {@link DriverBenchmark} on image-grid over h1 and h2 and {@link Http3ExchangeBenchmark} on the
 * medium body, each with its own warm-up (its {@code @Warmup}). Two JMH runs, because JMH's
 * iteration settings apply to every benchmark of a run and 200 ms of warm-up would measure the
 * driver and the QUIC exchange in the interpreter. Any benchmark that fails fails the pass.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.muxbench.bench.ShortPass jmh-short.json jmh-short.txt
 * }</pre>
 */
public final class ShortPass {

    private ShortPass() {
    }

    /**
     * @param args the JSON result file, then the file for JMH's human-readable log
     */
    public static void main(String[] args) throws IOException, RunnerException {
        if (args.length != 2) {
            System.err.println("usage: ShortPass RESULT.json LOG.txt");
            System.exit(2);
        }
        Path json = Path.of(args[0]);
        try (PrintStream log = new PrintStream(Files.newOutputStream(Path.of(args[1])), true)) {
            OutputFormat format = OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL);
            List<RunResult> results = new ArrayList<>();
            results.addAll(new Runner(microbenchmarks().build(), format).run());
            results.addAll(new Runner(driver().build(), format).run());
            ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(results);
        }
    }

    /** Every microbenchmark method, on the parameters the README's short pass names. */
    static ChainedOptionsBuilder microbenchmarks() {
        return common()
                .include("io\\.muxbench\\.bench\\..*")
                .exclude(DriverBenchmark.class.getName())
                .exclude(Http3ExchangeBenchmark.class.getName())
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(2).measurementTime(TimeValue.milliseconds(200))
                .param("headerSet", "REQUEST_DOCUMENT", "RESPONSE_DOCUMENT")
                .param("size", "MEDIUM")
                .param("recordSize", "KB_16");
    }

    /**
     * The driver's page load of image-grid over h1 and h2, and the HTTP/3 exchange of the medium
     * body: each with its own warm-up, 3 measured iterations of 2 s.
     */
    static ChainedOptionsBuilder driver() {
        return common()
                .include(DriverBenchmark.class.getName())
                .include(Http3ExchangeBenchmark.class.getName())
                .measurementIterations(3)
                .param("scenario", "image-grid")
                .param("mode", "h1", "h2")
                .param("size", "MEDIUM");
    }

    private static ChainedOptionsBuilder common() {
        return new OptionsBuilder().forks(1).shouldFailOnError(true);
    }
}
