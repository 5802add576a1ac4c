package io.muxbench.driver.transport.internal;

import io.muxbench.driver.transport.BrowserClient;
import io.muxbench.driver.transport.Exchange;
import io.muxbench.driver.transport.FailureClassifier;
import io.muxbench.vocabulary.ErrorCause;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;

/**
 * One exchange on an HTTP/2 stream: the stream's listener and the promise of its creation, in one
 * object, so a request costs this and Jetty's stream, and nothing else of ours. Response bodies are
 * read through the stream's demand and released at once; only their length is kept. A stream the
 * server refused (REFUSED_STREAM) is asked for again once, on the same session, as browsers do; a
 * second refusal fails the exchange like any other reset.
 */
final class Http2Request implements Stream.Listener, Promise<Stream> {

    /** How Jetty's session begins its refusal of a stream beyond the limit of the server's SETTINGS. */
    private static final String JETTY_LIMIT_REACHED = "Max local stream count";

    final Exchange exchange;
    final MetaData.Request request;
    private final BrowserClient.Listener listener;
    private final Http2Connection connection;
    /** Guarded by this: the exchange completes once, whichever of Jetty's callbacks comes first. */
    private boolean done;
    /** Guarded by this: Jetty closed the stream (or never made it), taking it off the session's count. */
    private boolean closed;
    /** Guarded by this: the stream's place under the server's limit is given back once. */
    private boolean released;
    /** Guarded by this: the server refused the stream, still open; it is asked for again once Jetty closed it. */
    private boolean refused;
    /** Guarded by this: the exchange was refused once already. */
    private boolean retried;
    /** Guarded by the connection: a stream was asked for (it counts against the server's limit). */
    boolean started;

    Http2Request(Exchange exchange, MetaData.Request request, BrowserClient.Listener listener, Http2Connection connection) {
        this.exchange = exchange;
        this.request = request;
        this.listener = listener;
        this.connection = connection;
    }

    /** The HEADERS frame was written: the request, a GET without body, is sent. */
    @Override
    public void succeeded(Stream stream) {
        exchange.streamId = stream.getId();
        if (exchange.sentNanos == 0) {
            exchange.sentNanos = System.nanoTime();
        }
    }

    /**
     * The stream could not be made: it never took a place under the server's limit. When Jetty
     * refused it because the server's SETTINGS had just lowered the limit, it waits for a place.
     */
    @Override
    public void failed(Throwable failure) {
        if (failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).startsWith(JETTY_LIMIT_REACHED)
                && connection.putBack(this, false)) {
            return;
        }
        fail(FailureClassifier.classify(failure), String.valueOf(failure.getMessage()));
        closed();
    }

    /** Jetty closed the stream, after taking it off the session's count of streams. */
    @Override
    public void onClosed(Stream stream) {
        boolean retry;
        synchronized (this) {
            retry = refused && !done;
            refused = false;
            closed = !retry;
        }
        if (retry) {
            retry();
        } else {
            release();
        }
    }

    @Override
    public void onHeaders(Stream stream, HeadersFrame frame) {
        if (frame.getMetaData() instanceof MetaData.Response response) {
            if (response.getStatus() < 200) {
                stream.demand(); // an interim response (103 Early Hints): the real one follows
                return;
            }
            long now = System.nanoTime();
            exchange.streamId = stream.getId();
            exchange.firstByteNanos = now;
            exchange.status = response.getStatus();
        }
        if (frame.isEndStream()) {
            succeed();
        } else {
            stream.demand();
        }
    }

    @Override
    public void onDataAvailable(Stream stream) {
        while (true) {
            Stream.Data data = stream.readData();
            if (data == null) {
                stream.demand();
                return;
            }
            exchange.bodyBytesReceived += data.frame().remaining();
            boolean last = data.frame().isEndStream();
            data.release();
            if (last) {
                succeed();
                return;
            }
        }
    }

    @Override
    public void onReset(Stream stream, ResetFrame frame, Callback callback) {
        if (frame.getError() == ErrorCode.REFUSED_STREAM_ERROR.code && refuse()) {
            callback.succeeded();
            return;
        }
        fail(ErrorCause.GOAWAY, "stream reset by the server: " + ErrorCode.toString(frame.getError(), "error " + frame.getError()));
        callback.succeeded();
    }

    @Override
    public void onIdleTimeout(Stream stream, TimeoutException timeout, Promise<Boolean> promise) {
        fail(ErrorCause.TIMEOUT, String.valueOf(timeout.getMessage()));
        promise.succeeded(true);
    }

    @Override
    public void onFailure(Stream stream, int error, String reason, Throwable failure, Callback callback) {
        fail(failure == null ? ErrorCause.GOAWAY : FailureClassifier.classify(failure),
                reason != null ? reason : String.valueOf(failure == null ? ErrorCode.toString(error, null) : failure.getMessage()));
        callback.succeeded();
    }

    private void succeed() {
        if (finish()) {
            if (exchange.sentNanos == 0 || exchange.sentNanos > exchange.firstByteNanos) {
                // The write's callback may run after the response began on a busy machine: it was on the wire by then.
                exchange.sentNanos = exchange.firstByteNanos;
            }
            complete();
        }
    }

    /** Fails it with a cause (once; a completed exchange stays as it was). */
    void fail(ErrorCause cause, String detail) {
        if (finish()) {
            exchange.fail(cause, detail);
            complete();
        }
    }

    /**
     * True for the exchange's first refusal: it is retried at once if Jetty closed the stream already
     * (Jetty 12 closes it before it tells of the reset), else when Jetty closes it.
     */
    private boolean refuse() {
        boolean now;
        synchronized (this) {
            if (done || retried) {
                return false;
            }
            retried = true;
            now = closed;
            closed = false;
            refused = !now;
        }
        if (now) {
            retry();
        }
        return true;
    }

    private void retry() {
        exchange.sentNanos = 0; // it is sent again, on the next stream
        if (!connection.putBack(this, true)) {
            fail(ErrorCause.RESET, "the HTTP/2 session was closed");
            closed();
        }
    }

    private synchronized boolean finish() {
        if (done) {
            return false;
        }
        done = true;
        exchange.lastByteNanos = System.nanoTime();
        return true;
    }

    private void complete() {
        release();
        listener.onComplete(exchange);
    }

    private void closed() {
        synchronized (this) {
            closed = true;
        }
        release();
    }

    /**
     * Gives the stream's place to the next waiting request once the exchange ended and Jetty closed
     * the stream, whichever comes last: Jetty may close it before the last DATA frame is read (then
     * the next request would begin while this one is still receiving), and may still count it after
     * the response ended (then it refuses the next stream: "Max local stream count exceeded").
     */
    private void release() {
        synchronized (this) {
            if (released || !done || !closed) {
                return;
            }
            released = true;
        }
        connection.released(this);
    }
}
