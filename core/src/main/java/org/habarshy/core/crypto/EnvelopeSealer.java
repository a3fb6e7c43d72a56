package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.api.identity.AgreementKey;

/**
 * Seals content to one recipient as a version-1 envelope (see {@link EnvelopeFormat}). The plaintext is
 * {@code senderIdentityKey(32) || senderAgreementKey(32) || signature(64) || content}, where the signature is
 * described in {@link EnvelopeSignature}; every envelope uses a fresh ephemeral X25519 key. Thread-safe.
 */
public final class EnvelopeSealer {
    private final SigningKeyPair sender;
    private final AgreementKeyPair senderAgreement;
    private final SecureRandom random;

    /** Creates a sealer for one sender; {@code random} supplies the ephemeral keys. */
    public EnvelopeSealer(SigningKeyPair sender, AgreementKeyPair senderAgreement, SecureRandom random) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.senderAgreement = Objects.requireNonNull(senderAgreement, "senderAgreement");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Returns the sealed envelope. Throws IllegalArgumentException if content exceeds
     * {@link EnvelopeFormat#MAX_CONTENT_BYTES}, createdAt is negative, expiresAt is not after createdAt, or the
     * recipient key is a low-order point.
     */
    public byte[] seal(AgreementKey recipient, byte[] content, long createdAt, long expiresAt) {
        checkArguments(recipient, content, createdAt, expiresAt);
        AgreementKeyPair ephemeral = AgreementKeyPair.generate(random);
        try {
            return seal(recipient, content, createdAt, expiresAt, ephemeral);
        } finally {
            ephemeral.destroy();
        }
    }

    /** Returns the envelope sealed with a given ephemeral key; for golden-vector tests only. */
    byte[] seal(AgreementKey recipient, byte[] content, long createdAt, long expiresAt, AgreementKeyPair ephemeral) {
        checkArguments(recipient, content, createdAt, expiresAt);
        byte[] header = EnvelopeFormat.encodeHeader(EnvelopeFormat.VERSION, EnvelopeFormat.KIND_SEALED, createdAt,
                expiresAt, ephemeral.publicKey().bytes());
        byte[] recipientPublic = recipient.bytes();
        byte[] signature = sender.sign(EnvelopeSignature.message(header, recipientPublic,
                senderAgreement.publicKey().bytes(), content));
        byte[] plaintext = Concatenation.of(sender.publicKey().bytes(), senderAgreement.publicKey().bytes(), signature,
                content);
        try {
            return encrypt(header, ephemeral, recipientPublic, plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Returns {@code header || AEAD(plaintext)} for an arbitrary plaintext; lets tests build envelopes with a
     * forged signature. The header must already contain the ephemeral public key.
     */
    static byte[] encrypt(byte[] header, AgreementKeyPair ephemeral, byte[] recipientPublic, byte[] plaintext) {
        byte[] shared;
        try {
            shared = ephemeral.agree(recipientPublic);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("recipient agreement key is a low-order point", e);
        }
        try {
            return Concatenation.of(header, EnvelopeCipher.encrypt(shared, header, recipientPublic, plaintext));
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }

    private static void checkArguments(AgreementKey recipient, byte[] content, long createdAt, long expiresAt) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(content, "content");
        if (content.length > EnvelopeFormat.MAX_CONTENT_BYTES) {
            throw new IllegalArgumentException("content exceeds " + EnvelopeFormat.MAX_CONTENT_BYTES + " bytes");
        }
        if (createdAt < 0) {
            throw new IllegalArgumentException("createdAt must not be negative");
        }
        if (expiresAt <= createdAt) {
            throw new IllegalArgumentException("expiresAt must be after createdAt");
        }
    }
}
