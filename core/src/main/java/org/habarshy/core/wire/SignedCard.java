package org.habarshy.core.wire;

import java.util.Arrays;
import org.habarshy.core.api.identity.ContactCard;

/**
 * A contact card as carried: the exact card bytes that were signed, the decoded card and the
 * signature. The signature is not yet verified here.
 */
public record SignedCard(ContactCard card, byte[] cardBytes, byte[] signature) {
    /** Copies the arrays. */
    public SignedCard {
        cardBytes = cardBytes.clone();
        signature = signature.clone();
    }

    /** Returns a copy of the signed card bytes. */
    @Override
    public byte[] cardBytes() {
        return cardBytes.clone();
    }

    /** Returns a copy of the signature. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedCard s && Arrays.equals(s.cardBytes, cardBytes) && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(cardBytes) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedCard[" + card.identityKey() + "]";
    }
}
