package org.habarshy.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.concurrent.atomic.AtomicLong;

/** Counts bytes read and written on every link of a node, as they cross the socket (encrypted). */
@Sharable
public final class TrafficCounter extends ChannelDuplexHandler {
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();

    /** Creates a counter at zero. */
    public TrafficCounter() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            bytesIn.addAndGet(buf.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            bytesOut.addAndGet(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }

    /** Returns the bytes read so far. */
    public long bytesIn() {
        return bytesIn.get();
    }

    /** Returns the bytes written so far. */
    public long bytesOut() {
        return bytesOut.get();
    }
}
