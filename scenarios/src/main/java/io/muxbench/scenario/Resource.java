package io.muxbench.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One resource of a page: what the origin answers for {@link #path()}, and the resources a browser
 * discovers in it once it has arrived ({@link #children()}).
 *
 * <pre>{@code
 * new Resource("/app.css", 200, "text/css", 24_000, Map.of(), 0, List.of(font), null)
 * }</pre>
 *
 * @param path             origin-form request target ({@link RequestTarget}): path and optional query;
 *                         unique within a scenario and host
 * @param status           HTTP status the origin answers with (200..599; 0 means 200)
 * @param contentType      the response's Content-Type
 * @param size             exact response body size in bytes
 * @param headers          extra response headers (never Content-Length or Content-Type)
 * @param thinkTimeMillis  server think time before the response starts
 * @param children         resources discovered once this one is complete
 * @param host             the origin this resource is fetched from; {@code null} is the origin under
 *                         test (scenarios imported with separate hosts name them here); a valid
 *                         {@link Authority}
 */
@JsonPropertyOrder({"path", "host", "status", "contentType", "size", "thinkTimeMillis", "headers", "children"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Resource(
        @JsonProperty(required = true) String path,
        int status,
        String contentType,
        @JsonProperty(required = true) long size,
        Map<String, String> headers,
        long thinkTimeMillis,
        List<Resource> children,
        String host) {

    /** Largest body the origin will generate: 1 GiB. */
    public static final long MAX_SIZE = 1L << 30;

    /**
     * Deepest tree, in levels (the root is level 1). Real pages are a few levels deep; the cap keeps
     * every walk, the JSON form and the waterfall small. The HAR importer hangs deeper resources under
     * their ancestor at the cap.
     */
    public static final int MAX_DEPTH = 32;

    /** Response fields the format owns: size and contentType set them. */
    private static final Set<String> RESPONSE_RESERVED = Set.of("content-length", "content-type", "host");

    public Resource {
        Objects.requireNonNull(path, "path is required");
        String pathProblem = RequestTarget.problem(path);
        if (pathProblem != null) {
            throw new IllegalArgumentException("path " + pathProblem);
        }
        if (status == 0) {
            status = 200;
        }
        if (status >= 100 && status < 200) {
            throw new IllegalArgumentException("status " + status + " is informational: a 1xx cannot be a final"
                    + " response; use 0 (= 200) or 200 to 599");
        }
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 0 (= 200) or 200 to 599, got " + status);
        }
        if (contentType == null || contentType.isBlank()) {
            contentType = "application/octet-stream";
        }
        if (!HttpFields.isValidValue(contentType)) {
            throw new IllegalArgumentException("contentType must be at most " + HttpFields.MAX_VALUE_LENGTH
                    + " characters of visible ASCII, spaces and tabs, got " + Messages.quote(contentType));
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 0 and " + MAX_SIZE + " bytes, got " + size);
        }
        if (size > 0 && (status == 204 || status == 205 || status == 304)) {
            throw new IllegalArgumentException("size must be 0 for status " + status + " (it carries no body), got " + size);
        }
        if (thinkTimeMillis < 0 || thinkTimeMillis > 600_000) {
            throw new IllegalArgumentException("thinkTimeMillis must be between 0 and 600000, got " + thinkTimeMillis);
        }
        // Insertion order is kept (not Map.copyOf) so that a scenario is written back as it was read.
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        HttpFields.check("headers", headers, HttpFields.MAX_RESPONSE_TOTAL_LENGTH, RESPONSE_RESERVED,
                "size and contentType set the framing and the type, and the request names the host");
        if (children == null) {
            children = List.of();
        } else {
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i) == null) {
                    throw new IllegalArgumentException("children must be resources (objects), got null at index " + i);
                }
            }
            children = List.copyOf(children);
        }
        if (host != null && host.isBlank()) {
            host = null;
        }
        String hostProblem = host == null ? null : Authority.problem(host);
        if (hostProblem != null) {
            throw new IllegalArgumentException("host " + hostProblem);
        }
        int levels = 1;
        for (Resource child : children) {
            levels = Math.max(levels, 1 + child.depth());
        }
        if (levels > MAX_DEPTH) {
            throw new IllegalArgumentException("children nest " + levels + " levels deep; a scenario may have at most "
                    + MAX_DEPTH);
        }
    }

    /** A leaf resource with no extra headers and no think time. */
    public static Resource leaf(String path, String contentType, long size) {
        return new Resource(path, 200, contentType, size, Map.of(), 0, List.of(), null);
    }

    /** Server think time as a duration. */
    @JsonIgnore
    public Duration thinkTime() {
        return Duration.ofMillis(thinkTimeMillis);
    }

    /** Visits this resource and every descendant, parents before children (depth-first, in order). */
    public void forEach(Consumer<Resource> visitor) {
        // A stack, not recursion: a walk must never depend on how deep a tree is.
        Deque<Resource> pending = new ArrayDeque<>();
        pending.push(this);
        while (!pending.isEmpty()) {
            Resource r = pending.pop();
            visitor.accept(r);
            for (int i = r.children.size() - 1; i >= 0; i--) {
                pending.push(r.children.get(i));
            }
        }
    }

    /** Number of resources in this subtree, this one included. */
    public int count() {
        int[] n = {0};
        forEach(r -> n[0]++);
        return n[0];
    }

    /** Depth of this subtree: 1 for a leaf. */
    public int depth() {
        int max = 0;
        Deque<Resource> level = new ArrayDeque<>(List.of(this));
        while (!level.isEmpty()) {
            max++;
            Deque<Resource> next = new ArrayDeque<>();
            for (Resource r : level) {
                next.addAll(r.children);
            }
            level = next;
        }
        return max;
    }

    /** Sum of body sizes in this subtree. */
    public long totalBytes() {
        long[] sum = {0};
        forEach(r -> sum[0] += r.size);
        return sum[0];
    }
}
