package io.muxbench.scenario.har;

import com.fasterxml.jackson.databind.JsonNode;
import io.muxbench.scenario.HttpFields;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One entry of a HAR page, read leniently: every field may be missing or odd, and reading never
 * fails. {@link #skip()} says why the entry cannot be replayed, or is null when it can.
 *
 * @param order         position after sorting by start time (the file order breaks ties)
 * @param node          the entry as it is in the file
 * @param url           the parsed request URL, null when there is none
 * @param status        response status, 0 when missing
 * @param startMillis   start, in milliseconds since the epoch; NaN when missing or unreadable
 * @param endMillis     start plus the entry's total time
 * @param skip          why it is not imported, or null
 * @param contentType   the response's content type ({@link #contentTypeOf}), worked out once
 * @param fontOrImage   whether it is a font or an image, by content type or file extension
 * @param stylesheet    whether it is a stylesheet
 */
record HarEntry(int order, JsonNode node, HarUrl url, int status, double startMillis, double endMillis, SkipReason skip,
                String contentType, boolean fontOrImage, boolean stylesheet) {

    private static final java.util.regex.Pattern FONT_OR_IMAGE_PATH =
            java.util.regex.Pattern.compile(".*\\.(woff2?|ttf|otf|eot|png|jpe?g|gif|webp|avif|svg|ico)$");

    static HarEntry read(JsonNode node, int order) {
        String rawUrl = node.path("request").path("url").asText("");
        HarUrl url = rawUrl.isBlank() ? null : HarUrl.parse(rawUrl);
        int status = node.path("response").path("status").asInt(0);
        double start = startMillis(node.path("startedDateTime").asText(""));
        double time = node.path("time").asDouble(0);
        double end = Double.isNaN(start) ? Double.NaN : start + Math.max(0, time);
        String type = contentTypeOf(node);
        String lowerType = type.toLowerCase(Locale.ROOT);
        return new HarEntry(order, node, url, status, start, end, skipReason(node, url, status), type,
                url != null && isFontOrImage(lowerType, url), lowerType.contains("css"));
    }

    /** The same entry at another position. */
    HarEntry withOrder(int newOrder) {
        return new HarEntry(newOrder, node, url, status, startMillis, endMillis, skip, contentType, fontOrImage, stylesheet);
    }

    /** Entries are the same only when they are one object: comparing their JSON would walk it whole, deep as it is. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    private static SkipReason skipReason(JsonNode node, HarUrl url, int status) {
        if (url == null) {
            return SkipReason.INVALID;
        }
        if (url.scheme().equals("data")) {
            return SkipReason.DATA_URL;
        }
        if (!url.scheme().equals("http") && !url.scheme().equals("https")) {
            return SkipReason.NOT_HTTP;
        }
        if (url.host().isEmpty() || !node.path("response").isObject() || status < 0 || status > 599
                || (status > 0 && status < 100)) {
            return SkipReason.INVALID;
        }
        String method = node.path("request").path("method").asText("GET");
        if (!method.isEmpty() && !method.equalsIgnoreCase("GET")) {
            return SkipReason.NOT_GET;
        }
        if (status == 0 || status == 304 || !node.path("_fromCache").asText("").isEmpty()) {
            return SkipReason.CACHED;
        }
        if (status < 200) {
            return SkipReason.INFORMATIONAL;
        }
        if (status < 400 && status >= 300) {
            return SkipReason.REDIRECT;
        }
        return null;
    }

    private static double startMillis(String iso) {
        try {
            Instant at = DateTimeFormatter.ISO_DATE_TIME.parse(iso.strip(), Instant::from);
            return at.getEpochSecond() * 1000.0 + at.getNano() / 1e6;
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    /** Whether it is a redirect: 3xx other than 304 (which is {@link SkipReason#CACHED}). */
    boolean redirect() {
        return status >= 300 && status <= 399 && status != 304;
    }

    /** The Location this entry redirects to, resolved against its URL; null when it is no redirect. */
    String redirectTarget() {
        if (status < 300 || status > 399 || url == null) {
            return null;
        }
        String location = node.path("response").path("redirectURL").asText("");
        if (location.isBlank()) {
            location = HarHeaders.first(node.path("response").path("headers"), "location");
        }
        return url.resolve(location);
    }

    /** The response's content type: content.mimeType, else the Content-Type header, else octet-stream. */
    private static String contentTypeOf(JsonNode node) {
        JsonNode response = node.path("response");
        String type = response.path("content").path("mimeType").asText("");
        if (type.isBlank()) {
            type = HarHeaders.first(response.path("headers"), "content-type");
        }
        type = type == null ? "" : type.strip();
        return type.isEmpty() || !HttpFields.isValidValue(type) ? "application/octet-stream" : type;
    }

    /** Fonts and images: the resources a stylesheet pulls in. */
    private static boolean isFontOrImage(String lowerType, HarUrl url) {
        String path = url.pathAndQuery().toLowerCase(Locale.ROOT);
        int query = path.indexOf('?');
        return lowerType.startsWith("image/") || lowerType.contains("font")
                || FONT_OR_IMAGE_PATH.matcher(query < 0 ? path : path.substring(0, query)).matches();
    }

    /**
     * Response body size in bytes: the first positive figure of the capture, in an order set by
     * {@code decoded}. Transferred: bodySize, Chrome's _transferSize minus headersSize, content.size,
     * WebPageTest's _bytesIn minus headersSize. Decoded: content.size first, then the same. Statuses
     * that carry no body (1xx, 204, 205, 304) are 0.
     */
    long size(boolean decoded) {
        if (status < 200 || status == 204 || status == 205 || status == 304) {
            return 0;
        }
        JsonNode response = node.path("response");
        long headers = Math.max(0, response.path("headersSize").asLong(-1));
        long content = response.path("content").path("size").asLong(-1);
        long body = response.path("bodySize").asLong(-1);
        long transfer = response.path("_transferSize").asLong(-1) - headers;
        long bytesIn = node.path("_bytesIn").asLong(-1) - headers;
        long[] candidates = decoded ? new long[]{content, body, transfer, bytesIn} : new long[]{body, transfer, content, bytesIn};
        for (long candidate : candidates) {
            if (candidate > 0) {
                return Math.min(candidate, io.muxbench.scenario.Resource.MAX_SIZE);
            }
        }
        return 0;
    }

    /** The key that makes two entries the same resource: host, path and query. */
    String resourceKey() {
        return url.host() + url.pathAndQuery();
    }
}
