package org.habarshy.core.testing;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * The last handler of a test pipeline. It keeps what reaches the end of the pipeline and, like the
 * production tail ({@code SyncChannelHandler}), closes the channel on any exception, so a test sees a
 * link torn down exactly as a node would tear it down. Messages are kept as they arrive: a test that
 * lets a reference-counted message through must release it.
 */
public final class RecordingSink extends ChannelInboundHandlerAdapter {
    private final List<Object> messages = new ArrayList<>();
    private final List<Object> events = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();

    /** Creates an empty sink. */
    public RecordingSink() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        messages.add(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        events.add(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        errors.add(cause);
        ctx.close();
    }

    /** Returns the messages that reached the end of the pipeline, in order. */
    public List<Object> messages() {
        return messages;
    }

    /** Returns the user events that reached the end of the pipeline, in order. */
    public List<Object> events() {
        return events;
    }

    /** Returns the exceptions that reached the end of the pipeline, in order. */
    public List<Throwable> errors() {
        return errors;
    }
}
