package io.muxbench.scenario.har;

import com.fasterxml.jackson.databind.JsonNode;
import io.muxbench.scenario.HttpFields;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which recorded headers a scenario keeps. Names are lower-cased; repeated headers are joined with
 * ", "; names that are not HTTP tokens (captures hold pseudo-headers, status lines and broken
 * continuation lines), values with control characters, and whatever the scenario format refuses
 * ({@link HttpFields}) are dropped.
 */
final class HarHeaders {

    /**
     * Response headers the origin must not repeat: framing and type (from size and contentType),
     * cookies, the encoding (the origin's bodies are not encoded), its own Date, alternative
     * services it does not offer, and SPDY's status/version leftovers.
     */
    private static final Set<String> RESPONSE_DROPPED = Set.of("content-length", "content-type", "content-encoding",
            "set-cookie", "set-cookie2", "date", "alt-svc", "alternate-protocol", "status", "version", "host");

    /** Request headers a scenario must not send on every request: credentials, host, framing, conditionals. */
    private static final Set<String> REQUEST_DROPPED = Set.of("cookie", "authorization", "host", "content-length",
            "content-type", "origin", "if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range",
            "range", "expect");

    private HarHeaders() {
    }

    static Map<String, String> response(JsonNode headers) {
        return filtered(headers, RESPONSE_DROPPED, HttpFields.MAX_RESPONSE_TOTAL_LENGTH);
    }

    static Map<String, String> request(JsonNode headers) {
        return filtered(headers, REQUEST_DROPPED, HttpFields.MAX_REQUEST_TOTAL_LENGTH);
    }

    /** The fields a scenario accepts ({@link HttpFields}): overlong values are dropped, and fields once the total is full. */
    private static Map<String, String> filtered(JsonNode headers, Set<String> dropped, int maxTotal) {
        Map<String, String> merged = new LinkedHashMap<>();
        for (JsonNode header : headers) {
            String name = header.path("name").asText("").strip().toLowerCase(Locale.ROOT);
            String value = header.path("value").asText("").strip();
            if (!HttpFields.isToken(name) || !HttpFields.isPrintable(value) || HttpFields.isHopByHop(name)
                    || dropped.contains(name)) {
                continue;
            }
            merged.merge(name, value, (a, b) -> a + ", " + b);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, String> field : merged.entrySet()) {
            int length = field.getKey().length() + field.getValue().length();
            if (field.getValue().length() <= HttpFields.MAX_VALUE_LENGTH && total + length <= maxTotal) {
                kept.put(field.getKey(), field.getValue());
                total += length;
            }
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
}
