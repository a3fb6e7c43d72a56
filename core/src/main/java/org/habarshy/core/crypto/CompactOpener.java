package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.habarshy.core.api.identity.AgreementKey;

/**
 * Opens compact messages ({@link CompactFormat}) sealed to one key by one of a set of known senders. For each
 * candidate sender it derives the key and hint; only a matching hint (compared in constant time) leads to an AEAD
 * check, and the plaintext is returned only after the tag verified. Thread-safe.
 */
public final class CompactOpener {
    private final AgreementKeyPair recipient;
    private final byte[] recipientPublic;

    /** Creates an opener for compact messages sealed to {@code recipient}'s public key. */
    public CompactOpener(AgreementKeyPair recipient) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.recipientPublic = recipient.publicKey().bytes();
    }

    /**
     * Returns the opened message, or empty if no candidate sender authenticates it (not for us, unknown sender, or
     * tampered). Throws MalformedEnvelopeException if the bytes cannot be a compact message.
     */
    public Optional<OpenedCompact> open(byte[] message, Collection<AgreementKey> candidateSenders)
            throws MalformedEnvelopeException {
        Objects.requireNonNull(candidateSenders, "candidateSenders");
        byte[] copy = message == null ? null : message.clone();
        CompactFormat.CompactHeader header = CompactFormat.parseHeader(copy);
        byte[] headerBytes = Arrays.copyOfRange(copy, 0, CompactFormat.HEADER_BYTES);
        byte[] salt = Arrays.copyOfRange(copy, CompactFormat.OFFSET_SALT,
                CompactFormat.OFFSET_SALT + CompactFormat.SALT_BYTES);
        byte[] hint = Arrays.copyOfRange(copy, CompactFormat.OFFSET_HINT,
                CompactFormat.OFFSET_HINT + CompactFormat.HINT_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(copy, CompactFormat.HEADER_BYTES, copy.length);
        for (AgreementKey sender : candidateSenders) {
            Optional<byte[]> plaintext = tryOpen(sender, headerBytes, salt, hint, ciphertext);
            if (plaintext.isPresent()) {
                return Optional.of(new OpenedCompact(sender, plaintext.get(), header.createdAt(), header.expiresAt()));
            }
        }
        return Optional.empty();
    }

    private Optional<byte[]> tryOpen(AgreementKey sender, byte[] headerBytes, byte[] salt, byte[] hint,
            byte[] ciphertext) {
        byte[] senderPublic = sender.bytes();
        byte[] okm;
        try {
            byte[] shared = recipient.agree(senderPublic);
            try {
                okm = CompactCipher.derive(shared, salt, senderPublic, recipientPublic);
            } finally {
                Arrays.fill(shared, (byte) 0);
            }
        } catch (InvalidKeyException lowOrder) {
            return Optional.empty();
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException(unexpected);
        }
        byte[] key = CompactCipher.key(okm);
        try {
            if (!MessageDigest.isEqual(CompactCipher.hint(okm), hint)) {
                return Optional.empty();
            }
            return Optional.of(ChaCha20Poly1305Aead.open(key, CompactCipher.ZERO_NONCE, headerBytes, ciphertext));
        } catch (AEADBadTagException wrongKeyOrTampered) {
            return Optional.empty();
        } catch (GeneralSecurityException unexpected) {
            throw new IllegalStateException(unexpected);
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(okm, (byte) 0);
        }
    }
}
