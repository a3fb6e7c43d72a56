package org.habarshy.core.wire;

/** Hard sizes of the link framing (docs/PROTOCOL.md, "Framing"). */
public final class WireLimits {
    /** Bytes of the big-endian length prefix of every frame. */
    public static final int LENGTH_FIELD_BYTES = 4;
    /**
     * Largest frame body accepted from a peer: an encrypted LinkFrame holding one maximal envelope
     * (256 KiB) plus protobuf and AEAD overhead, rounded up. A larger length closes the link.
     */
    public static final int MAX_FRAME_BYTES = 320 * 1024;
    /** Largest Noise handshake message (the Noise specification's limit). */
    public static final int MAX_HANDSHAKE_BYTES = 65_535;

    private WireLimits() {
    }
}
