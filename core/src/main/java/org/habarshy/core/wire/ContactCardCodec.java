package org.habarshy.core.wire;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.ContactCard;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.proto.v1.SignedContactCard;

/** Encodes contact cards ({@code habarshy.v1.ContactCard} inside {@code SignedContactCard}). */
public final class ContactCardCodec {
    /** Card format version written and accepted. */
    public static final int CARD_VERSION = 1;
    /** Longest encoded signed card accepted (a maximal card is about 200 bytes). */
    public static final int MAX_SIGNED_CARD_BYTES = 512;
    private static final int SIGNATURE_BYTES = 64;

    /** Creates a codec; it holds no state. */
    public ContactCardCodec() {
    }

    /** Returns the bytes of {@code card} to sign. */
    public byte[] encodeCard(ContactCard card) {
        return org.habarshy.proto.v1.ContactCard.newBuilder()
                .setVersion(CARD_VERSION)
                .setName(card.name())
                .setSigningKey(ByteString.copyFrom(card.identityKey().bytes()))
                .setAgreementKey(ByteString.copyFrom(card.agreementKey().bytes()))
                .setCreatedAt(card.createdAt())
                .build().toByteArray();
    }

    /** Returns the carried form of signed card bytes. */
    public byte[] encodeSigned(byte[] cardBytes, byte[] signature) {
        return SignedContactCard.newBuilder()
                .setCard(ByteString.copyFrom(cardBytes))
                .setSignature(ByteString.copyFrom(signature))
                .build().toByteArray();
    }

    /** Decodes a signed card without verifying it; throws if malformed or out of bounds. */
    public SignedCard decodeSigned(byte[] bytes) throws MalformedRecordException {
        if (bytes.length > MAX_SIGNED_CARD_BYTES) {
            throw new MalformedRecordException("contact card too long");
        }
        try {
            SignedContactCard signed = SignedContactCard.parseFrom(bytes);
            org.habarshy.proto.v1.ContactCard card = org.habarshy.proto.v1.ContactCard.parseFrom(signed.getCard());
            if (card.getVersion() != CARD_VERSION) {
                throw new MalformedRecordException("contact card version " + card.getVersion() + " is not supported");
            }
            if (signed.getSignature().size() != SIGNATURE_BYTES) {
                throw new MalformedRecordException("contact card signature has wrong length");
            }
            ContactCard decoded = new ContactCard(card.getName(),
                    new IdentityKey(card.getSigningKey().toByteArray()),
                    new AgreementKey(card.getAgreementKey().toByteArray()), card.getCreatedAt());
            return new SignedCard(decoded, signed.getCard().toByteArray(), signed.getSignature().toByteArray());
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedRecordException("contact card is not valid protobuf", e);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException("contact card field out of bounds: " + e.getMessage(), e);
        }
    }
}
