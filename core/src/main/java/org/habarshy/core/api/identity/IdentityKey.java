package org.habarshy.core.api.identity;

import org.habarshy.core.api.ByteKey;

/** A user's long-term Ed25519 public key: who a contact is. */
public final class IdentityKey extends ByteKey {
    /** Length of an Ed25519 public key. */
    public static final int LENGTH = 32;

    /** Wraps a copy of a 32-byte Ed25519 public key. */
    public IdentityKey(byte[] bytes) {
        super(bytes, LENGTH, "identity key");
    }
}
