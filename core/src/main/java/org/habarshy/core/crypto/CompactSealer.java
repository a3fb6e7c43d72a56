package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.api.identity.AgreementKey;

/**
 * Seals a plaintext from one sender to one recipient as a compact message ({@link CompactFormat}): static-static
 * X25519, a random 8-byte salt per message, 32 bytes of overhead in total. The salt is drawn here, never supplied
 * by the caller. Thread-safe.
 */
public final class CompactSealer {
    private final AgreementKeyPair sender;
    private final SecureRandom random;

    /** Creates a sealer for the sender's X25519 key pair. */
    public CompactSealer(AgreementKeyPair sender, SecureRandom random) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Returns the compact message. {@code createdAt} is rounded down to the minute; the message expires
     * {@code lifetimeHours} (1..255) later. Throws IllegalArgumentException for a plaintext over
     * {@link CompactFormat#MAX_PLAINTEXT_BYTES}, a time outside uint32 minutes, or a low-order recipient key.
     */
    public byte[] seal(AgreementKey recipient, byte[] plaintext, long createdAt, int lifetimeHours) {
        byte[] salt = new byte[CompactFormat.SALT_BYTES];
        random.nextBytes(salt);
        return seal(recipient, plaintext, createdAt, lifetimeHours, salt);
    }

    /** Returns the message sealed with a given salt; for golden-vector tests only. */
    byte[] seal(AgreementKey recipient, byte[] plaintext, long createdAt, int lifetimeHours, byte[] salt) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(plaintext, "plaintext");
        if (plaintext.length > CompactFormat.MAX_PLAINTEXT_BYTES) {
            throw new IllegalArgumentException("plaintext exceeds " + CompactFormat.MAX_PLAINTEXT_BYTES + " bytes");
        }
        if (lifetimeHours < 1 || lifetimeHours > CompactFormat.MAX_LIFETIME_HOURS) {
            throw new IllegalArgumentException("lifetime must be 1.." + CompactFormat.MAX_LIFETIME_HOURS + " hours");
        }
        long minutes = Math.floorDiv(createdAt, CompactFormat.MINUTE_MS);
        if (minutes < 0 || minutes > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("createdAt outside the uint32 minute range");
        }
        byte[] recipientPublic = recipient.bytes();
        byte[] okm = deriveFor(recipientPublic, salt);
        try {
            byte[] header = new byte[CompactFormat.HEADER_BYTES];
            header[0] = CompactFormat.VERSION;
            for (int i = 0; i < 4; i++) {
                header[CompactFormat.OFFSET_CREATED + i] = (byte) (minutes >>> (24 - 8 * i));
            }
            header[CompactFormat.OFFSET_LIFETIME] = (byte) lifetimeHours;
            System.arraycopy(salt, 0, header, CompactFormat.OFFSET_SALT, CompactFormat.SALT_BYTES);
            System.arraycopy(CompactCipher.hint(okm), 0, header, CompactFormat.OFFSET_HINT, CompactFormat.HINT_BYTES);
            byte[] key = CompactCipher.key(okm);
            try {
                return Concatenation.of(header,
                        ChaCha20Poly1305Aead.seal(key, CompactCipher.ZERO_NONCE, header, plaintext));
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } finally {
            Arrays.fill(okm, (byte) 0);
        }
    }

    private byte[] deriveFor(byte[] recipientPublic, byte[] salt) {
        byte[] shared;
        try {
            shared = sender.agree(recipientPublic);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("recipient agreement key is a low-order point", e);
        }
        try {
            return CompactCipher.derive(shared, salt, sender.publicKey().bytes(), recipientPublic);
        } finally {
            Arrays.fill(shared, (byte) 0);
        }
    }
}
