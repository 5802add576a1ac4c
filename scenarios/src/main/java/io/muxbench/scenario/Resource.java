package io.muxbench.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One resource of a page: what the origin answers for {@link #path()}, and the resources a browser
 * discovers in it once it has arrived ({@link #children()}).
 *
 * <pre>{@code
 * new Resource("/app.css", 200, "text/css", 24_000, Map.of(), 0, List.of(font), null)
 * }</pre>
 *
 * @param path             absolute path, with its query if any; unique within a scenario and host
 * @param status           HTTP status the origin answers with (100..599)
 * @param contentType      the response's Content-Type
 * @param size             exact response body size in bytes
 * @param headers          extra response headers (never Content-Length or Content-Type)
 * @param thinkTimeMillis  server think time before the response starts
 * @param children         resources discovered once this one is complete
 * @param host             the origin this resource is fetched from; {@code null} is the origin under
 *                         test (scenarios imported with separate hosts name them here)
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

    public Resource {
        Objects.requireNonNull(path, "path is required");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got \"" + path + "\"");
        }
        if (path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("path must not contain spaces or control characters, got \"" + path + "\"");
        }
        if (status == 0) {
            status = 200;
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be between 100 and 599, got " + status);
        }
        if (contentType == null || contentType.isBlank()) {
            contentType = "application/octet-stream";
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 0 and " + MAX_SIZE + " bytes, got " + size);
        }
        if (thinkTimeMillis < 0 || thinkTimeMillis > 600_000) {
            throw new IllegalArgumentException("thinkTimeMillis must be between 0 and 600000, got " + thinkTimeMillis);
        }
        // Insertion order is kept (not Map.copyOf) so that a scenario is written back as it was read.
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = Objects.requireNonNull(header.getKey(), "header names are required");
            if (header.getValue() == null) {
                throw new IllegalArgumentException("header \"" + name + "\" has no value");
            }
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("content-length") || lower.equals("content-type") || lower.equals("transfer-encoding")
                    || lower.equals("connection") || lower.isEmpty() || !name.chars().allMatch(Resource::isTokenChar)) {
                throw new IllegalArgumentException("header \"" + name + "\" cannot be set in headers"
                        + " (use size and contentType; hop-by-hop headers are the transport's)");
            }
        }
        children = children == null ? List.of() : List.copyOf(children);
        if (host != null && host.isBlank()) {
            host = null;
        }
    }

    private static boolean isTokenChar(int c) {
        return c > ' ' && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
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

    /** Visits this resource and every descendant, parents before children. */
    public void forEach(Consumer<Resource> visitor) {
        visitor.accept(this);
        for (Resource child : children) {
            child.forEach(visitor);
        }
    }

    /** Number of resources in this subtree, this one included. */
    public int count() {
        int n = 1;
        for (Resource child : children) {
            n += child.count();
        }
        return n;
    }

    /** Depth of this subtree: 1 for a leaf. */
    public int depth() {
        int max = 0;
        for (Resource child : children) {
            max = Math.max(max, child.depth());
        }
        return 1 + max;
    }

    /** Sum of body sizes in this subtree. */
    public long totalBytes() {
        long sum = size;
        for (Resource child : children) {
            sum += child.totalBytes();
        }
        return sum;
    }
}
