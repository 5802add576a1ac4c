package io.muxbench.driver.transport;

import java.util.List;

/** HTTP/1.1 with pipelining (being written). */
public final class PipelinedBrowserClient implements BrowserClient {

    public PipelinedBrowserClient(ClientEnvironment environment, int browserIndex) {
        throw new UnsupportedOperationException("h1-pipelined is not built yet");
    }

    @Override
    public void requestHeaders(java.util.Map<String, String> headers) {
    }

    @Override
    public void send(List<Exchange> batch, Listener listener) {
    }

    @Override
    public void closeConnections() {
    }

    @Override
    public long connectionsOpened() {
        return 0;
    }

    @Override
    public long bytesSent() {
        return 0;
    }

    @Override
    public long bytesReceived() {
        return 0;
    }

    @Override
    public Negotiated negotiated() {
        return null;
    }

    @Override
    public void close() {
    }
}
