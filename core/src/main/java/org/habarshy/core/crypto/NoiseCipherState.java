package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Noise CipherState (spec rev 34, section 5.1) over ChaChaPoly: a key, possibly empty, and a 64-bit counter
 * nonce encoded as 4 zero bytes followed by the little-endian counter. The nonce 2^64-1 is reserved, so the
 * counter never wraps: once it reaches that value every further call throws IllegalStateException.
 */
final class NoiseCipherState {
    /** The reserved nonce value 2^64-1, as an unsigned long. */
    static final long RESERVED_NONCE = -1L;

    private byte[] key;
    private long nonce;

    /** Creates a state with an empty key, in which encryption is the identity. */
    NoiseCipherState() {
    }

    /** Returns true once a key has been set. */
    boolean hasKey() {
        return key != null;
    }

    /** Sets a copy of a 32-byte key and resets the nonce to zero, wiping any previous key. */
    void initializeKey(byte[] newKey) {
        Objects.requireNonNull(newKey, "newKey");
        if (newKey.length != ChaCha20Poly1305Aead.KEY_BYTES) {
            throw new IllegalArgumentException("key must be " + ChaCha20Poly1305Aead.KEY_BYTES + " bytes");
        }
        destroy();
        key = newKey.clone();
        nonce = 0;
    }

    /** Sets the next nonce (an unsigned 64-bit value); for tests of counter exhaustion only. */
    void setNonceForTest(long next) {
        nonce = next;
    }

    /** Returns the next nonce as an unsigned 64-bit value. */
    long nonce() {
        return nonce;
    }

    /** Returns {@code ciphertext || tag} under the next nonce, or a copy of the plaintext if there is no key. */
    byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] out = new byte[plaintext.length + (key == null ? 0 : ChaCha20Poly1305Aead.TAG_BYTES)];
        encryptWithAd(ad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /**
     * Returns the plaintext of {@code ciphertext || tag} under the next nonce, or a copy of the input if there is
     * no key. On authentication failure it throws and, as Noise requires, does not advance the nonce.
     */
    byte[] decryptWithAd(byte[] ad, byte[] ciphertext) throws GeneralSecurityException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        byte[] out = new byte[Math.max(0, ciphertext.length - (key == null ? 0 : ChaCha20Poly1305Aead.TAG_BYTES))];
        decryptWithAd(ad, ciphertext, 0, ciphertext.length, out, 0);
        return out;
    }

    /**
     * Writes {@code ciphertext || tag} of {@code in[inOff, inOff + length)} to {@code out} at {@code outOff} under
     * the next nonce (or copies the plaintext if there is no key) and returns the bytes written.
     */
    int encryptWithAd(byte[] ad, byte[] in, int inOff, int length, byte[] out, int outOff) {
        Objects.requireNonNull(ad, "ad");
        if (key == null) {
            System.arraycopy(in, inOff, out, outOff, length);
            return length;
        }
        checkNonceAvailable();
        int written = ChaCha20Poly1305Aead.seal(key, encodeNonce(nonce), ad, in, inOff, length, out, outOff);
        nonce++;
        return written;
    }

    /**
     * Decrypts {@code ciphertext || tag} in {@code in[inOff, inOff + length)} into {@code out} at {@code outOff}
     * under the next nonce (or copies the input if there is no key) and returns the bytes written. On
     * authentication failure it throws, leaves zeros in the output region and does not advance the nonce.
     */
    int decryptWithAd(byte[] ad, byte[] in, int inOff, int length, byte[] out, int outOff)
            throws GeneralSecurityException {
        Objects.requireNonNull(ad, "ad");
        if (key == null) {
            System.arraycopy(in, inOff, out, outOff, length);
            return length;
        }
        checkNonceAvailable();
        int written = ChaCha20Poly1305Aead.open(key, encodeNonce(nonce), ad, in, inOff, length, out, outOff);
        nonce++;
        return written;
    }

    /** Zeroes the key; the state then behaves as if it had no key. */
    void destroy() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
            key = null;
        }
    }

    private void checkNonceAvailable() {
        if (nonce == RESERVED_NONCE) {
            throw new IllegalStateException("nonce space exhausted; the session must be re-established");
        }
    }

    /** Returns the 12-byte ChaChaPoly nonce for {@code n}: 4 zero bytes then n as 64-bit little-endian. */
    static byte[] encodeNonce(long n) {
        byte[] out = new byte[ChaCha20Poly1305Aead.NONCE_BYTES];
        for (int i = 0; i < Long.BYTES; i++) {
            out[4 + i] = (byte) (n >>> (8 * i));
        }
        return out;
    }
}
