package org.habarshy.core.api.identity;

import org.habarshy.core.api.ByteKey;

/** A user's X25519 public key that envelopes are sealed to. */
public final class AgreementKey extends ByteKey {
    /** Length of an X25519 public key. */
    public static final int LENGTH = 32;

    /** Wraps a copy of a 32-byte X25519 public key. */
    public AgreementKey(byte[] bytes) {
        super(bytes, LENGTH, "agreement key");
    }
}
