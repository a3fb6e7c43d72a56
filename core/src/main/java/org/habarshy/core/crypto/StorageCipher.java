package org.habarshy.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * Encrypts fields of the local database (message text, ratchet session states) under a key derived from the
 * identity X25519 private key: {@code HKDF(ikm = identity private key, salt = empty, info =
 * UTF8("habarshy/v1/storage-key"), 32)}. A sealed field is {@code version (1) = 1 || nonce (12) || ciphertext ||
 * tag (16)}, with associated data {@code UTF8("habarshy/v1/storage") || 0x00 || context}, where the context names
 * the row and column so that sealed fields cannot be swapped between rows. Nonces are random. The data is thus as
 * well protected as the identity file: by the passphrase, if one is set. Thread-safe.
 */
public final class StorageCipher {
    /** HKDF info of the storage key. */
    static final String KEY_INFO = "habarshy/v1/storage-key";
    /** Label that starts the associated data of every sealed field. */
    static final String AD_LABEL = "habarshy/v1/storage";
    /** Version byte of a sealed field. */
    static final int VERSION = 1;
    /** Bytes a sealed field adds to its plaintext. */
    public static final int OVERHEAD = 1 + ChaCha20Poly1305Aead.NONCE_BYTES + ChaCha20Poly1305Aead.TAG_BYTES;

    private final byte[] key;
    private final SecureRandom random;

    private StorageCipher(byte[] key, SecureRandom random) {
        this.key = key;
        this.random = random;
    }

    /** Derives the storage cipher of the identity whose X25519 key pair is {@code identity}. */
    public static StorageCipher of(AgreementKeyPair identity, SecureRandom random) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(random, "random");
        byte[] secret = identity.exportPrivateKey();
        byte[] key = Hkdf.sha256(secret, new byte[0], KEY_INFO.getBytes(StandardCharsets.UTF_8),
                ChaCha20Poly1305Aead.KEY_BYTES);
        Arrays.fill(secret, (byte) 0);
        return new StorageCipher(key, random);
    }

    /** Returns {@code plaintext} sealed for the row and column named by {@code context}. */
    public byte[] seal(byte[] context, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[ChaCha20Poly1305Aead.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] out = new byte[OVERHEAD + plaintext.length];
        out[0] = VERSION;
        System.arraycopy(nonce, 0, out, 1, nonce.length);
        ChaCha20Poly1305Aead.seal(key, nonce, associatedData(context), plaintext, 0, plaintext.length, out,
                1 + nonce.length);
        return out;
    }

    /**
     * Returns the plaintext of a field sealed for {@code context}; throws GeneralSecurityException if it is damaged,
     * was sealed for another row, or under another identity.
     */
    public byte[] open(byte[] context, byte[] sealed) throws GeneralSecurityException {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < OVERHEAD || sealed[0] != VERSION) {
            throw new AEADBadTagException("not a sealed field of version " + VERSION);
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + ChaCha20Poly1305Aead.NONCE_BYTES);
        byte[] plaintext = new byte[sealed.length - OVERHEAD];
        ChaCha20Poly1305Aead.open(key, nonce, associatedData(context), sealed, 1 + nonce.length,
                sealed.length - 1 - nonce.length, plaintext, 0);
        return plaintext;
    }

    private static byte[] associatedData(byte[] context) {
        Objects.requireNonNull(context, "context");
        return Concatenation.of(AD_LABEL.getBytes(StandardCharsets.UTF_8), new byte[1], context);
    }

    @Override
    public String toString() {
        return "StorageCipher[key hidden]";
    }
}
