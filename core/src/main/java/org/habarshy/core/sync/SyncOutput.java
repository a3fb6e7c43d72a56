package org.habarshy.core.sync;

import org.habarshy.core.api.message.EnvelopeId;

/** Where a {@link SyncSession} sends records: the link it serves. Thread-safe. */
public interface SyncOutput {
    /** Queues {@code record} for the peer. */
    void send(SyncRecord record);

    /** Queues an envelope and reports {@code id} to the storage listener once it was written out. */
    void sendEnvelope(EnvelopeRecord record, EnvelopeId id);
}
