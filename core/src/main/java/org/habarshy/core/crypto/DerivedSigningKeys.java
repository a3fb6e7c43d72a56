package org.habarshy.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Ed25519 key pairs derived from another one's seed, for keys that must be stable but never stored and unlinkable
 * to their parent: {@code seed = HKDF-SHA256(ikm = parent seed, salt = context, info = UTF8(label), L = 32)}.
 */
public final class DerivedSigningKeys {
    private DerivedSigningKeys() {
    }

    /** Returns the key pair derived from {@code parent} for {@code label} and {@code context}. */
    public static SigningKeyPair derive(SigningKeyPair parent, String label, byte[] context) {
        Objects.requireNonNull(label, "label");
        byte[] parentSeed = parent.exportSeed();
        byte[] seed = Hkdf.sha256(parentSeed, context.clone(), label.getBytes(StandardCharsets.UTF_8),
                SigningKeyPair.SEED_BYTES);
        try {
            return SigningKeyPair.fromSeed(seed);
        } finally {
            Arrays.fill(parentSeed, (byte) 0);
            Arrays.fill(seed, (byte) 0);
        }
    }
}
