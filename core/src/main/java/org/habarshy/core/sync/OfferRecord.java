package org.habarshy.core.sync;

import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;

/** Announces envelopes the sender can supply; 1 to {@link SyncLimits#MAX_IDS_PER_RECORD} ids. */
public record OfferRecord(List<EnvelopeId> ids) implements SyncRecord {
    /** Copies the list and checks its size. */
    public OfferRecord {
        ids = List.copyOf(ids);
        if (ids.isEmpty() || ids.size() > SyncLimits.MAX_IDS_PER_RECORD) {
            throw new IllegalArgumentException("offer size: " + ids.size());
        }
    }
}
