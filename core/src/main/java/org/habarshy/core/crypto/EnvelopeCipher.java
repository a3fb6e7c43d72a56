package org.habarshy.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The symmetric layer of a version-1 envelope. From the X25519 shared secret it derives
 * {@code okm = HKDF-SHA256(ikm = shared, salt = ephemeralPublic || recipientPublic,
 * info = UTF8("habarshy/v1/envelope-key"), L = 44)}, key = okm[0..32), nonce = okm[32..44), and runs
 * ChaCha20-Poly1305 with the 50 header bytes as associated data. A fresh ephemeral key per envelope makes the
 * derived key and nonce unique.
 */
final class EnvelopeCipher {
    private static final int OKM_BYTES = ChaCha20Poly1305Aead.KEY_BYTES + ChaCha20Poly1305Aead.NONCE_BYTES;
    private static final byte[] INFO = DomainLabels.ENVELOPE_KEY.getBytes(StandardCharsets.UTF_8);

    private EnvelopeCipher() {
    }

    /** Returns {@code ciphertext || tag} of {@code plaintext}; the ephemeral public key is read from the header. */
    static byte[] encrypt(byte[] shared, byte[] header, byte[] recipientPublic, byte[] plaintext) {
        byte[] okm = derive(shared, header, recipientPublic);
        try {
            return ChaCha20Poly1305Aead.seal(key(okm), nonce(okm), header, plaintext);
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }

    /** Returns the plaintext, or throws AEADBadTagException if the envelope was not sealed to this key. */
    static byte[] decrypt(byte[] shared, byte[] header, byte[] recipientPublic, byte[] ciphertext)
            throws GeneralSecurityException {
        byte[] okm = derive(shared, header, recipientPublic);
        try {
            return ChaCha20Poly1305Aead.open(key(okm), nonce(okm), header, ciphertext);
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }

    private static byte[] derive(byte[] shared, byte[] header, byte[] recipientPublic) {
        if (header.length != EnvelopeFormat.HEADER_BYTES) {
            throw new IllegalArgumentException("header must be " + EnvelopeFormat.HEADER_BYTES + " bytes");
        }
        byte[] salt = new byte[2 * AgreementKeyPair.PUBLIC_KEY_BYTES];
        System.arraycopy(header, EnvelopeFormat.OFFSET_EPHEMERAL_KEY, salt, 0, AgreementKeyPair.PUBLIC_KEY_BYTES);
        System.arraycopy(recipientPublic, 0, salt, AgreementKeyPair.PUBLIC_KEY_BYTES,
                AgreementKeyPair.PUBLIC_KEY_BYTES);
        return Hkdf.sha256(shared, salt, INFO, OKM_BYTES);
    }

    private static byte[] key(byte[] okm) {
        return Arrays.copyOfRange(okm, 0, ChaCha20Poly1305Aead.KEY_BYTES);
    }

    private static byte[] nonce(byte[] okm) {
        return Arrays.copyOfRange(okm, ChaCha20Poly1305Aead.KEY_BYTES, OKM_BYTES);
    }
}
