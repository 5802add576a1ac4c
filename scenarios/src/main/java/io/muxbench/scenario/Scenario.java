package io.muxbench.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A page: a document and the tree of resources a browser fetches for it.
 *
 * <pre>{@code
 * Scenario page = ScenarioLoader.resolve("image-grid");
 * page.root().forEach(r -> System.out.println(r.path() + " " + r.size()));
 * }</pre>
 *
 * @param schemaVersion  format version, {@link #SCHEMA_VERSION}
 * @param name           short name, as used on the command line and in results
 * @param description    one sentence: the effect this page shows
 * @param requestHeaders headers every request carries; empty means {@link BrowserHeaders#DEFAULT}
 * @param root           the document
 */
@JsonPropertyOrder({"schemaVersion", "name", "description", "requestHeaders", "root"})
public record Scenario(@JsonProperty(required = true) int schemaVersion, @JsonProperty(required = true) String name,
                       String description, Map<String, String> requestHeaders,
                       @JsonProperty(required = true) Resource root) {

    /** The version of the format this code reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * The name by which a page on several hosts refers to the origin under test from another host
     * ({@code .test} is reserved for testing, RFC 6761): the origin's generated pages and an imported
     * redirect's {@code location} use it, and a browser replaying the page maps it to the origin.
     */
    public static final String MAIN_HOST = "origin.muxbench.test";

    /** Request fields a scenario must not set (hop-by-hop ones are refused too). */
    private static final java.util.Set<String> REQUEST_RESERVED = java.util.Set.of("cookie", "authorization", "host",
            "content-length", "expect");

    public Scenario {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("name must be 1 to 64 letters, digits, '.', '_' or '-', got "
                    + (name == null ? "nothing" : "\"" + name + "\""));
        }
        description = description == null ? "" : description;
        requestHeaders = requestHeaders == null || requestHeaders.isEmpty()
                ? BrowserHeaders.DEFAULT
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requestHeaders));
        HttpFields.check("requestHeaders", requestHeaders, HttpFields.MAX_REQUEST_TOTAL_LENGTH, REQUEST_RESERVED, "credentials are never replayed, the"
                + " transport sets host and framing, and expect: 100-continue would make every request wait");
        Objects.requireNonNull(root, "root is required");
        if (root.host() != null) {
            throw new IllegalArgumentException("root must not name a host: the document is always on the origin under test,"
                    + " got " + Messages.quote(root.host()));
        }
    }

    /** Every resource, parents before children. */
    @JsonIgnore
    public List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        root.forEach(all::add);
        return all;
    }

    /** The other hosts its resources name ({@link Resource#host()}), sorted; empty when all are on the origin under test. */
    @JsonIgnore
    public java.util.SortedSet<String> hosts() {
        java.util.SortedSet<String> hosts = new java.util.TreeSet<>();
        root.forEach(r -> {
            if (r.host() != null) {
                hosts.add(r.host());
            }
        });
        return hosts;
    }

    /** Resources keyed by path (a scenario with separate hosts may repeat a path: the last one wins). */
    @JsonIgnore
    public Map<String, Resource> byPath() {
        Map<String, Resource> map = new LinkedHashMap<>();
        root.forEach(r -> map.put(r.path(), r));
        return map;
    }
}
