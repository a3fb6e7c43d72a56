package org.habarshy.core.store;

import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * A stored envelope without its bytes: what a link needs to order a transfer.
 *
 * @param id the envelope id
 * @param size its length in bytes
 * @param hops how many nodes it passed through before this one (0: written here)
 * @param expiresAt when it stops being relayed, Unix ms
 */
public record EnvelopeSummary(EnvelopeId id, int size, int hops, long expiresAt) {
    /** Checks the id is present. */
    public EnvelopeSummary {
        Objects.requireNonNull(id, "id");
    }
}
