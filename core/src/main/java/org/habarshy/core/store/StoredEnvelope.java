package org.habarshy.core.store;

import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * A sealed envelope as kept for relaying: its exact bytes plus routing metadata. The bytes are copied in and
 * out, and equality compares their contents.
 *
 * @param id the id of the envelope bytes
 * @param bytes the sealed envelope exactly as received or written
 * @param createdAt when the author sealed it, Unix milliseconds
 * @param expiresAt when it stops being relayed and may be deleted, Unix milliseconds
 * @param hops how many nodes it passed through before this one
 * @param receivedAt when this node stored it, Unix milliseconds
 */
public record StoredEnvelope(EnvelopeId id, byte[] bytes, long createdAt, long expiresAt, int hops,
                             long receivedAt) {
    /** Checks for nulls and copies the bytes. */
    public StoredEnvelope {
        Objects.requireNonNull(id, "id");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    /** Returns a copy of the envelope bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Returns the length of the envelope in bytes. */
    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEnvelope other
                && id.equals(other.id)
                && Arrays.equals(bytes, other.bytes)
                && createdAt == other.createdAt
                && expiresAt == other.expiresAt
                && hops == other.hops
                && receivedAt == other.receivedAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Arrays.hashCode(bytes), createdAt, expiresAt, hops, receivedAt);
    }

    @Override
    public String toString() {
        return "StoredEnvelope[id=" + id + ", " + bytes.length + " bytes, createdAt=" + createdAt
                + ", expiresAt=" + expiresAt + ", hops=" + hops + ", receivedAt=" + receivedAt + "]";
    }
}
