package org.habarshy.core.store;

import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * Where a stored envelope sits in local arrival order; peers page through envelopes by {@code seq}.
 *
 * @param seq the local, strictly increasing arrival number (never reused, even after deletion)
 * @param id the envelope's id
 */
public record EnvelopeRef(long seq, EnvelopeId id) {
    /** Checks the id is present. */
    public EnvelopeRef {
        Objects.requireNonNull(id, "id");
    }
}
