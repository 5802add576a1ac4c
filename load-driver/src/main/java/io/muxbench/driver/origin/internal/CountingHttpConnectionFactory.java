package io.muxbench.driver.origin.internal;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;

/** Jetty's HTTP/1.1 connection factory, with each connection's end point wrapped in a {@link CountingEndPoint}. */
public final class CountingHttpConnectionFactory extends HttpConnectionFactory {

    private final CountingEndPoint.RequestListener listener;

    public CountingHttpConnectionFactory(HttpConfiguration configuration, CountingEndPoint.RequestListener listener) {
        super(configuration);
        this.listener = listener;
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        return super.newConnection(connector, new CountingEndPoint(endPoint, listener));
    }
}
