package org.habarshy.core.link;

import io.netty.buffer.ByteBuf;
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
 *
 * <p>Bouncy Castle works on arrays, so both directions write into pooled heap buffers and read
 * heap input in place; only input in direct memory (frames straight off the socket) is first
 * copied into a pooled heap buffer.
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
        int length = plaintext.readableBytes();
        if (length > MAX_PLAINTEXT_BYTES) {
            throw new EncoderException("frame of " + length + " bytes exceeds the link maximum");
        }
        ByteBuf input = onHeap(ctx, plaintext);
        ByteBuf ciphertext = ctx.alloc().heapBuffer(length + TAG_BYTES);
        try {
            int written = transport.encrypt(input.array(), input.arrayOffset() + input.readerIndex(), length,
                    ciphertext.array(), ciphertext.arrayOffset() + ciphertext.writerIndex());
            ciphertext.writerIndex(ciphertext.writerIndex() + written);
            out.add(ciphertext);
        } catch (RuntimeException e) {
            ciphertext.release();
            throw e;
        } finally {
            releaseIfCopy(input, plaintext);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf ciphertext, List<Object> out) {
        int length = ciphertext.readableBytes();
        if (length < TAG_BYTES) {
            throw new CorruptedFrameException("link frame shorter than its tag");
        }
        ByteBuf input = onHeap(ctx, ciphertext);
        ByteBuf plaintext = ctx.alloc().heapBuffer(length - TAG_BYTES);
        try {
            int written = transport.decrypt(input.array(), input.arrayOffset() + input.readerIndex(), length,
                    plaintext.array(), plaintext.arrayOffset() + plaintext.writerIndex());
            plaintext.writerIndex(plaintext.writerIndex() + written);
            out.add(plaintext);
        } catch (GeneralSecurityException e) {
            plaintext.release();
            throw new CorruptedFrameException("link frame failed authentication");
        } catch (RuntimeException e) {
            plaintext.release();
            throw e;
        } finally {
            releaseIfCopy(input, ciphertext);
        }
    }

    /** Returns {@code buf} if it is backed by an array, else a pooled heap copy of its readable bytes. */
    private static ByteBuf onHeap(ChannelHandlerContext ctx, ByteBuf buf) {
        if (buf.hasArray()) {
            return buf;
        }
        ByteBuf copy = ctx.alloc().heapBuffer(buf.readableBytes());
        return copy.writeBytes(buf, buf.readerIndex(), buf.readableBytes());
    }

    private static void releaseIfCopy(ByteBuf input, ByteBuf original) {
        if (input != original) {
            input.release();
        }
    }
}
