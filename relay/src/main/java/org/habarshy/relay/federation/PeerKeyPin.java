package org.habarshy.relay.federation;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.security.MessageDigest;
import java.util.function.Consumer;
import org.habarshy.core.link.LinkEstablishedEvent;

/**
 * Sits between a federation link's handshake and its sync handler and checks the key the peer authenticated with in
 * the Noise handshake against the link key pinned for that peer (from its relay code), in constant time. A match
 * lets the link through; any other key closes the connection before the sync handler hears of the link, so no
 * sync record is exchanged with an impostor.
 */
final class PeerKeyPin extends ChannelInboundHandlerAdapter {
    private final byte[] expected;
    private final Consumer<Channel> accepted;
    private final Consumer<Channel> refused;

    /** Pins {@code expected}; the callbacks run on the channel's event loop and must not block. */
    PeerKeyPin(byte[] expected, Consumer<Channel> accepted, Consumer<Channel> refused) {
        this.expected = expected.clone();
        this.accepted = accepted;
        this.refused = refused;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (!(evt instanceof LinkEstablishedEvent established)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (MessageDigest.isEqual(established.remoteTransportKey(), expected)) {
            accepted.accept(ctx.channel());
            ctx.fireUserEventTriggered(evt);
            ctx.pipeline().remove(this);
        } else {
            refused.accept(ctx.channel());
            ctx.close();
        }
    }
}
