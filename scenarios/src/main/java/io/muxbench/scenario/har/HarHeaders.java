package io.muxbench.scenario.har;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which recorded headers a scenario keeps. Names are lower-cased; repeated headers are joined with
 * ", "; names that are not HTTP tokens (captures hold pseudo-headers, status lines and broken
 * continuation lines) and values with control characters are dropped.
 */
final class HarHeaders {

    /** Hop-by-hop headers: they belong to the recorded connection, not to the resource. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authenticate", "proxy-authorization");

    /**
     * Response headers the origin must not repeat: framing and type (from size and contentType),
     * cookies, the encoding (the origin's bodies are not encoded), its own Date, alternative
     * services it does not offer, and SPDY's status/version leftovers.
     */
    private static final Set<String> RESPONSE_DROPPED = Set.of("content-length", "content-type", "content-encoding",
            "set-cookie", "set-cookie2", "date", "alt-svc", "alternate-protocol", "status", "version");

    /** Request headers a scenario must not send on every request: credentials, host, framing, conditionals. */
    private static final Set<String> REQUEST_DROPPED = Set.of("cookie", "authorization", "host", "content-length",
            "content-type", "origin", "if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range",
            "range");

    private HarHeaders() {
    }

    static Map<String, String> response(JsonNode headers) {
        return filtered(headers, RESPONSE_DROPPED);
    }

    static Map<String, String> request(JsonNode headers) {
        return filtered(headers, REQUEST_DROPPED);
    }

    private static Map<String, String> filtered(JsonNode headers, Set<String> dropped) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (JsonNode header : headers) {
            String name = header.path("name").asText("").strip().toLowerCase(Locale.ROOT);
            String value = header.path("value").asText("").strip();
            if (name.isEmpty() || !name.chars().allMatch(HarHeaders::isTokenChar) || !isPrintable(value)
                    || HOP_BY_HOP.contains(name) || dropped.contains(name)) {
                continue;
            }
            kept.merge(name, value, (a, b) -> a + ", " + b);
        }
        return kept;
    }

    /** The first value of a header, by case-insensitive name; null when absent. */
    static String first(JsonNode headers, String name) {
        for (JsonNode header : headers) {
            if (header.path("name").asText("").strip().equalsIgnoreCase(name)) {
                return header.path("value").asText("");
            }
        }
        return null;
    }

    /** Visible ASCII and spaces only: what an HTTP field value can carry safely. */
    static boolean isPrintable(String value) {
        return value.chars().allMatch(c -> c == '\t' || (c >= ' ' && c < 0x7f));
    }

    private static boolean isTokenChar(int c) {
        return c > ' ' && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }
}
