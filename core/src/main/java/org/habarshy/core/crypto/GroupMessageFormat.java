package org.habarshy.core.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * Layout of a group message envelope, version 1, kind 0x04 (docs/PROTOCOL.md §11.5; integers big-endian):
 * <pre>
 * offset  size  field
 * 0       1     version = 0x01
 * 1       1     kind = 0x04
 * 2       8     created_at uint64, Unix ms
 * 10      8     expires_at uint64, Unix ms, &gt; created_at
 * 18      16    chain tag
 * 34      4     iteration uint32
 * 38      n     ChaCha20-Poly1305 ciphertext || tag, ad = bytes[0, 38)
 * 38+n    64    Ed25519 signature of the chain's signing key over bytes[0, 38+n)
 * </pre>
 * Holds constants and parses the public header; no cryptography.
 */
public final class GroupMessageFormat {
    /** Envelope kind of a group message. */
    public static final int KIND_GROUP = 0x04;
    /** Header length (also the AEAD associated data). */
    public static final int HEADER_BYTES = 38;
    /** Length of the chain tag. */
    public static final int TAG_BYTES = 16;
    /** Smallest padded plaintext. */
    static final int MIN_PLAINTEXT_BYTES = 128;
    /** Padded plaintexts are a multiple of this. */
    static final int PADDING_BLOCK = 64;
    /** Smallest group message: header, 128-byte plaintext, AEAD tag, signature. */
    public static final int MIN_BYTES = HEADER_BYTES + MIN_PLAINTEXT_BYTES + 16 + SigningKeyPair.SIGNATURE_BYTES;
    /** Largest group message (the envelope limit). */
    public static final int MAX_BYTES = EnvelopeFormat.MAX_BYTES;
    /** Largest body a group message carries (128 KiB; a text is at most 64 KiB). */
    public static final int MAX_BODY_BYTES = 131_072;

    static final int OFFSET_TAG = 18;
    static final int OFFSET_ITERATION = 34;

    private GroupMessageFormat() {
    }

    /** The public fields of a group message. */
    public record Header(long createdAt, long expiresAt, byte[] chainTag, long iteration) {
        /** Copies the tag. */
        public Header {
            chainTag = chainTag.clone();
        }

        /** Returns a copy of the chain tag. */
        @Override
        public byte[] chainTag() {
            return chainTag.clone();
        }
    }

    /**
     * Parses the header of a group message; throws SenderKeyException (MALFORMED) if the bytes are not a
     * version-1 kind-4 envelope of 206..262,144 bytes whose timestamps are valid.
     */
    public static Header parse(byte[] envelope) throws SenderKeyException {
        Objects.requireNonNull(envelope, "envelope");
        if (envelope.length < MIN_BYTES || envelope.length > MAX_BYTES) {
            throw new SenderKeyException(SenderKeyException.Reason.MALFORMED,
                    "group message length out of range: " + envelope.length);
        }
        EnvelopeHeader header;
        try {
            header = EnvelopeFormat.parseHeader(envelope);
        } catch (MalformedEnvelopeException e) {
            throw new SenderKeyException(SenderKeyException.Reason.MALFORMED, e.getMessage());
        }
        if (!isGroupMessage(header)) {
            throw new SenderKeyException(SenderKeyException.Reason.MALFORMED, "not a group message");
        }
        long iteration = 0;
        for (int i = 0; i < 4; i++) {
            iteration = (iteration << 8) | (envelope[OFFSET_ITERATION + i] & 0xFFL);
        }
        return new Header(header.createdAt(), header.expiresAt(),
                Arrays.copyOfRange(envelope, OFFSET_TAG, OFFSET_TAG + TAG_BYTES), iteration);
    }

    /** Returns true if {@code header} is that of a version-1 group message (kind 0x04). */
    public static boolean isGroupMessage(EnvelopeHeader header) {
        return header.version() == EnvelopeFormat.VERSION && header.kind() == KIND_GROUP;
    }

    /** Returns the padded plaintext length for a body of {@code bodyLength} bytes. */
    static int paddedLength(int bodyLength) {
        int needed = 4 + bodyLength;
        int blocks = (needed + PADDING_BLOCK - 1) / PADDING_BLOCK;
        return Math.max(MIN_PLAINTEXT_BYTES, blocks * PADDING_BLOCK);
    }
}
