package org.habarshy.core.channel;

import java.util.Objects;
import java.util.Optional;
import org.habarshy.core.crypto.SigningKeyPair;
import org.habarshy.core.crypto.SubscriberSecret;

/**
 * What a channel code or a posting key carries.
 *
 * @param name the name the channel's creator gave it (1..64 UTF-8 bytes)
 * @param key the channel's public key
 * @param secret the subscriber secret, for a private channel
 * @param postingKey the channel's key pair, only in a posting key
 */
public record ChannelCode(String name, ChannelKey key, Optional<SubscriberSecret> secret,
                          Optional<SigningKeyPair> postingKey) {
    /** Checks that a posting key matches the channel key. */
    public ChannelCode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(postingKey, "postingKey");
        if (postingKey.isPresent() && !java.util.Arrays.equals(postingKey.get().publicKey().bytes(), key.bytes())) {
            throw new IllegalArgumentException("posting key does not belong to the channel key");
        }
    }

    /** Returns whether posts are encrypted to subscribers. */
    public boolean isPrivate() {
        return secret.isPresent();
    }

    /** Returns a description without secrets. */
    @Override
    public String toString() {
        return "ChannelCode[" + name + ", " + key + (isPrivate() ? ", private" : "")
                + (postingKey.isPresent() ? ", posting key" : "") + "]";
    }
}
