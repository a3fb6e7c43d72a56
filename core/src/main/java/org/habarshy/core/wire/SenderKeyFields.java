package org.habarshy.core.wire;

import java.util.Objects;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * A decoded {@code SenderKeyDistribution} (docs/PROTOCOL.md §11.4).
 *
 * @param groupId 32 bytes
 * @param epoch the group epoch the chain belongs to
 * @param chainKey 32 bytes, the chain key for message {@code iteration}
 * @param iteration 0..2^32-1
 * @param signingKey the chain's Ed25519 signing public key
 */
public record SenderKeyFields(byte[] groupId, long epoch, byte[] chainKey, long iteration, IdentityKey signingKey) {
    /** Copies the arrays. */
    public SenderKeyFields {
        groupId = groupId.clone();
        chainKey = chainKey.clone();
        Objects.requireNonNull(signingKey, "signingKey");
    }

    /** Returns a copy of the group id. */
    @Override
    public byte[] groupId() {
        return groupId.clone();
    }

    /** Returns a copy of the chain key. */
    @Override
    public byte[] chainKey() {
        return chainKey.clone();
    }
}
