package io.muxbench.scenario.har;

/** Why an entry of a HAR page was not imported; the order is the order of the summary line. */
public enum SkipReason {
    /** No request URL, a URL without a host, or a status outside 0..599. */
    INVALID("unusable (no URL or host, or a bad status)"),
    DATA_URL("data: URLs"),
    NOT_HTTP("non-HTTP URLs (blob:, chrome-extension:, ws: ...)"),
    NOT_GET("non-GET requests"),
    CACHED("cached (status 0/304)"),
    INFORMATIONAL("1xx responses (WebSocket upgrades)"),
    REDIRECT("redirects"),
    DUPLICATE("duplicate URLs");

    private final String label;

    SkipReason(String label) {
        this.label = label;
    }

    /** How the summary line names this reason after a count: "9 data: URLs". */
    public String label() {
        return label;
    }
}
