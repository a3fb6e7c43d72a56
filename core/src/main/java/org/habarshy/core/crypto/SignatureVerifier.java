package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.util.Objects;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * Strict Ed25519 signature verification. The public key must be a canonical encoding of a point in the
 * prime-order subgroup (which rejects small-order and mixed-order keys), R must be a canonical point encoding
 * and S must be canonical ({@code S < L}), as Bouncy Castle's RFC 8032 verifier enforces.
 */
public final class SignatureVerifier {
    private SignatureVerifier() {
    }

    /** Returns true if {@code publicKey} is 32 bytes encoding a point of the prime-order subgroup (full check). */
    public static boolean isValidPublicKey(byte[] publicKey) {
        return publicKey != null && publicKey.length == Ed25519.PUBLIC_KEY_SIZE
                && Ed25519.validatePublicKeyFull(publicKey, 0);
    }

    /**
     * Returns normally if {@code signature} is a valid signature of {@code message} under {@code key}; otherwise
     * throws SignatureException (a GeneralSecurityException), including for a signature that is not 64 bytes.
     */
    public static void verify(IdentityKey key, byte[] message, byte[] signature)
            throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(signature, "signature");
        if (signature.length != SigningKeyPair.SIGNATURE_BYTES) {
            throw new SignatureException("signature must be " + SigningKeyPair.SIGNATURE_BYTES + " bytes");
        }
        byte[] publicKey = key.bytes();
        if (!Ed25519.validatePublicKeyFull(publicKey, 0)) {
            throw new SignatureException("invalid public key");
        }
        if (!Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)) {
            throw new SignatureException("signature verification failed");
        }
    }
}
