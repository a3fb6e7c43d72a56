package org.habarshy.core.transport;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import org.habarshy.core.link.LinkEstablishedEvent;
import org.habarshy.core.sync.PingRecord;
import org.habarshy.core.sync.PongRecord;

/**
 * Notices a silently dead link. It sits behind an {@link io.netty.handler.timeout.IdleStateHandler}
 * whose reader-idle time is {@link #pingInterval(Duration) half} the dead-link timeout: after half the
 * timeout without a frame from the peer it sends a {@link PingRecord}; when the whole timeout has passed
 * without any frame (a {@link PongRecord} or anything else), the link is closed, so a dead link is noticed
 * between one and one and a half timeouts after the last frame. Pings are answered here, on the event loop, and never
 * reach the sync session. A version 1 peer does not know pings; such a link is closed after
 * {@link #V1_IDLE} of silence instead, as before. Not sharable: one per channel.
 */
public final class KeepAliveHandler extends ChannelDuplexHandler {
    /** Silence after which a link to a version 1 peer (which cannot answer pings) is closed. */
    public static final Duration V1_IDLE = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger(KeepAliveHandler.class.getName());

    private final Duration timeout;
    private int version;
    private long lastReadNanos;
    private boolean pinged;
    private long nextNonce;

    /** Creates the handler for a dead-link timeout of {@code timeout} (at least 2 ms). */
    public KeepAliveHandler(Duration timeout) {
        pingInterval(timeout);
        this.timeout = timeout;
    }

    /** Returns the reader-idle time the preceding IdleStateHandler must use for {@code timeout}. */
    public static Duration pingInterval(Duration timeout) {
        if (timeout.toMillis() < 2) {
            throw new IllegalArgumentException("dead-link timeout too short: " + timeout);
        }
        return timeout.dividedBy(2);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        lastReadNanos = ctx.executor().ticker().nanoTime();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        lastReadNanos = ctx.executor().ticker().nanoTime();
        pinged = false;
        if (msg instanceof PingRecord ping) {
            ctx.writeAndFlush(new PongRecord(ping.nonce()), ctx.voidPromise());
        } else if (!(msg instanceof PongRecord)) {
            super.channelRead(ctx, msg);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof LinkEstablishedEvent established) {
            version = established.protocolVersion();
        } else if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
            onQuietInterval(ctx);
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    private void onQuietInterval(ChannelHandlerContext ctx) {
        Duration silence = Duration.ofNanos(ctx.executor().ticker().nanoTime() - lastReadNanos);
        if (version >= 2) {
            if (silence.compareTo(timeout) >= 0) {
                LOG.log(System.Logger.Level.INFO, "link silent for {0} ms, no answer to a ping; closing",
                        silence.toMillis());
                ctx.close();
            } else if (!pinged) {
                pinged = true;
                ctx.writeAndFlush(new PingRecord(nextNonce++), ctx.voidPromise());
            }
        } else if (silence.compareTo(V1_IDLE) >= 0) {
            LOG.log(System.Logger.Level.INFO, "link idle too long; closing");
            ctx.close();
        }
    }
}
