package io.muxbench.driver.origin;

/** A failure the origin can be told to inject for a path, so tests can prove failures are counted. */
public enum Fault {
    /** Send the headers and half the body, then abort: a connection reset on HTTP/1.1, RST_STREAM on HTTP/2. */
    RESET_MID_RESPONSE,
    /** Answer 500 with a short body instead of the resource. */
    STATUS_500,
    /** Close the connection without answering. */
    CLOSE_WITHOUT_RESPONSE
}
