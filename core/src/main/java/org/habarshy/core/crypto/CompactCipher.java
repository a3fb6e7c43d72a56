package org.habarshy.core.crypto;

import java.util.Arrays;

/** Derives the per-message key and hint of a compact message (see {@link CompactFormat}). */
final class CompactCipher {
    static final byte[] ZERO_NONCE = new byte[ChaCha20Poly1305Aead.NONCE_BYTES];
    private static final byte[] LABEL = Hashing.encodeLabel(DomainLabels.COMPACT_KEY);
    private static final int OKM_BYTES = ChaCha20Poly1305Aead.KEY_BYTES + CompactFormat.HINT_BYTES;

    private CompactCipher() {
    }

    /** Returns okm = key (32) || hint (2) for one direction (sender to recipient) and one salt. */
    static byte[] derive(byte[] shared, byte[] salt, byte[] senderPublic, byte[] recipientPublic) {
        byte[] info = Concatenation.of(LABEL, new byte[] {0}, senderPublic, recipientPublic);
        return Hkdf.sha256(shared, salt, info, OKM_BYTES);
    }

    static byte[] key(byte[] okm) {
        return Arrays.copyOfRange(okm, 0, ChaCha20Poly1305Aead.KEY_BYTES);
    }

    static byte[] hint(byte[] okm) {
        return Arrays.copyOfRange(okm, ChaCha20Poly1305Aead.KEY_BYTES, OKM_BYTES);
    }
}
