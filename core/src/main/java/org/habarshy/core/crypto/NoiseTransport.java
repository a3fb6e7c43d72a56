package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;

/**
 * The post-handshake transport of a Noise session: one CipherState per direction with 64-bit counter nonces
 * and no associated data. Messages may exceed Noise's 65535-byte limit (link frames are larger). The counter
 * never wraps: after 2^64-1 messages in one direction every call throws IllegalStateException. Not thread-safe;
 * confine each instance to one thread, such as the connection's event loop.
 */
public final class NoiseTransport {
    /** Bytes a ciphertext is longer than its plaintext (the Poly1305 tag). */
    public static final int OVERHEAD_BYTES = ChaCha20Poly1305Aead.TAG_BYTES;

    private static final byte[] NO_AD = new byte[0];

    private final NoiseCipherState send;
    private final NoiseCipherState receive;

    NoiseTransport(NoiseCipherState send, NoiseCipherState receive) {
        this.send = send;
        this.receive = receive;
    }

    /** Returns the ciphertext of {@code plaintext} (which may be empty), {@code plaintext.length + 16} bytes. */
    public byte[] encrypt(byte[] plaintext) {
        return send.encryptWithAd(NO_AD, plaintext);
    }

    /**
     * Returns the plaintext of the next message from the peer. Throws GeneralSecurityException if it is
     * shorter than 16 bytes or fails authentication (tampered, reordered, replayed or dropped messages); the
     * receive counter is then not advanced, and the caller should close the connection.
     */
    public byte[] decrypt(byte[] ciphertext) throws GeneralSecurityException {
        return receive.decryptWithAd(NO_AD, ciphertext);
    }

    /**
     * Writes the ciphertext of {@code plaintext[offset, offset + length)} to {@code out} at {@code outOffset}
     * and returns its length, {@code length + 16}. Lets the link encrypt between pooled buffers without copies.
     */
    public int encrypt(byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
        return send.encryptWithAd(NO_AD, plaintext, offset, length, out, outOffset);
    }

    /**
     * Decrypts the next message from the peer, {@code ciphertext[offset, offset + length)}, into {@code out} at
     * {@code outOffset} and returns the plaintext length, {@code length - 16}. On failure, as
     * {@link #decrypt(byte[])}, it throws GeneralSecurityException without advancing the receive counter, and
     * the output region holds zeros, never unauthenticated plaintext.
     */
    public int decrypt(byte[] ciphertext, int offset, int length, byte[] out, int outOffset)
            throws GeneralSecurityException {
        return receive.decryptWithAd(NO_AD, ciphertext, offset, length, out, outOffset);
    }

    /** Returns the sending CipherState; for tests. */
    NoiseCipherState sendState() {
        return send;
    }

    /** Returns the receiving CipherState; for tests. */
    NoiseCipherState receiveState() {
        return receive;
    }
}
