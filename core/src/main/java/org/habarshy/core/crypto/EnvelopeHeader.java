package org.habarshy.core.crypto;

/**
 * The public, unencrypted prefix of a sealed envelope: version, kind and its lifetime in Unix milliseconds.
 * Every version keeps these four fields at the same offsets, so relays can carry envelopes they cannot open.
 */
public record EnvelopeHeader(int version, int kind, long createdAt, long expiresAt) {
    /** Checks that version and kind are single bytes and that {@code 0 <= createdAt < expiresAt}. */
    public EnvelopeHeader {
        if (version < 0 || version > 0xFF || kind < 0 || kind > 0xFF) {
            throw new IllegalArgumentException("version and kind must be 0..255");
        }
        if (createdAt < 0 || expiresAt <= createdAt) {
            throw new IllegalArgumentException("need 0 <= createdAt < expiresAt");
        }
    }

    /** Returns true if this node can open the envelope: version {@code 0x01} and kind {@code 0x01}. */
    public boolean supported() {
        return version == EnvelopeFormat.VERSION && kind == EnvelopeFormat.KIND_SEALED;
    }
}
