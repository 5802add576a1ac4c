package io.muxbench.cli;

import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import io.muxbench.results.merge.ShardMerge;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code muxbench merge DIR... -o DIR}: the shards of one run ({@code run --shard I/N}) added into one
 * ordinary run folder, histograms added exactly, every percentile computed again from them.
 *
 * <pre>{@code
 * muxbench merge shards/0 shards/1 shards/2 -o results/runs/merged && muxbench report results/runs/merged
 * }</pre>
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Merges the shard folders of one run (run --shard I/N) into one run folder that report and compare"
                        + " read as any other.",
                "Each cell's histograms are added exactly (interval by interval, in absolute time), counters summed"
                        + " and every percentile computed again from the sums. Refused (exit 2): shards of different"
                        + " configurations or counts, a shard given twice or missing, different cells, histograms of"
                        + " different precision."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:merged", "1:the merged folder could not be written", "2:shards that do not make one run"})
public final class MergeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "Every shard folder of the run, each once.")
    List<Path> shards;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "The merged run folder to write (must not exist, or be empty).")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ResultsFormat.RunFolder merged;
        try {
            merged = ShardMerge.merge(shards, output);
        } catch (ResultsFormatException e) {
            throw UserException.badInput(e.getMessage());
        } catch (IOException e) {
            throw UserException.failed("cannot write " + output + ": " + IoErrors.describe(e));
        }
        PrintWriter out = spec.commandLine().getOut();
        ConsoleTable.print(merged.results(), merged.run(), out);
        for (String warning : merged.run().driver() == null ? List.<String>of() : merged.run().driver().warnings()) {
            out.println("warning: " + warning);
        }
        out.println("Run folder: " + output.toAbsolutePath());
        out.flush();
        return 0;
    }
}
