package io.muxbench.driver.transport;

import java.util.List;

/** h1 and h2 over Jetty's HttpClient (being written). */
final class JettyBrowserClient {
    static BrowserClient overHttp1(ClientEnvironment environment, int browserIndex) {
        throw new UnsupportedOperationException();
    }

    static BrowserClient overHttp2(ClientEnvironment environment, int browserIndex) {
        throw new UnsupportedOperationException();
    }
}
