package io.muxbench.driver.transport.internal;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DatagramPacket;

/**
 * Counts the UDP payload bytes of one browser's datagrams, below the QUIC codec (so QUIC's own
 * headers, packet protection and retransmissions count, as TCP's bytes count after TLS), and the
 * QUIC connections that completed their handshake. One instance per browser, on the one UDP socket
 * it has at a time; written only by that socket's event loop, read by any thread.
 *
 * <pre>{@code
 * pipeline.addLast(counter, quicClientCodec);   // first, before the codec
 * }</pre>
 */
@ChannelHandler.Sharable
public final class DatagramCounter extends ChannelDuplexHandler {

    private volatile long bytesIn;
    private volatile long bytesOut;
    private volatile long connectionsOpened;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof DatagramPacket packet) {
            bytesIn += packet.content().readableBytes(); // one writer: the socket's event loop
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof DatagramPacket packet) {
            bytesOut += packet.content().readableBytes();
        }
        super.write(ctx, msg, promise);
    }

    void connectionOpened() {
        connectionsOpened++;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    public long connectionsOpened() {
        return connectionsOpened;
    }
}
