package org.habarshy.core.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.habarshy.core.routing.FloodCounters;
import org.habarshy.core.routing.TokenBucket;
import org.habarshy.core.sync.EnvelopeRecord;

/**
 * Limits the envelopes per second and envelope bytes per second one link delivers, with two token buckets
 * (a burst of one second's worth each). An envelope already read is always passed on; when it puts a bucket into
 * debt, the handler stops reading from the socket ({@code autoRead} off, and every {@code read()} request held
 * back) until the debt is paid, so a flooding peer is slowed by TCP back-pressure instead of filling memory.
 * Other links, and what this node writes on this one, are not affected. One instance per channel.
 */
public final class LinkRateLimiter extends ChannelDuplexHandler {
    private final TokenBucket envelopes;
    private final TokenBucket bytes;
    private final FloodCounters counters;
    private final LongSupplier nanoTime;
    private boolean paused;

    /**
     * Creates the limiter of one link.
     *
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    public LinkRateLimiter(long envelopesPerSecond, long bytesPerSecond, FloodCounters counters,
                           LongSupplier nanoTime) {
        long now = nanoTime.getAsLong();
        this.envelopes = new TokenBucket(envelopesPerSecond, envelopesPerSecond, now);
        this.bytes = new TokenBucket(bytesPerSecond, bytesPerSecond, now);
        this.counters = counters;
        this.nanoTime = nanoTime;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof EnvelopeRecord record) {
            long now = nanoTime.getAsLong();
            long wait = Math.max(envelopes.take(1, now), bytes.take(record.envelope().length, now));
            if (wait > 0) {
                // Again on every record in debt: SyncChannelHandler turns autoRead back on from the store thread
                // when its queue drains, which would let the socket read loop go on past this buffer.
                ctx.channel().config().setAutoRead(false);
                if (!paused) {
                    paused = true;
                    counters.throttle();
                    ctx.executor().schedule(() -> resume(ctx), wait, TimeUnit.NANOSECONDS);
                }
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (!paused) {
            ctx.read();
        }
    }

    private void resume(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long left = debtNanos(nanoTime.getAsLong());
        if (left > 0) {
            // Timers fire early by up to a tick; wait for what is left of the debt.
            ctx.executor().schedule(() -> resume(ctx), left, TimeUnit.NANOSECONDS);
            return;
        }
        paused = false;
        // SyncChannelHandler turns autoRead off again on the next record if its own queue is still long.
        ctx.channel().config().setAutoRead(true);
        // If autoRead was turned on meanwhile (SyncChannelHandler), setAutoRead(true) requests no read, and the
        // read it requested then was held back above: without this the link would never read again.
        ctx.read();
    }

    private long debtNanos(long now) {
        return Math.max(envelopes.take(0, now), bytes.take(0, now));
    }
}
