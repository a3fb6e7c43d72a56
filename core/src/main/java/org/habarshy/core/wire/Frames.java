package org.habarshy.core.wire;

import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;

/**
 * Creates the length-prefix framing handlers of a link.
 *
 * <pre>
 * +----------------+----------------------+
 * | length: uint32 | body: length bytes   |   length &lt;= {@link WireLimits#MAX_FRAME_BYTES}
 * +----------------+----------------------+
 * </pre>
 * The decoder strips the prefix; an over-long length fails fast with {@code TooLongFrameException}.
 */
public final class Frames {
    private Frames() {
    }

    /** Returns a new decoder (decoders hold state, so one per channel). */
    public static LengthFieldBasedFrameDecoder decoder() {
        return new LengthFieldBasedFrameDecoder(WireLimits.MAX_FRAME_BYTES + WireLimits.LENGTH_FIELD_BYTES,
                0, WireLimits.LENGTH_FIELD_BYTES, 0, WireLimits.LENGTH_FIELD_BYTES, true);
    }

    /** Returns a new prepender. */
    public static LengthFieldPrepender prepender() {
        return new LengthFieldPrepender(WireLimits.LENGTH_FIELD_BYTES);
    }
}
