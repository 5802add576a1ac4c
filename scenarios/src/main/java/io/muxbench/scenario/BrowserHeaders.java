package io.muxbench.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request headers a desktop Chromium sends, without cookies or credentials: a set every request
 * carries ({@link #DEFAULT}), and the few that depend on what is fetched ({@link #forContentType}),
 * so that the driver's requests are as large as a browser's (header bytes cost upload time on slow
 * links, and HPACK's gain depends on them).
 *
 * <pre>{@code
 * Map<String, String> headers = BrowserHeaders.merge(scenario.requestHeaders(), resource.contentType());
 * }</pre>
 */
public final class BrowserHeaders {

    /** What Chromium 120 on Linux sends with every request (measured with --log-net-log), minus cookies. */
    public static final Map<String, String> DEFAULT;

    private static final Map<String, String> DOCUMENT = destination(
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
                    + "application/signed-exchange;v=b3;q=0.7", "document", "navigate");
    private static final Map<String, String> STYLE = destination("text/css,*/*;q=0.1", "style", "no-cors");
    private static final Map<String, String> SCRIPT = destination("*/*", "script", "no-cors");
    private static final Map<String, String> IMAGE = destination(
            "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", "image", "no-cors");
    private static final Map<String, String> FONT = destination("*/*", "font", "cors");
    private static final Map<String, String> OTHER = destination("*/*", "empty", "cors");

    static {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("sec-ch-ua", "\"Not_A Brand\";v=\"8\", \"Chromium\";v=\"120\", \"Google Chrome\";v=\"120\"");
        headers.put("sec-ch-ua-mobile", "?0");
        headers.put("sec-ch-ua-platform", "\"Linux\"");
        headers.put("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/120.0.0.0 Safari/537.36");
        headers.put("accept-encoding", "gzip, deflate, br, zstd");
        headers.put("accept-language", "en-US,en;q=0.9");
        headers.put("cache-control", "no-cache");
        headers.put("pragma", "no-cache");
        headers.put("sec-fetch-site", "same-origin");
        DEFAULT = Collections.unmodifiableMap(headers);
    }

    private BrowserHeaders() {
    }

    private static Map<String, String> destination(String accept, String dest, String mode) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept", accept);
        headers.put("sec-fetch-dest", dest);
        headers.put("sec-fetch-mode", mode);
        if (dest.equals("document")) {
            headers.put("sec-fetch-user", "?1");
            headers.put("upgrade-insecure-requests", "1");
        }
        return Collections.unmodifiableMap(headers);
    }

    /** The headers that depend on what is fetched: accept and the sec-fetch destination and mode. */
    public static Map<String, String> forContentType(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
            return DOCUMENT;
        }
        if (type.startsWith("text/css")) {
            return STYLE;
        }
        if (type.contains("javascript") || type.contains("ecmascript")) {
            return SCRIPT;
        }
        if (type.startsWith("image/")) {
            return IMAGE;
        }
        if (type.startsWith("font/") || type.contains("font-woff") || type.contains("opentype")) {
            return FONT;
        }
        return OTHER;
    }

    /** A request's headers: the scenario's, with the destination's accept and sec-fetch headers in place of theirs. */
    public static Map<String, String> merge(Map<String, String> scenarioHeaders, String contentType) {
        Map<String, String> destination = forContentType(contentType);
        Map<String, String> merged = new LinkedHashMap<>();
        scenarioHeaders.forEach((name, value) -> {
            if (!destination.containsKey(name.toLowerCase(Locale.ROOT))) {
                merged.put(name, value);
            }
        });
        merged.putAll(destination);
        return merged;
    }
}
