package io.muxbench.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * Shared JMH defaults for every muxbench benchmark: average time per operation, in microseconds,
 * 3 warm-up and 5 measured iterations of one second in one fresh JVM. A subclass overrides an
 * annotation only when its unit of work needs it (HPACK reports nanoseconds); the command line
 * ({@code -f}, {@code -wi}, {@code -i}, {@code -w}, {@code -r}) overrides all of them.
 *
 * <pre>{@code
 * public class MyBenchmark extends BenchmarkBase {
 *     @Benchmark public int work(MyState s) { return s.codec.encode(s.input); }
 * }
 * }</pre>
 *
 * <p>One fork is the minimum that keeps JIT profiles of one benchmark from polluting another; the
 * error JMH prints is then within-fork only, so compare runs made with the same settings.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public abstract class BenchmarkBase {
    // Annotations: JMH reads them from the superclass of every benchmark class.

    /**
     * What one iteration's share of an {@code @AuxCounters(Type.EVENTS)} figure is. JMH sums EVENTS
     * counters over every measured iteration, fork and thread; a counter that stores (not adds) a
     * per-operation figure times this share reads, once summed, as that figure's mean.
     */
    static double shareOfSum(BenchmarkParams benchmark, IterationParams iteration) {
        return 1.0 / ((double) iteration.getCount() * Math.max(1, benchmark.getForks()) * benchmark.getThreads());
    }
}
