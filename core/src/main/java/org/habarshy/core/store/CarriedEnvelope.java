package org.habarshy.core.store;

import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * A carried envelope as the carry quota sees it: no bytes, only what eviction needs.
 *
 * @param id the envelope's id
 * @param origin the link session that delivered it ({@code ''} if unknown)
 * @param size its length in bytes
 */
public record CarriedEnvelope(EnvelopeId id, String origin, long size) {
    /** Checks for nulls. */
    public CarriedEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
    }
}
