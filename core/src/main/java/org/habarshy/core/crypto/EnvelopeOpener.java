package org.habarshy.core.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * Opens version-1 envelopes sealed to one agreement key by trial decryption. The AEAD tag is verified before
 * any plaintext is used, and the sender's signature is verified before any content is returned. Thread-safe.
 */
public final class EnvelopeOpener {
    private static final int KEY_FIELD_BYTES = AgreementKeyPair.PUBLIC_KEY_BYTES;

    private final AgreementKeyPair recipient;
    private final byte[] recipientPublic;

    /** Creates an opener for envelopes sealed to {@code recipient}'s public key. */
    public EnvelopeOpener(AgreementKeyPair recipient) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.recipientPublic = recipient.publicKey().bytes();
    }

    /**
     * Returns the opened envelope, or empty if it is not addressed to us (the AEAD fails, or its ephemeral key is
     * a low-order point that no honest sender produces) or its version or kind is unsupported. Throws
     * GeneralSecurityException ("envelope rejected") if it decrypts but the sender signature is invalid, and
     * MalformedEnvelopeException if the bytes cannot be an envelope.
     */
    public Optional<OpenedEnvelope> open(byte[] envelope) throws GeneralSecurityException, MalformedEnvelopeException {
        EnvelopeFormat.parseHeader(envelope);
        return openCopy(envelope.clone());
    }

    /** Opens a private copy (checked for size first), so the id always matches the bytes that were authenticated. */
    private Optional<OpenedEnvelope> openCopy(byte[] envelope) throws GeneralSecurityException,
            MalformedEnvelopeException {
        EnvelopeHeader header = EnvelopeFormat.parseHeader(envelope);
        if (!header.supported()) {
            return Optional.empty();
        }
        byte[] headerBytes = Arrays.copyOfRange(envelope, 0, EnvelopeFormat.HEADER_BYTES);
        byte[] ephemeralPublic = Arrays.copyOfRange(headerBytes, EnvelopeFormat.OFFSET_EPHEMERAL_KEY,
                EnvelopeFormat.HEADER_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(envelope, EnvelopeFormat.HEADER_BYTES, envelope.length);
        byte[] plaintext;
        try {
            byte[] shared = recipient.agree(ephemeralPublic);
            try {
                plaintext = EnvelopeCipher.decrypt(shared, headerBytes, recipientPublic, ciphertext);
            } finally {
                Arrays.fill(shared, (byte) 0);
            }
        } catch (AEADBadTagException | InvalidKeyException notForUs) {
            return Optional.empty();
        }
        try {
            return Optional.of(verified(envelope, header, headerBytes, plaintext));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private OpenedEnvelope verified(byte[] envelope, EnvelopeHeader header, byte[] headerBytes, byte[] plaintext)
            throws GeneralSecurityException {
        IdentityKey sender = new IdentityKey(Arrays.copyOfRange(plaintext, 0, KEY_FIELD_BYTES));
        AgreementKey senderAgreement =
                new AgreementKey(Arrays.copyOfRange(plaintext, KEY_FIELD_BYTES, 2 * KEY_FIELD_BYTES));
        byte[] signature = Arrays.copyOfRange(plaintext, 2 * KEY_FIELD_BYTES, EnvelopeFormat.PLAINTEXT_PREFIX_BYTES);
        byte[] content = Arrays.copyOfRange(plaintext, EnvelopeFormat.PLAINTEXT_PREFIX_BYTES, plaintext.length);
        try {
            SignatureVerifier.verify(sender, EnvelopeSignature.message(headerBytes, recipientPublic,
                    senderAgreement.bytes(), content),
                    signature);
        } catch (GeneralSecurityException e) {
            Arrays.fill(content, (byte) 0);
            throw new GeneralSecurityException("envelope rejected: invalid sender signature", e);
        }
        return new OpenedEnvelope(EnvelopeFormat.idOf(envelope), sender, senderAgreement, content,
                header.createdAt(), header.expiresAt());
    }
}
