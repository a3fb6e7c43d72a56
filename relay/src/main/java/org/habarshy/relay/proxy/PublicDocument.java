package org.habarshy.relay.proxy;

import java.util.Objects;
import org.habarshy.core.api.identity.IdentityKey;

/**
 * A verified public document (envelope kind 0x02): who signed it, what type it is, its body and lifetime. Instances
 * come only from {@link PublicDocumentFormat#open}, after the signature was checked.
 *
 * @param signer the Ed25519 key that signed the envelope
 * @param type the document type ({@link PublicDocumentFormat#TYPE_PROXY_LIST})
 * @param body the document bytes (copied in and out)
 * @param createdAt Unix ms, from the envelope header
 * @param expiresAt Unix ms, from the envelope header
 */
public record PublicDocument(IdentityKey signer, int type, byte[] body, long createdAt, long expiresAt) {
    /** Copies the body. */
    public PublicDocument {
        Objects.requireNonNull(signer, "signer");
        body = Objects.requireNonNull(body, "body").clone();
    }

    /** Returns a copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicDocument other && signer.equals(other.signer) && type == other.type
                && java.util.Arrays.equals(body, other.body) && createdAt == other.createdAt
                && expiresAt == other.expiresAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(signer, type, java.util.Arrays.hashCode(body), createdAt, expiresAt);
    }

    @Override
    public String toString() {
        return "PublicDocument[type=" + type + ", " + body.length + " bytes, createdAt=" + createdAt
                + ", expiresAt=" + expiresAt + "]";
    }
}
