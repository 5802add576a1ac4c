package io.muxbench.driver.origin.internal;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;

/**
 * Jetty's HTTP/1.1 connection factory, with each connection's end point wrapped in a {@link CountingEndPoint}
 * and its reads made one at a time ({@link OneReaderHttpConnection}).
 */
public final class CountingHttpConnectionFactory extends HttpConnectionFactory {

    private final CountingEndPoint.RequestListener listener;

    public CountingHttpConnectionFactory(HttpConfiguration configuration, CountingEndPoint.RequestListener listener) {
        super(configuration);
        this.listener = listener;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        // What HttpConnectionFactory.newConnection does, with our connection class.
        EndPoint counting = new CountingEndPoint(endPoint, listener);
        HttpConnection connection = new OneReaderHttpConnection(getHttpConfiguration(), connector, counting);
        connection.setTransferEncodingChunkMaxLength(getTransferEncodingChunkMaxLength());
        return configure(connection, connector, counting);
    }

    /**
     * Jetty 12.1.14's HTTP/1.1 connection, with {@link #onFillable} run by one thread at a time.
     *
     * <p>On a request whose head is malformed, Jetty's parser hands the 400 answer to another thread
     * and, once it is written, that thread resumes reading the connection while the first is still
     * inside {@code onFillable}. The first then returns the request buffer to the pool while the
     * second fills it: the bytes land in a buffer the pool hands to the next connection, whose
     * good request is answered 400 or not at all. {@code OriginFuzzIT} found this (random header
     * bytes, then a half-close). Serialising {@code onFillable} closes the window; the lock is
     * uncontended for every well-formed request.
     */
    static final class OneReaderHttpConnection extends HttpConnection {
        OneReaderHttpConnection(HttpConfiguration configuration, Connector connector, EndPoint endPoint) {
            super(configuration, connector, endPoint);
        }

        @Override
        public synchronized void onFillable() {
            super.onFillable();
        }
    }
}
