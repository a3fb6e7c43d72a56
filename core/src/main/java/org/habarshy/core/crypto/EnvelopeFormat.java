package org.habarshy.core.crypto;

import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * Layout of a sealed envelope, version 1 (all integers big-endian):
 * <pre>
 * offset size  field
 * 0      1     version = 0x01
 * 1      1     kind = 0x01 (sealed to one recipient)
 * 2      8     createdAt, uint64, Unix ms
 * 10     8     expiresAt, uint64, Unix ms, &gt; createdAt
 * 18     32    ephemeral X25519 public key
 * 50     n     ChaCha20-Poly1305 ciphertext || tag, aad = bytes[0..50)
 * </pre>
 * This class holds the constants and parses the header; it does no cryptography.
 */
public final class EnvelopeFormat {
    /** The only version this code opens. */
    public static final int VERSION = 1;
    /** The only kind this code opens: sealed to one recipient. */
    public static final int KIND_SEALED = 1;
    /** Length of the header, which is also the AEAD associated data. */
    public static final int HEADER_BYTES = 50;
    /** Smallest version-1 envelope: header, 128-byte plaintext prefix, tag. */
    public static final int MIN_BYTES = 194;
    /** Largest envelope of any version. */
    public static final int MAX_BYTES = 262_144;
    /** Largest content a version-1 envelope can carry. */
    public static final int MAX_CONTENT_BYTES = MAX_BYTES - MIN_BYTES;

    static final int OFFSET_VERSION = 0;
    static final int OFFSET_KIND = 1;
    static final int OFFSET_CREATED_AT = 2;
    static final int OFFSET_EXPIRES_AT = 10;
    static final int OFFSET_EPHEMERAL_KEY = 18;
    /** Length of the sender fields and signature at the start of the plaintext. */
    static final int PLAINTEXT_PREFIX_BYTES = 32 + 32 + 64;

    private EnvelopeFormat() {
    }

    /**
     * Returns the header of {@code envelope}. Throws MalformedEnvelopeException if it is shorter than 50 or
     * longer than {@link #MAX_BYTES} bytes, if a timestamp exceeds 2^63-1 or expiresAt is not after createdAt,
     * or if a supported (version 1, kind 1) envelope is shorter than {@link #MIN_BYTES}. Unknown versions and
     * kinds are parsed with the same prefix layout and returned with {@code supported() == false}.
     */
    public static EnvelopeHeader parseHeader(byte[] envelope) throws MalformedEnvelopeException {
        Objects.requireNonNull(envelope, "envelope");
        if (envelope.length < HEADER_BYTES || envelope.length > MAX_BYTES) {
            throw new MalformedEnvelopeException("envelope length out of range: " + envelope.length);
        }
        int version = envelope[OFFSET_VERSION] & 0xFF;
        int kind = envelope[OFFSET_KIND] & 0xFF;
        long createdAt = readLong(envelope, OFFSET_CREATED_AT);
        long expiresAt = readLong(envelope, OFFSET_EXPIRES_AT);
        if (createdAt < 0 || expiresAt < 0) {
            throw new MalformedEnvelopeException("timestamp out of range");
        }
        if (expiresAt <= createdAt) {
            throw new MalformedEnvelopeException("expiresAt must be after createdAt");
        }
        EnvelopeHeader header = new EnvelopeHeader(version, kind, createdAt, expiresAt);
        if (header.supported() && envelope.length < MIN_BYTES) {
            throw new MalformedEnvelopeException("envelope too short: " + envelope.length);
        }
        return header;
    }

    /** Returns the envelope's id: {@code Hashing.sha256(DomainLabels.ENVELOPE_ID, envelope)}. */
    public static EnvelopeId idOf(byte[] envelope) {
        Objects.requireNonNull(envelope, "envelope");
        return new EnvelopeId(Hashing.sha256(DomainLabels.ENVELOPE_ID, envelope));
    }

    /** Returns the 50 header bytes for the given fields and ephemeral public key. */
    static byte[] encodeHeader(int version, int kind, long createdAt, long expiresAt, byte[] ephemeralPublic) {
        byte[] header = new byte[HEADER_BYTES];
        header[OFFSET_VERSION] = (byte) version;
        header[OFFSET_KIND] = (byte) kind;
        writeLong(header, OFFSET_CREATED_AT, createdAt);
        writeLong(header, OFFSET_EXPIRES_AT, expiresAt);
        System.arraycopy(ephemeralPublic, 0, header, OFFSET_EPHEMERAL_KEY, AgreementKeyPair.PUBLIC_KEY_BYTES);
        return header;
    }

    private static long readLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (bytes[offset + i] & 0xFFL);
        }
        return value;
    }

    private static void writeLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * (Long.BYTES - 1 - i)));
        }
    }
}
