package io.muxbench.scenario.synthetic;

import io.muxbench.scenario.Resource;
import io.muxbench.scenario.Scenario;
import io.muxbench.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page named by its shape instead of a file, the workload of most papers that compare HTTP/1.1
 * and HTTP/2: a document whose children are N objects of one size.
 * {@code synthetic:NxSIZE[:Khosts][:docSIZE]}: N objects {@code /o/0.png} ... of SIZE bytes each
 * (1 to 10000 of them, 0 to 1 GiB each), all discovered in the document; with {@code Khosts} they are
 * spread round-robin over K other hosts ({@code s0.synthetic.test} ...), the document staying on the
 * origin under test; {@code docSIZE} sets the document's size (default 10 kB). A size is bytes
 * ({@code 512}) or a number with {@code kb}, {@code mb}, {@code gb} (powers of 1000) or {@code kib},
 * {@code mib}, {@code gib} (powers of 1024), in any case. The scenario's name is canonical and
 * file-safe, the same for every spelling of one page.
 *
 * <pre>{@code
 * Scenario page = SyntheticPage.parse("synthetic:100x2kb:4hosts");
 * page.name();                 // "synthetic-100x2kb-4hosts"
 * page.root().children().size(); // 100, on s0.synthetic.test ... s3.synthetic.test
 * }</pre>
 */
public final class SyntheticPage {

    /** What a synthetic page's name on the command line starts with (in any case). */
    public static final String PREFIX = "synthetic:";

    /** The most objects a synthetic page has. */
    public static final int MAX_OBJECTS = 10_000;

    /**
     * The most hosts its objects are spread over: the embedded origin issues a certificate per host at
     * start-up, and a page of more hosts than this says nothing a hundred do not.
     */
    public static final int MAX_HOSTS = 100;

    /** The document's size when {@code docSIZE} is not given. */
    public static final long DEFAULT_DOCUMENT_BYTES = 10_000;

    /** The domain of the objects' hosts: {@code .test} is reserved for testing (RFC 2606), never a real host. */
    static final String HOST_DOMAIN = ".synthetic.test";

    private static final Pattern OBJECTS = Pattern.compile("([0-9]{1,9})x(.+)");
    private static final Pattern HOSTS = Pattern.compile("([0-9]{1,9})hosts?");
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,13})(b|kb|mb|gb|kib|mib|gib)?");

    private SyntheticPage() {
    }

    /** Whether {@code name} names a synthetic page (starts with {@link #PREFIX}, in any case). */
    public static boolean isSynthetic(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The page {@code spec} names; a ScenarioException naming the part that is wrong. */
    public static Scenario parse(String spec) throws ScenarioException {
        if (!isSynthetic(spec)) {
            throw problem(spec, "a synthetic page must start with '" + PREFIX + "'");
        }
        String[] parts = spec.substring(PREFIX.length()).toLowerCase(Locale.ROOT).split(":", -1);
        Matcher objects = OBJECTS.matcher(parts[0]);
        if (!objects.matches()) {
            throw problem(spec, "'" + parts[0] + "' must be NxSIZE, the object count and each object's size, such as 100x2kb");
        }
        int count = Integer.parseInt(objects.group(1));
        if (count < 1 || count > MAX_OBJECTS) {
            throw problem(spec, "object count must be 1 to " + MAX_OBJECTS + ", got " + count);
        }
        long objectBytes = size(spec, "object size", objects.group(2));
        int hosts = 0;
        Long documentBytes = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            Matcher hostsPart = HOSTS.matcher(part);
            if (hostsPart.matches()) {
                if (hosts != 0) {
                    throw problem(spec, "'" + part + "': the hosts are given twice");
                }
                hosts = Integer.parseInt(hostsPart.group(1));
                if (hosts < 1 || hosts > Math.min(MAX_HOSTS, count)) {
                    throw problem(spec, "'" + part + "': hosts must be 1 to " + Math.min(MAX_HOSTS, count)
                            + " (at most " + MAX_HOSTS + " and at most one per object), got " + hosts);
                }
            } else if (part.startsWith("doc")) {
                if (documentBytes != null) {
                    throw problem(spec, "'" + part + "': the document's size is given twice");
                }
                documentBytes = size(spec, "document size", part.substring(3));
            } else {
                throw problem(spec, "'" + part + "' is neither Khosts (such as 4hosts) nor docSIZE (such as doc20kb)");
            }
        }
        long docBytes = documentBytes == null ? DEFAULT_DOCUMENT_BYTES : documentBytes;
        return page(count, objectBytes, hosts, docBytes);
    }

    private static Scenario page(int count, long objectBytes, int hosts, long documentBytes) {
        List<Resource> children = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String host = hosts == 0 ? null : "s" + (i % hosts) + HOST_DOMAIN;
            children.add(new Resource("/o/" + i + ".png", 200, "image/png", objectBytes, Map.of(), 0, List.of(), host));
        }
        Resource document = new Resource("/", 200, "text/html", documentBytes, Map.of(), 0, children, null);
        String name = "synthetic-" + count + "x" + canonical(objectBytes) + (hosts == 0 ? "" : "-" + hosts + "hosts")
                + (documentBytes == DEFAULT_DOCUMENT_BYTES ? "" : "-doc" + canonical(documentBytes));
        String description = "A synthetic page: a " + canonical(documentBytes) + " document and " + count + " object"
                + (count == 1 ? "" : "s") + " of " + canonical(objectBytes) + (count == 1 ? "" : " each")
                + (hosts == 0 ? ", on the origin under test" : ", round-robin over " + hosts + " other host"
                + (hosts == 1 ? "" : "s") + " (s0" + HOST_DOMAIN + (hosts == 1 ? "" : " ... s" + (hosts - 1) + HOST_DOMAIN)
                + ")") + ", all discovered in the document.";
        return new Scenario(Scenario.SCHEMA_VERSION, name, description, null, document);
    }

    /** A size of the spec in bytes, 0 to {@link Resource#MAX_SIZE}. */
    private static long size(String spec, String what, String text) throws ScenarioException {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            throw problem(spec, what + " '" + text + "' must be bytes (512) or a number with kb, mb, gb (1000) or kib,"
                    + " mib, gib (1024)");
        }
        long unit = switch (m.group(2) == null ? "b" : m.group(2)) {
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> 1L;
        };
        long number = Long.parseLong(m.group(1)); // at most 13 digits: no overflow below
        if (number > Resource.MAX_SIZE / unit) {
            throw problem(spec, what + " '" + text + "' is over 1 GiB (" + Resource.MAX_SIZE + " bytes)");
        }
        return number * unit;
    }

    /** The shortest exact spelling of a size: decimal units first, then binary, else bytes. */
    static String canonical(long bytes) {
        if (bytes == 0) {
            return "0b";
        }
        long[] units = {1_000_000_000L, 1_000_000L, 1_000L, 1L << 30, 1L << 20, 1L << 10};
        String[] names = {"gb", "mb", "kb", "gib", "mib", "kib"};
        for (int i = 0; i < units.length; i++) {
            if (bytes % units[i] == 0) {
                return bytes / units[i] + names[i];
            }
        }
        return bytes + "b";
    }

    private static ScenarioException problem(String spec, String why) {
        return new ScenarioException(spec, "", 0, why);
    }
}
