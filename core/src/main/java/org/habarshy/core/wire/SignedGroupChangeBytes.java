package org.habarshy.core.wire;

/**
 * One {@code SignedGroupChange}: the exact change bytes and the admin's signature over them.
 *
 * @param change the {@code GroupChange} bytes as signed
 * @param signature 64 bytes
 */
public record SignedGroupChangeBytes(byte[] change, byte[] signature) {
    /** Copies both. */
    public SignedGroupChangeBytes {
        change = change.clone();
        signature = signature.clone();
    }

    /** Returns a copy of the change bytes. */
    @Override
    public byte[] change() {
        return change.clone();
    }

    /** Returns a copy of the signature. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }
}
