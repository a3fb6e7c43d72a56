package org.habarshy.core.crypto;

import java.util.Objects;
import org.habarshy.core.api.identity.AgreementKey;

/**
 * A compact message that authenticated under the static key of {@code sender}. Expiry is not checked here.
 * The plaintext is copied in and out.
 */
public record OpenedCompact(AgreementKey sender, byte[] plaintext, long createdAt, long expiresAt) {
    /** Checks for nulls and copies the plaintext. */
    public OpenedCompact {
        Objects.requireNonNull(sender, "sender");
        plaintext = Objects.requireNonNull(plaintext, "plaintext").clone();
    }

    /** Returns a copy of the plaintext. */
    @Override
    public byte[] plaintext() {
        return plaintext.clone();
    }

    /** Names the sender key and times only, never the plaintext. */
    @Override
    public String toString() {
        return "OpenedCompact[" + sender + ", " + plaintext.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpenedCompact other && sender.equals(other.sender)
                && java.util.Arrays.equals(plaintext, other.plaintext) && createdAt == other.createdAt
                && expiresAt == other.expiresAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sender, java.util.Arrays.hashCode(plaintext), createdAt, expiresAt);
    }
}
