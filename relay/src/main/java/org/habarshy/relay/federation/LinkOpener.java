package org.habarshy.relay.federation;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import java.net.SocketAddress;
import java.util.function.Supplier;

/**
 * Opens one outgoing mesh link with a handler in front of the link pipeline and, optionally, one right before the
 * sync handler ({@code Node::openLink}).
 */
@FunctionalInterface
public interface LinkOpener {
    /**
     * Connects to {@code remote}; {@code front} is placed nearest the socket, {@code beforeSync} (null: none) after
     * the handshake, before the sync handler.
     */
    ChannelFuture open(SocketAddress remote, Supplier<? extends ChannelHandler> front,
                       Supplier<? extends ChannelHandler> beforeSync);
}
