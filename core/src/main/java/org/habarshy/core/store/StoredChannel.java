package org.habarshy.core.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A channel row with its sealed columns opened. Byte arrays are copied in and out.
 *
 * @param key the channel's Ed25519 public key (32 bytes)
 * @param name the user's name for the channel, unique in this account
 * @param isPrivate whether posts are encrypted to subscribers
 * @param secret the subscriber secret of a private channel (32 bytes)
 * @param postingSeed the channel's Ed25519 private seed, if this account may post
 * @param addedAt Unix ms
 */
public record StoredChannel(byte[] key, String name, boolean isPrivate, Optional<byte[]> secret,
                            Optional<byte[]> postingSeed, long addedAt) {
    /** Checks and copies the fields. */
    public StoredChannel {
        key = Objects.requireNonNull(key, "key").clone();
        Objects.requireNonNull(name, "name");
        secret = Objects.requireNonNull(secret, "secret").map(byte[]::clone);
        postingSeed = Objects.requireNonNull(postingSeed, "postingSeed").map(byte[]::clone);
        if (isPrivate != secret.isPresent()) {
            throw new IllegalArgumentException("a private channel needs its secret, a public one has none");
        }
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public Optional<byte[]> secret() {
        return secret.map(byte[]::clone);
    }

    @Override
    public Optional<byte[]> postingSeed() {
        return postingSeed.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredChannel other && java.util.Arrays.equals(key, other.key) && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(key);
    }

    /** Returns a description without secrets. */
    @Override
    public String toString() {
        return "StoredChannel[" + name + (isPrivate ? ", private" : "") + (postingSeed.isPresent() ? ", can post" : "")
                + "]";
    }
}
