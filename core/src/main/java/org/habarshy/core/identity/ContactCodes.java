package org.habarshy.core.identity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.crypto.DomainLabels;
import org.habarshy.core.crypto.Hashing;
import org.habarshy.core.crypto.SignatureVerifier;
import org.habarshy.core.wire.ContactCardCodec;
import org.habarshy.core.wire.MalformedRecordException;
import org.habarshy.core.wire.SignedCard;

/**
 * Turns a signed contact card into a one-line text code and back.
 *
 * <pre>
 * code     = "HB1" base32( signed || checksum )          (RFC 4648 alphabet, no padding)
 * signed   = habarshy.v1.SignedContactCard bytes
 * checksum = first 4 bytes of Hashing.sha256("habarshy/v1/contact-code", signed)
 * </pre>
 * The checksum catches typing mistakes; the card's Ed25519 self-signature catches tampering.
 */
public final class ContactCodes {
    /** Prefix (and format version) of every code. */
    public static final String PREFIX = "HB1";
    private static final int CHECKSUM_BYTES = 4;
    private static final int MAX_CODE_CHARS = 1024;

    private final ContactCardCodec codec = new ContactCardCodec();

    /** Creates the encoder; it holds no state. */
    public ContactCodes() {
    }

    /** Returns the contact code of {@code keys}' card, signed by its identity key. */
    public String encode(IdentityKeys keys) {
        byte[] card = codec.encodeCard(keys.card());
        byte[] signature = keys.signing().sign(signingInput(card));
        byte[] signed = codec.encodeSigned(card, signature);
        byte[] checksum = checksum(signed);
        byte[] payload = Arrays.copyOf(signed, signed.length + CHECKSUM_BYTES);
        System.arraycopy(checksum, 0, payload, signed.length, CHECKSUM_BYTES);
        return PREFIX + Base32.encode(payload);
    }

    /** Decodes and verifies a code, or says in words why it cannot be used. */
    public ContactCard decode(String code) throws InvalidContactCodeException {
        String trimmed = code.strip();
        if (trimmed.length() > MAX_CODE_CHARS) {
            throw new InvalidContactCodeException("contact code is too long");
        }
        if (!trimmed.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw new InvalidContactCodeException("not a Habarshy contact code (it should start with " + PREFIX + ")");
        }
        byte[] payload;
        try {
            payload = Base32.decode(trimmed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidContactCodeException("contact code is mistyped: " + e.getMessage());
        }
        if (payload.length <= CHECKSUM_BYTES) {
            throw new InvalidContactCodeException("contact code is too short");
        }
        byte[] signed = Arrays.copyOf(payload, payload.length - CHECKSUM_BYTES);
        byte[] given = Arrays.copyOfRange(payload, signed.length, payload.length);
        if (!MessageDigest.isEqual(given, checksum(signed))) {
            throw new InvalidContactCodeException("contact code is mistyped (checksum does not match)");
        }
        SignedCard card;
        try {
            card = codec.decodeSigned(signed);
        } catch (MalformedRecordException e) {
            throw new InvalidContactCodeException("contact code is damaged: " + e.getMessage());
        }
        try {
            SignatureVerifier.verify(card.card().identityKey(), signingInput(card.cardBytes()), card.signature());
        } catch (GeneralSecurityException e) {
            throw new InvalidContactCodeException("contact code has an invalid signature; it may have been tampered with");
        }
        return card.card();
    }

    private static byte[] signingInput(byte[] card) {
        byte[] label = (DomainLabels.CONTACT_CARD + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] input = Arrays.copyOf(label, label.length + card.length);
        System.arraycopy(card, 0, input, label.length, card.length);
        return input;
    }

    private static byte[] checksum(byte[] signed) {
        return Arrays.copyOf(Hashing.sha256(DomainLabels.CONTACT_CODE, signed), CHECKSUM_BYTES);
    }
}
