package org.habarshy.core.crypto;

/**
 * Layout of a compact sealed message, version 1: the SMS-sized alternative to the sealed envelope, for a sender and
 * a recipient that know each other's X25519 keys. Static-static X25519 authenticates the sender implicitly (no
 * signature, no ephemeral key), which saves 112 bytes; the trade-offs are in docs/THREAT_MODEL.md.
 *
 * <pre>
 * offset size field
 * 0      1    version = 0xC1
 * 1      4    created_at, uint32 minutes since the Unix epoch
 * 5      1    lifetime, hours (1..255); expires_at = created_at + lifetime
 * 6      8    salt, random per message
 * 14     2    hint = okm[32..34), lets the recipient find the sender's key without trial decryption
 * 16     n    ChaCha20-Poly1305(key = okm[0..32), nonce = 12 zero bytes, ad = bytes [0, 16)) || 16-byte tag
 * okm = HKDF-SHA256(ikm = X25519(sender, recipient), salt = salt,
 *                   info = UTF8("habarshy/v1/compact-key") || 0x00 || senderPublic || recipientPublic, L = 34)
 * </pre>
 */
public final class CompactFormat {
    /** The first byte of every version-1 compact message. */
    public static final byte VERSION = (byte) 0xC1;
    /** Bytes before the ciphertext. */
    public static final int HEADER_BYTES = 16;
    /** Bytes of the random salt. */
    public static final int SALT_BYTES = 8;
    /** Bytes of the sender hint. */
    public static final int HINT_BYTES = 2;
    /** Header plus tag: the fixed cost of a compact message. */
    public static final int OVERHEAD_BYTES = HEADER_BYTES + ChaCha20Poly1305Aead.TAG_BYTES;
    /** Largest plaintext accepted, so a whole compact message stays small. */
    public static final int MAX_PLAINTEXT_BYTES = 4096;
    /** Longest lifetime, in hours. */
    public static final int MAX_LIFETIME_HOURS = 255;

    static final int OFFSET_CREATED = 1;
    static final int OFFSET_LIFETIME = 5;
    static final int OFFSET_SALT = 6;
    static final int OFFSET_HINT = 14;
    static final long MINUTE_MS = 60_000L;
    static final long HOUR_MS = 3_600_000L;

    private CompactFormat() {
    }

    /**
     * Returns the public header fields of {@code message} (carriers use them to enforce expiry), or throws if it is
     * too short, too long, not version 1 or has a zero lifetime.
     */
    public static CompactHeader parseHeader(byte[] message) throws MalformedEnvelopeException {
        if (message == null || message.length < OVERHEAD_BYTES) {
            throw new MalformedEnvelopeException("compact message shorter than " + OVERHEAD_BYTES + " bytes");
        }
        if (message.length > OVERHEAD_BYTES + MAX_PLAINTEXT_BYTES) {
            throw new MalformedEnvelopeException("compact message longer than "
                    + (OVERHEAD_BYTES + MAX_PLAINTEXT_BYTES) + " bytes");
        }
        if (message[0] != VERSION) {
            throw new MalformedEnvelopeException("not a version-1 compact message");
        }
        long minutes = ((message[OFFSET_CREATED] & 0xFFL) << 24) | ((message[OFFSET_CREATED + 1] & 0xFFL) << 16)
                | ((message[OFFSET_CREATED + 2] & 0xFFL) << 8) | (message[OFFSET_CREATED + 3] & 0xFFL);
        int lifetime = message[OFFSET_LIFETIME] & 0xFF;
        if (lifetime == 0) {
            throw new MalformedEnvelopeException("compact message with zero lifetime");
        }
        long createdAt = minutes * MINUTE_MS;
        return new CompactHeader(createdAt, createdAt + lifetime * HOUR_MS);
    }

    /** Header fields in Unix milliseconds. */
    public record CompactHeader(long createdAt, long expiresAt) {
    }
}
