package org.habarshy.core.api.identity;

import java.util.Objects;

/**
 * A card the user chose to keep, under a local alias that is never sent anywhere.
 *
 * @param alias the user's local name for the contact
 * @param card the verified contact card
 * @param addedAt when it was saved (or its key last replaced), Unix milliseconds
 * @param verified true once the user confirmed that the safety numbers match (in person or by phone); a
 *     replaced identity key is never verified
 */
public record Contact(String alias, ContactCard card, long addedAt, boolean verified) {
    /** Checks the alias is non-blank. */
    public Contact {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(card, "card");
        if (alias.isBlank() || alias.length() > 64) {
            throw new IllegalArgumentException("alias must be 1..64 characters");
        }
    }

    /** Creates a contact that is not verified yet. */
    public Contact(String alias, ContactCard card, long addedAt) {
        this(alias, card, addedAt, false);
    }

    /** Returns this contact marked as verified (or not). */
    public Contact withVerified(boolean isVerified) {
        return new Contact(alias, card, addedAt, isVerified);
    }
}
