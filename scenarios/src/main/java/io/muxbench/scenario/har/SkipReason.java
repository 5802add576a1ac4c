package io.muxbench.scenario.har;

/** Why an entry of a HAR page was not imported; the order is the order of the summary line. */
public enum SkipReason {
    /** No request URL, a URL without a host, no response, a status outside 100..599 (0 is cached), or what a scenario cannot hold. */
    INVALID("unusable (no URL, host or response, a bad status, or a path or field a scenario cannot hold)"),
    DATA_URL("data: URLs"),
    NOT_HTTP("non-HTTP URLs (blob:, chrome-extension:, ws: ...)"),
    NOT_GET("non-GET requests"),
    /** Status 0 or 304, or Chrome's _fromCache. */
    CACHED("cached (status 0/304)"),
    INFORMATIONAL("1xx responses (WebSocket upgrades)"),
    /** 3xx other than 304, with {@code --drop-redirects}: what they lead to takes their place. */
    REDIRECT("redirects"),
    /**
     * A redirect kept as a resource needs its target imported after it, and led to by no other
     * redirect; one to its own host and path by another scheme (http to https) cannot be served either.
     */
    REDIRECT_UNFOLLOWED("redirects to nothing replayable (not captured, skipped, or the same URL by another scheme)"),
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
