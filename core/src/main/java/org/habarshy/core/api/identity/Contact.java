package org.habarshy.core.api.identity;

import java.util.Objects;

/** A card the user chose to keep, under a local alias that is never sent anywhere. */
public record Contact(String alias, ContactCard card, long addedAt) {
    /** Checks the alias is non-blank. */
    public Contact {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(card, "card");
        if (alias.isBlank() || alias.length() > 64) {
            throw new IllegalArgumentException("alias must be 1..64 characters");
        }
    }
}
