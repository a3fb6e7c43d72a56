package org.habarshy.core.api.identity;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a user hands out so others can write to them: a display name and two public keys. A card
 * obtained from a contact code has had its self-signature verified.
 */
public record ContactCard(String name, IdentityKey identityKey, AgreementKey agreementKey, long createdAt) {
    /** Longest name, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 64;

    /** Checks the name is non-blank and at most {@link #MAX_NAME_BYTES} long. */
    public ContactCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(agreementKey, "agreementKey");
        if (name.isBlank() || name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("name must be 1.." + MAX_NAME_BYTES + " UTF-8 bytes");
        }
    }
}
