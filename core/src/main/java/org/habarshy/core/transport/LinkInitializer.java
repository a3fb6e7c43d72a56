package org.habarshy.core.transport;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
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
 * idle / keepAlive                ping after half the dead-link timeout of silence, close after it
 * rtt                             real-time text (core.rtt), if given
 * limit                           per-link rate limit on received envelopes (LinkRateLimiter), if given
 * sync                            SyncSession adapter; work runs on the store executor
 * </pre>
 */
public final class LinkInitializer extends ChannelInitializer<Channel> {
    /** Default dead-link timeout: a link silent this long after a ping is closed. */
    public static final Duration DEAD_LINK_TIMEOUT = Duration.ofSeconds(40);

    private final boolean initiator;
    private final AgreementKeyPair transportKey;
    private final SecureRandom random;
    private final Supplier<SyncChannelHandler> syncHandlers;
    private final TrafficCounter traffic;
    private final Duration deadLinkTimeout;
    private final Supplier<LinkRateLimiter> limiters;
    private final Supplier<? extends ChannelHandler> realTimeText;

    /** Creates an initializer for one direction of connection with the default dead-link timeout, no rate limit. */
    public LinkInitializer(boolean initiator, AgreementKeyPair transportKey, SecureRandom random,
                           Supplier<SyncChannelHandler> syncHandlers, TrafficCounter traffic) {
        this(initiator, transportKey, random, syncHandlers, traffic, DEAD_LINK_TIMEOUT, null);
    }

    /** Creates an initializer with the default dead-link timeout; {@code limiters} makes each link's rate limiter. */
    public LinkInitializer(boolean initiator, AgreementKeyPair transportKey, SecureRandom random,
                           Supplier<SyncChannelHandler> syncHandlers, TrafficCounter traffic,
                           Supplier<LinkRateLimiter> limiters) {
        this(initiator, transportKey, random, syncHandlers, traffic, DEAD_LINK_TIMEOUT, limiters);
    }

    /** Creates an initializer for one direction of connection, without rate limits. */
    public LinkInitializer(boolean initiator, AgreementKeyPair transportKey, SecureRandom random,
                           Supplier<SyncChannelHandler> syncHandlers, TrafficCounter traffic,
                           Duration deadLinkTimeout) {
        this(initiator, transportKey, random, syncHandlers, traffic, deadLinkTimeout, null);
    }

    /**
     * Creates an initializer for one direction of connection: links silent for {@code deadLinkTimeout} are closed,
     * and {@code limiters} (null: none) makes each link's rate limiter.
     */
    public LinkInitializer(boolean initiator, AgreementKeyPair transportKey, SecureRandom random,
                           Supplier<SyncChannelHandler> syncHandlers, TrafficCounter traffic,
                           Duration deadLinkTimeout, Supplier<LinkRateLimiter> limiters) {
        this(initiator, transportKey, random, syncHandlers, traffic, deadLinkTimeout, limiters, null);
    }

    /**
     * Creates an initializer for one direction of connection: links silent for {@code deadLinkTimeout} are closed,
     * {@code limiters} (null: none) makes each link's rate limiter and {@code realTimeText} (null: none) each
     * link's real-time-text handler, placed before the rate limiter and the sync handler.
     */
    public LinkInitializer(boolean initiator, AgreementKeyPair transportKey, SecureRandom random,
                           Supplier<SyncChannelHandler> syncHandlers, TrafficCounter traffic,
                           Duration deadLinkTimeout, Supplier<LinkRateLimiter> limiters,
                           Supplier<? extends ChannelHandler> realTimeText) {
        this.realTimeText = realTimeText;
        this.deadLinkTimeout = deadLinkTimeout;
        this.limiters = limiters;
        KeepAliveHandler.pingInterval(deadLinkTimeout);
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
                .addLast("idle", new IdleStateHandler(KeepAliveHandler.pingInterval(deadLinkTimeout).toMillis(), 0, 0,
                        TimeUnit.MILLISECONDS))
                .addLast("keepAlive", new KeepAliveHandler(deadLinkTimeout));
        if (realTimeText != null) {
            ch.pipeline().addLast("rtt", realTimeText.get());
        }
        if (limiters != null) {
            ch.pipeline().addLast("limit", limiters.get());
        }
        ch.pipeline().addLast("sync", syncHandlers.get());
    }
}
