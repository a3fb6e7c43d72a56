package org.habarshy.core.link;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageCodec;
import java.security.GeneralSecurityException;
import java.util.List;
import org.habarshy.core.crypto.NoiseTransport;
import org.habarshy.core.wire.WireLimits;

/**
 * Encrypts every outgoing frame body and decrypts every incoming one with the Noise transport
 * keys. Installed by {@link LinkHandshakeHandler}; one instance per channel. A frame that fails
 * authentication closes the link: a tampered stream never resynchronises.
 */
final class LinkCipherCodec extends MessageToMessageCodec<ByteBuf, ByteBuf> {
    static final int TAG_BYTES = 16;
    /** Largest plaintext that still fits a frame after encryption. */
    static final int MAX_PLAINTEXT_BYTES = WireLimits.MAX_FRAME_BYTES - TAG_BYTES;

    private final NoiseTransport transport;

    LinkCipherCodec(NoiseTransport transport) {
        this.transport = transport;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf plaintext, List<Object> out) {
        if (plaintext.readableBytes() > MAX_PLAINTEXT_BYTES) {
            throw new EncoderException("frame of " + plaintext.readableBytes() + " bytes exceeds the link maximum");
        }
        byte[] bytes = ByteBufUtil.getBytes(plaintext);
        out.add(Unpooled.wrappedBuffer(transport.encrypt(bytes)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf ciphertext, List<Object> out) {
        if (ciphertext.readableBytes() < TAG_BYTES) {
            throw new CorruptedFrameException("link frame shorter than its tag");
        }
        byte[] bytes = ByteBufUtil.getBytes(ciphertext);
        try {
            out.add(Unpooled.wrappedBuffer(transport.decrypt(bytes)));
        } catch (GeneralSecurityException e) {
            throw new CorruptedFrameException("link frame failed authentication");
        }
    }
}
