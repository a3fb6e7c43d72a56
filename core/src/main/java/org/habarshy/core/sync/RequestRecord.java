package org.habarshy.core.sync;

import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;

/** Asks for offered envelopes; 1 to {@link SyncLimits#MAX_IDS_PER_RECORD} ids. */
public record RequestRecord(List<EnvelopeId> ids) implements SyncRecord {
    /** Copies the list and checks its size. */
    public RequestRecord {
        ids = List.copyOf(ids);
        if (ids.isEmpty() || ids.size() > SyncLimits.MAX_IDS_PER_RECORD) {
            throw new IllegalArgumentException("request size: " + ids.size());
        }
    }
}
