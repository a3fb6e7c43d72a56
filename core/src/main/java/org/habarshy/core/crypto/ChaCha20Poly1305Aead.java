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
        ChaCha20Poly1305 cipher = init(true, key, nonce12, aad);
        byte[] out = new byte[plaintext.length + TAG_BYTES];
        int n = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("ChaCha20-Poly1305 encryption failed", e);
        }
        if (n != out.length) {
            throw new IllegalStateException("unexpected ChaCha20-Poly1305 output length");
        }
        return out;
    }

    /**
     * Returns the plaintext of {@code ciphertext || tag}. The plaintext is decrypted into a private buffer and
     * only returned after the tag has been verified; on failure the buffer is wiped and AEADBadTagException is
     * thrown.
     */
    static byte[] open(byte[] key, byte[] nonce12, byte[] aad, byte[] ciphertext) throws GeneralSecurityException {
        Objects.requireNonNull(ciphertext, "ciphertext");
        ChaCha20Poly1305 cipher = init(false, key, nonce12, aad);
        if (ciphertext.length < TAG_BYTES) {
            throw new AEADBadTagException("ciphertext shorter than the tag");
        }
        byte[] buffer = new byte[ciphertext.length - TAG_BYTES];
        try {
            int n = cipher.processBytes(ciphertext, 0, ciphertext.length, buffer, 0);
            n += cipher.doFinal(buffer, n);
            if (n != buffer.length) {
                throw new IllegalStateException("unexpected ChaCha20-Poly1305 output length");
            }
        } catch (InvalidCipherTextException e) {
            Arrays.fill(buffer, (byte) 0);
            throw new AEADBadTagException("authentication failed");
        }
        return buffer;
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
