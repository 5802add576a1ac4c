package io.muxbench.scenario.har;

import io.muxbench.scenario.Messages;
import io.muxbench.scenario.Scenario;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The result of importing one HAR page: the scenario, what was imported and skipped, and the
 * summary line for the user.
 *
 * <pre>{@code
 * HarImport imported = HarImporter.importHar(file, HarImporter.Options.defaults());
 * imported.counts().skipped().get(SkipReason.REDIRECT);   // null when there was none
 * }</pre>
 *
 * @param scenario the imported page
 * @param counts   what was read, imported and skipped
 * @param summary  one line: "imported 212 of 227 entries of page 0 'http://…' (kept 26 redirects): skipped …; all 41 hosts …"
 */
public record HarImport(Scenario scenario, Counts counts, String summary) {

    /**
     * @param entriesInFile every entry of the HAR, all pages
     * @param entriesOfPage the entries of the chosen page
     * @param imported      the entries that became resources
     * @param skipped       the others, by reason (reasons with none are absent)
     * @param hosts         distinct hosts of the imported entries
     * @param pathsMadeUnique paths moved under {@code /_h/<host>} when hosts were mapped onto one origin
     * @param redirects     imported entries that are redirects, each with its target as its one child
     *                      (0 with {@code --drop-redirects})
     */
    public record Counts(int entriesInFile, int entriesOfPage, int imported, Map<SkipReason, Integer> skipped, int hosts,
            int pathsMadeUnique, int redirects) {
        public Counts {
            skipped = Map.copyOf(skipped);
        }
    }

    static String summary(HarImporter.Options options, String pageUrl, Counts counts) {
        StringBuilder sb = new StringBuilder("imported ").append(counts.imported()).append(" of ").append(counts.entriesOfPage())
                .append(" entries of page ").append(options.page()).append(" '").append(Messages.escape(pageUrl)).append("'");
        if (counts.redirects() > 0) {
            sb.append(" (kept ").append(counts.redirects()).append(counts.redirects() == 1 ? " redirect)" : " redirects)");
        }
        if (!counts.skipped().isEmpty()) {
            sb.append(": skipped ").append(skippedText(counts.skipped()));
        }
        return sb.append("; ").append(hostsText(options, counts)).toString();
    }

    static String description(String fileName, HarImporter.Options options, String pageUrl, Counts counts) {
        return "Page " + options.page() + " (" + Messages.escape(pageUrl) + ") of " + fileName + ": " + counts.imported() + " of "
                + counts.entriesOfPage() + " entries imported" + (counts.redirects() == 0 ? ""
                : " (" + counts.redirects() + " of them redirects, each leading to what it led to in the capture)")
                + ", body sizes as " + (options.decodedSizes() ? "decoded" : "transferred")
                + ", no think time (recorded timings ignored); " + hostsText(options, counts) + ".";
    }

    static String skippedText(Map<SkipReason, Integer> skipped) {
        StringJoiner joiner = new StringJoiner(", ");
        for (SkipReason reason : SkipReason.values()) {
            Integer n = skipped.get(reason);
            if (n != null) {
                joiner.add(n + " " + reason.label());
            }
        }
        return joiner.toString();
    }

    private static String hostsText(HarImporter.Options options, Counts counts) {
        String hosts = counts.hosts() == 1 ? "its 1 host" : "all " + counts.hosts() + " hosts";
        if (options.keepHosts()) {
            return counts.hosts() == 1 ? "1 host, the origin under test"
                    : counts.hosts() + " hosts kept apart (the document's host is the origin under test)";
        }
        String text = hosts + " mapped onto the origin under test";
        return counts.pathsMadeUnique() == 0 ? text
                : text + " (" + counts.pathsMadeUnique() + " paths used by two hosts moved under /_h/<host>)";
    }
}
