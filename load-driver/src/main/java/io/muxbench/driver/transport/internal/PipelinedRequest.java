package io.muxbench.driver.transport.internal;

import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.Exchange;

/** An exchange on its way through the pipelined client, with who to tell; {@code done} is guarded by the client's lock. */
public final class PipelinedRequest {

    final Exchange exchange;
    final BrowserClient.Listener listener;
    /** Completed (or failed): nothing may write to the exchange any more. */
    boolean done;
    /** The connection it was last assigned to. */
    PipelinedConnection connection;

    public PipelinedRequest(Exchange exchange, BrowserClient.Listener listener) {
        this.exchange = exchange;
        this.listener = listener;
    }

    public Exchange exchange() {
        return exchange;
    }

    /** Tells the listener; call without holding the client's lock, once {@link #done} is set. */
    public void notifyListener() {
        listener.onComplete(exchange);
    }
}
