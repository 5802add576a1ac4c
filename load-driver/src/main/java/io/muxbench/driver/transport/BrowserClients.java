package io.muxbench.driver.transport;

/**
 * The clients a mode can make a virtual browser of: the one place outside the transport package
 * that names them, so that a mode ({@code io.muxbench.driver.mode.Mode}) is built from them alone.
 */
public final class BrowserClients {

    private BrowserClients() {
    }

    /**
     * HTTP/1.1, up to {@code connectionsPerOrigin} connections per host, one request at a time on each:
     * the pipelined client's lean connections at depth 1, one client per host of the page.
     */
    public static BrowserClient http1(ClientEnvironment environment, int browserIndex, int connectionsPerOrigin)
            throws Exception {
        return HostRoutingClient.perHost(host -> new PipelinedBrowserClient(environment, browserIndex, host, 1,
                connectionsPerOrigin, "h1"));
    }

    /** HTTP/1.1 pipelined, the environment's pipeline connections and depth, one client per host of the page. */
    public static BrowserClient http1Pipelined(ClientEnvironment environment, int browserIndex) throws Exception {
        return HostRoutingClient.perHost(host -> new PipelinedBrowserClient(environment, browserIndex, host));
    }

    /** HTTP/2 on Jetty's HTTP2Client sessions: one connection per host, as many streams as the server allows. */
    public static BrowserClient http2(ClientEnvironment environment, int browserIndex) throws Exception {
        return new BrowserClientOverHttp2(environment, browserIndex);
    }

    /**
     * HTTP/3 on Netty's QUIC codec: one QUIC connection per host, every request a stream, as many at
     * once as the server allows; the browser's UDP socket bound to its own source address.
     */
    public static BrowserClient http3(ClientEnvironment environment, int browserIndex) throws Exception {
        return new BrowserClientOverHttp3(environment, browserIndex);
    }
}
