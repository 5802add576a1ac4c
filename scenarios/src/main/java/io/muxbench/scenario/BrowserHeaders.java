package io.muxbench.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The request headers a desktop browser sends, without cookies or credentials. */
public final class BrowserHeaders {

    /** Chrome's request headers for a page, as recorded in the bundled HAR captures (no cookies). */
    public static final Map<String, String> DEFAULT;

    static {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/120.0.0.0 Safari/537.36 muxbench");
        headers.put("accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8");
        headers.put("accept-encoding", "gzip, deflate, br");
        headers.put("accept-language", "en-US,en;q=0.9");
        headers.put("cache-control", "no-cache");
        headers.put("pragma", "no-cache");
        headers.put("sec-fetch-mode", "no-cors");
        headers.put("sec-fetch-site", "same-origin");
        DEFAULT = Collections.unmodifiableMap(headers);
    }

    private BrowserHeaders() {
    }
}
