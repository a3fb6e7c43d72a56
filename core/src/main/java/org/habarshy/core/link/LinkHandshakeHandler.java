package org.habarshy.core.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.DomainLabels;
import org.habarshy.core.crypto.NoiseHandshake;
import org.habarshy.core.wire.HelloCodec;
import org.habarshy.core.wire.MalformedRecordException;
import org.habarshy.core.wire.WireLimits;

/**
 * Runs the Noise XX handshake over the first three frames of a connection, then replaces itself
 * with a {@link LinkCipherCodec} and fires a {@link LinkEstablishedEvent}. Messages 2 and 3 carry a
 * {@code LinkHello} with the sender's protocol version, encrypted. The handshake must finish within
 * {@link #TIMEOUT}; anything malformed closes the connection.
 *
 * <p>The handshake's three X25519 operations (tens of microseconds) run on the event loop, as TLS
 * handshakes do in Netty's SslHandler; nothing here blocks.
 */
public final class LinkHandshakeHandler extends ChannelInboundHandlerAdapter {
    /**
     * Highest link and sync protocol version spoken by this code, announced in the handshake: 2 (set
     * reconciliation, keep-alive). Version 1 (offer lists) is still spoken with peers that announce 1.
     */
    public static final int PROTOCOL_VERSION = 2;
    /** Longest time a peer may take to complete the handshake. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(LinkHandshakeHandler.class.getName());
    private static final byte[] PROLOGUE = DomainLabels.LINK_PROLOGUE.getBytes(StandardCharsets.UTF_8);

    private final NoiseHandshake noise;
    private final boolean initiator;
    private ScheduledFuture<?> timeout;
    private int peerVersion;

    /** Creates the handler for one connection; {@code transportKey} is this node's current link key. */
    public LinkHandshakeHandler(boolean initiator, AgreementKeyPair transportKey, SecureRandom random) {
        this.initiator = initiator;
        this.noise = initiator
                ? NoiseHandshake.initiator(transportKey, PROLOGUE, random)
                : NoiseHandshake.responder(transportKey, PROLOGUE, random);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        timeout = ctx.executor().schedule(() -> {
            LOG.log(System.Logger.Level.INFO, "link handshake timed out; closing");
            ctx.close();
        }, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (initiator) {
            send(ctx, noise.writeMessage(new byte[0]));
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!(msg instanceof ByteBuf frame)) {
            ReferenceCountUtil.release(msg);
            throw new CorruptedFrameException("unexpected message during handshake");
        }
        byte[] bytes;
        try {
            if (frame.readableBytes() > WireLimits.MAX_HANDSHAKE_BYTES) {
                throw new CorruptedFrameException("handshake message of " + frame.readableBytes() + " bytes");
            }
            bytes = ByteBufUtil.getBytes(frame);
        } finally {
            frame.release();
        }
        step(ctx, bytes);
    }

    private void step(ChannelHandlerContext ctx, byte[] message) throws MalformedRecordException {
        byte[] payload;
        try {
            payload = noise.readMessage(message);
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new CorruptedFrameException("handshake message rejected");
        }
        if (initiator) {
            peerVersion = checkedVersion(payload);
            send(ctx, writeHello());
        } else if (!noise.isComplete()) {
            send(ctx, writeHello());
            return;
        } else {
            peerVersion = checkedVersion(payload);
        }
        if (noise.isComplete()) {
            complete(ctx);
        }
    }

    /**
     * Returns our next handshake message, carrying our hello. Writing is where the responder first uses the
     * initiator's ephemeral key (Noise's {@code ee}), so a low-order key, whose shared secret is all zero,
     * is caught here rather than when it was read; it closes the link like any other bad message.
     */
    private byte[] writeHello() {
        try {
            return noise.writeMessage(HelloCodec.encode(PROTOCOL_VERSION));
        } catch (GeneralSecurityException e) {
            throw new CorruptedFrameException("handshake message rejected: peer key is a low-order point");
        }
    }

    /** Returns the version both sides speak; the peer's is unsigned, so any value above ours means ours. */
    private static int checkedVersion(byte[] payload) throws MalformedRecordException {
        long version = HelloCodec.decodeVersion(payload);
        if (version == 0) {
            throw new MalformedRecordException("peer announced protocol version 0");
        }
        return (int) Math.min(version, PROTOCOL_VERSION);
    }

    private void complete(ChannelHandlerContext ctx) {
        if (timeout != null) {
            timeout.cancel(false);
        }
        LinkEstablishedEvent event = new LinkEstablishedEvent(noise.remoteStaticKey(), initiator, peerVersion,
                noise.handshakeHash());
        ctx.pipeline().replace(this, "cipher", new LinkCipherCodec(noise.split()));
        ctx.pipeline().context("cipher").fireUserEventTriggered(event);
    }

    private static void send(ChannelHandlerContext ctx, byte[] message) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(message));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (timeout != null) {
            timeout.cancel(false);
        }
        super.channelInactive(ctx);
    }
}
