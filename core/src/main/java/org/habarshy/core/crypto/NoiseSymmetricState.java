package org.habarshy.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * A Noise SymmetricState (spec rev 34, section 5.2) for SHA256: chaining key ck, handshake hash h and a
 * CipherState. Noise's HKDF(ck, ikm, n) is RFC 5869 HKDF-SHA256 with salt = ck, empty info and n * 32 bytes
 * of output, which is exactly how {@link Hkdf} is used here.
 */
final class NoiseSymmetricState {
    private static final int HASH_BYTES = 32;
    private static final byte[] EMPTY = new byte[0];

    private final NoiseCipherState cipher = new NoiseCipherState();
    private byte[] chainingKey;
    private byte[] hash;

    /** InitializeSymmetric: h = protocol name padded with zeros (or hashed if longer than 32 bytes); ck = h. */
    NoiseSymmetricState(String protocolName) {
        byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
        hash = name.length <= HASH_BYTES ? Arrays.copyOf(name, HASH_BYTES) : sha256(name);
        chainingKey = hash.clone();
    }

    /** MixKey: ck, k = HKDF(ck, ikm, 2); sets k on the CipherState. */
    void mixKey(byte[] inputKeyMaterial) {
        byte[] out = Hkdf.sha256(inputKeyMaterial, chainingKey, EMPTY, 2 * HASH_BYTES);
        Arrays.fill(chainingKey, (byte) 0);
        chainingKey = Arrays.copyOfRange(out, 0, HASH_BYTES);
        byte[] key = Arrays.copyOfRange(out, HASH_BYTES, 2 * HASH_BYTES);
        cipher.initializeKey(key);
        Arrays.fill(key, (byte) 0);
        Arrays.fill(out, (byte) 0);
    }

    /** MixHash: h = SHA-256(h || data). */
    void mixHash(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(hash, 0, hash.length);
        digest.update(data, 0, data.length);
        byte[] next = new byte[HASH_BYTES];
        digest.doFinal(next, 0);
        hash = next;
    }

    /** EncryptAndHash: encrypts with h as associated data (plaintext passes if no key yet), then mixes it in. */
    byte[] encryptAndHash(byte[] plaintext) {
        byte[] ciphertext = cipher.encryptWithAd(hash, plaintext);
        mixHash(ciphertext);
        return ciphertext;
    }

    /** DecryptAndHash: decrypts with h as associated data, then mixes the ciphertext in. */
    byte[] decryptAndHash(byte[] ciphertext) throws GeneralSecurityException {
        byte[] plaintext = cipher.decryptWithAd(hash, ciphertext);
        mixHash(ciphertext);
        return plaintext;
    }

    /** Returns a copy of h. */
    byte[] handshakeHash() {
        return hash.clone();
    }

    /**
     * Split: k1, k2 = HKDF(ck, empty, 2). Returns the transport for one side: the initiator sends with k1 and
     * receives with k2, the responder the other way round. Wipes ck and the handshake CipherState.
     */
    NoiseTransport split(boolean initiator) {
        byte[] out = Hkdf.sha256(EMPTY, chainingKey, EMPTY, 2 * HASH_BYTES);
        byte[] k1 = Arrays.copyOfRange(out, 0, HASH_BYTES);
        byte[] k2 = Arrays.copyOfRange(out, HASH_BYTES, 2 * HASH_BYTES);
        NoiseCipherState c1 = new NoiseCipherState();
        c1.initializeKey(k1);
        NoiseCipherState c2 = new NoiseCipherState();
        c2.initializeKey(k2);
        Arrays.fill(k1, (byte) 0);
        Arrays.fill(k2, (byte) 0);
        Arrays.fill(out, (byte) 0);
        destroy();
        return initiator ? new NoiseTransport(c1, c2) : new NoiseTransport(c2, c1);
    }

    /** Zeroes ck and the handshake key; h is kept for {@link #handshakeHash()}. */
    void destroy() {
        Arrays.fill(chainingKey, (byte) 0);
        cipher.destroy();
    }

    private static byte[] sha256(byte[] data) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[HASH_BYTES];
        digest.doFinal(out, 0);
        return out;
    }
}
