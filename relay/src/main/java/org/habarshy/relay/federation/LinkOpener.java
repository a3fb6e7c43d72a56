package org.habarshy.relay.federation;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import java.net.SocketAddress;
import java.util.function.Supplier;

/** Opens one outgoing mesh link with a handler in front of the link pipeline ({@code Node::openLink}). */
@FunctionalInterface
public interface LinkOpener {
    /** Connects to {@code remote}; {@code front} is placed nearest the socket. */
    ChannelFuture open(SocketAddress remote, Supplier<? extends ChannelHandler> front);
}
