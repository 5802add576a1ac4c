package io.muxbench.results.merge;

import io.muxbench.results.CellResult;
import io.muxbench.results.ResultsFormat;
import io.muxbench.results.ResultsFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads shard folders and checks that they make one whole run: every one a shard of the same
 * configuration and count, indexes exactly 0 to N-1 once each, the same cells. Each refusal is
 * one line naming the folders.
 */
final class ShardFolders {

    private ShardFolders() {
    }

    /** The shards, by index. */
    static List<ShardRun> read(List<Path> dirs) throws ResultsFormatException {
        if (dirs.isEmpty()) {
            throw new ResultsFormatException("cannot merge: no shard folders given");
        }
        List<ShardRun> shards = new ArrayList<>();
        for (Path dir : dirs) {
            ResultsFormat.RunFolder folder = ResultsFormat.readRun(dir);
            if (folder.run() == null) {
                throw new ResultsFormatException("cannot merge " + dir + ": it has no " + ResultsFormat.RUN_FILE);
            }
            if (folder.run().shard() == null) {
                throw new ResultsFormatException("cannot merge " + dir + ": not a shard (its " + ResultsFormat.RUN_FILE
                        + " has no shard; shards are made by run --shard I/N)");
            }
            shards.add(new ShardRun(dir, folder.run(), folder.results()));
        }
        ShardRun first = shards.get(0);
        for (ShardRun s : shards) {
            if (!s.shard().configurationHash().equals(first.shard().configurationHash())) {
                throw new ResultsFormatException("cannot merge " + first.dir() + " and " + s.dir()
                        + ": different configurations (configuration hashes " + abbreviated(first) + " and "
                        + abbreviated(s) + ")");
            }
            if (s.shard().count() != first.shard().count()) {
                throw new ResultsFormatException("cannot merge " + first.dir() + " and " + s.dir() + ": shard "
                        + first.index() + " of " + first.shard().count() + " and shard " + s.index() + " of "
                        + s.shard().count());
            }
        }
        shards.sort(Comparator.comparingInt(ShardRun::index));
        for (int i = 1; i < shards.size(); i++) {
            if (shards.get(i).index() == shards.get(i - 1).index()) {
                throw new ResultsFormatException("cannot merge: shard " + shards.get(i).index() + " given twice: "
                        + shards.get(i - 1).dir() + " and " + shards.get(i).dir());
            }
        }
        int count = first.shard().count();
        Set<Integer> given = shards.stream().map(ShardRun::index).collect(Collectors.toSet());
        List<String> missing = IntStream.range(0, count).filter(i -> !given.contains(i)).mapToObj(String::valueOf)
                .toList();
        if (!missing.isEmpty()) {
            throw new ResultsFormatException("cannot merge: " + (missing.size() == 1 ? "shard " : "shards ")
                    + String.join(", ", missing) + " of " + count + " missing (given: "
                    + shards.stream().map(ShardRun::name).collect(Collectors.joining(", ")) + ")");
        }
        checkSameCells(shards);
        return List.copyOf(shards);
    }

    private static void checkSameCells(List<ShardRun> shards) throws ResultsFormatException {
        ShardRun first = shards.get(0);
        for (ShardRun s : shards.subList(1, shards.size())) {
            for (CellResult cell : first.results().cells()) {
                CellResult other = s.cell(cell.id());
                if (other == null || !other.key().equals(cell.key())) {
                    throw new ResultsFormatException("cannot merge " + first.name() + " and " + s.name()
                            + ": different cells (" + cell.id() + " is not in both)");
                }
            }
            for (CellResult cell : s.results().cells()) {
                if (first.cell(cell.id()) == null) {
                    throw new ResultsFormatException("cannot merge " + first.name() + " and " + s.name()
                            + ": different cells (" + cell.id() + " is not in both)");
                }
            }
        }
    }

    private static String abbreviated(ShardRun s) {
        String hash = s.shard().configurationHash();
        return hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }

}
