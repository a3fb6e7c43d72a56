package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;

/**
 * Test-only door to the package-private primitives, so that benchmarks in {@code org.habarshy.core.bench}
 * measure exactly the code the node runs (not Bouncy Castle called some other way). Never used by tests
 * of behaviour.
 */
public final class BenchPrimitives {
    /** ChaCha20-Poly1305 key length. */
    public static final int AEAD_KEY_BYTES = ChaCha20Poly1305Aead.KEY_BYTES;
    /** ChaCha20-Poly1305 nonce length. */
    public static final int AEAD_NONCE_BYTES = ChaCha20Poly1305Aead.NONCE_BYTES;

    private BenchPrimitives() {
    }

    /** Returns X25519(private of {@code local}, {@code peerPublic}). */
    public static byte[] agree(AgreementKeyPair local, byte[] peerPublic) throws GeneralSecurityException {
        return local.agree(peerPublic);
    }

    /** Returns {@code ciphertext || tag}. */
    public static byte[] aeadSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        return ChaCha20Poly1305Aead.seal(key, nonce, aad, plaintext);
    }

    /** Returns the plaintext, or throws if the tag does not verify. */
    public static byte[] aeadOpen(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext)
            throws GeneralSecurityException {
        return ChaCha20Poly1305Aead.open(key, nonce, aad, ciphertext);
    }
}
