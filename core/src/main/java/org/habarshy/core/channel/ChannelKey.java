package org.habarshy.core.channel;

import org.habarshy.core.api.ByteKey;

/** The Ed25519 public key of a broadcast channel: what a channel is, whatever it is called. */
public final class ChannelKey extends ByteKey {
    /** Length of an Ed25519 public key. */
    public static final int LENGTH = 32;

    /** Wraps a copy of a 32-byte Ed25519 public key. */
    public ChannelKey(byte[] bytes) {
        super(bytes, LENGTH, "channel key");
    }
}
