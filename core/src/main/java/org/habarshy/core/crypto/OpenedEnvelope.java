package org.habarshy.core.crypto;

import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.api.identity.AgreementKey;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * An envelope that was addressed to us and whose sender signature verified. The content is copied in and out.
 * Expiry is not checked here; {@code expiresAt} is reported for the caller to enforce.
 */
public record OpenedEnvelope(EnvelopeId id, IdentityKey sender, AgreementKey senderAgreementKey, byte[] content,
        long createdAt, long expiresAt) {
    /** Checks for nulls and copies the content. */
    public OpenedEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(senderAgreementKey, "senderAgreementKey");
        content = Objects.requireNonNull(content, "content").clone();
    }

    /** Returns a copy of the content. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    /** Returns true if all fields are equal, comparing content by value. */
    @Override
    public boolean equals(Object o) {
        return o instanceof OpenedEnvelope other
                && id.equals(other.id)
                && sender.equals(other.sender)
                && senderAgreementKey.equals(other.senderAgreementKey)
                && Arrays.equals(content, other.content)
                && createdAt == other.createdAt
                && expiresAt == other.expiresAt;
    }

    /** Returns a hash consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(id, sender, senderAgreementKey, Arrays.hashCode(content), createdAt, expiresAt);
    }

    /** Returns a description without the content. */
    @Override
    public String toString() {
        return "OpenedEnvelope[id=" + id + ", sender=" + sender + ", contentBytes=" + content.length
                + ", createdAt=" + createdAt + ", expiresAt=" + expiresAt + "]";
    }
}
