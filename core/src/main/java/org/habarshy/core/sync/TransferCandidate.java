package org.habarshy.core.sync;

import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * What a link needs to know to order an envelope before loading its bytes.
 *
 * @param id the envelope id
 * @param size its size in bytes
 * @param hops links it crossed before reaching this node (0: written here)
 */
public record TransferCandidate(EnvelopeId id, int size, int hops) {
    /** Checks the values. */
    public TransferCandidate {
        Objects.requireNonNull(id, "id");
        if (size < 0 || hops < 0) {
            throw new IllegalArgumentException("size " + size + ", hops " + hops);
        }
    }
}
