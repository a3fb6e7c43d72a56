package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/** The ChaCha20-Poly1305 AEAD of RFC 8439 with a 32-byte key, 12-byte nonce and 16-byte tag. */
final class ChaCha20Poly1305Aead {
    /** Key length. */
    static final int KEY_BYTES = 32;
    /** Nonce length. */
    static final int NONCE_BYTES = 12;
    /** Tag length, appended to the ciphertext. */
    static final int TAG_BYTES = 16;

    private ChaCha20Poly1305Aead() {
    }

    /** Returns {@code ciphertext || tag}, exactly {@code plaintext.length + 16} bytes. */
    static byte[] seal(byte[] key, byte[] nonce12, byte[] aad, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] out = new byte[plaintext.length + TAG_BYTES];
        seal(key, nonce12, aad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /**
     * Writes {@code ciphertext || tag} of {@code in[inOff, inOff + length)} to {@code out} at {@code outOff} and
     * returns its length, {@code length + 16}. The regions may be in the same array only if they do not overlap.
     */
    static int seal(byte[] key, byte[] nonce12, byte[] aad, byte[] in, int inOff, int length, byte[] out,
                    int outOff) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.checkFromIndexSize(inOff, length, in.length);
        Objects.checkFromIndexSize(outOff, length + TAG_BYTES, out.length);
        ChaCha20Poly1305 cipher = init(true, key, nonce12, aad);
        int n = cipher.processBytes(in, inOff, length, out, outOff);
        try {
            n += cipher.doFinal(out, outOff + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
        if (n != length + TAG_BYTES) {
            throw new IllegalStateException("unexpected ChaCha20-Poly1305 output length");
        }
        return n;
    }

    /**
     * Returns the plaintext of {@code ciphertext || tag}. The plaintext is decrypted into a private buffer and
     * only returned after the tag has been verified; on failure the buffer is wiped and AEADBadTagException is
     * thrown.
     */
    static byte[] open(byte[] key, byte[] nonce12, byte[] aad, byte[] ciphertext) throws GeneralSecurityException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        byte[] buffer = new byte[Math.max(0, ciphertext.length - TAG_BYTES)];
        open(key, nonce12, aad, ciphertext, 0, ciphertext.length, buffer, 0);
        return buffer;
    }

    /**
     * Decrypts {@code ciphertext || tag} in {@code in[inOff, inOff + length)} into {@code out} at {@code outOff}
     * and returns the plaintext length, {@code length - 16}. BC writes plaintext before it has checked the tag:
     * if the tag does not verify, the output region is wiped before AEADBadTagException is thrown, so no
     * unauthenticated plaintext is ever left in {@code out}. The regions may be in the same array only if they
     * do not overlap.
     */
    static int open(byte[] key, byte[] nonce12, byte[] aad, byte[] in, int inOff, int length, byte[] out,
                    int outOff) throws GeneralSecurityException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.checkFromIndexSize(inOff, length, in.length);
        ChaCha20Poly1305 cipher = init(false, key, nonce12, aad);
        if (length < TAG_BYTES) {
            throw new AEADBadTagException("ciphertext shorter than the tag");
        }
        int plaintextLength = length - TAG_BYTES;
        Objects.checkFromIndexSize(outOff, plaintextLength, out.length);
        try {
            int n = cipher.processBytes(in, inOff, length, out, outOff);
            n += cipher.doFinal(out, outOff + n);
            if (n != plaintextLength) {
                throw new IllegalStateException("unexpected ChaCha20-Poly1305 output length");
            }
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, outOff, outOff + plaintextLength, (byte) 0);
            throw new AEADBadTagException("authentication failed");
        }
        return plaintextLength;
    }

    private static ChaCha20Poly1305 init(boolean encrypt, byte[] key, byte[] nonce, byte[] aad) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(aad, "aad");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("key must be " + KEY_BYTES + " bytes");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalArgumentException("nonce must be " + NONCE_BYTES + " bytes");
        }
        ChaCha20Poly1305 cipher = new ChaCha20Poly1305();
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce, aad));
        return cipher;
    }
}
