package org.habarshy.core.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.timeout.IdleStateHandler;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.link.LinkHandshakeHandler;
import org.habarshy.core.wire.Frames;
import org.habarshy.core.wire.LinkFrameCodec;

/**
 * Assembles the pipeline of every link, inbound or outbound, on any Netty transport:
 * <pre>
 * traffic                         counts bytes on the socket
 * frameDecoder / framePrepender   4-byte length prefix, bounded (core.wire.Frames)
 * handshake                       Noise XX; replaces itself with the link cipher
 * records                         LinkFrame protobuf &lt;-&gt; SyncRecord, bounded
 * idle                            closes links silent for {@link #IDLE}
 * limit                           per-link rate limit on received envelopes (LinkRateLimiter), if given
 * sync                            SyncSession adapter; work runs on the store executor
 * </pre>
 */
public final class LinkInitializer extends ChannelInitializer<Channel> {
    /** A link on which nothing is read for this long is closed (sessions send nothing when idle). */
    public static final Duration IDLE = Duration.ofMinutes(10);

    private final boolean initiator;
    private final AgreementKeyPair transportKey;
    private final SecureRandom random;
    private final Supplier<SyncChannelHandler> syncHandlers;
    private final TrafficCounter traffic;
    private final Supplier<LinkRateLimiter> limiters;

    /** Creates an initializer for one direction of connection, without rate limits. */
    public LinkInitializer(boolean initiator, AgreementKeyPair transportKey, SecureRandom random,
                           Supplier<SyncChannelHandler> syncHandlers, TrafficCounter traffic) {
        this(initiator, transportKey, random, syncHandlers, traffic, null);
    }

    /** Creates an initializer for one direction of connection; {@code limiters} makes each link's rate limiter. */
    public LinkInitializer(boolean initiator, AgreementKeyPair transportKey, SecureRandom random,
                           Supplier<SyncChannelHandler> syncHandlers, TrafficCounter traffic,
                           Supplier<LinkRateLimiter> limiters) {
        this.limiters = limiters;
        this.traffic = traffic;
        this.initiator = initiator;
        this.transportKey = transportKey;
        this.random = random;
        this.syncHandlers = syncHandlers;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline()
                .addLast("traffic", traffic)
                .addLast("frameDecoder", Frames.decoder())
                .addLast("framePrepender", Frames.prepender())
                .addLast("handshake", new LinkHandshakeHandler(initiator, transportKey, random))
                .addLast("records", LinkFrameCodec.INSTANCE)
                .addLast("idle", new IdleStateHandler(IDLE.toSeconds(), 0, 0, TimeUnit.SECONDS));
        if (limiters != null) {
            ch.pipeline().addLast("limit", limiters.get());
        }
        ch.pipeline().addLast("sync", syncHandlers.get());
    }
}
