package org.habarshy.core.sync;

import org.habarshy.core.api.message.EnvelopeId;

/** Where a {@link SyncSession} sends records: the link it serves. Thread-safe. */
public interface SyncOutput {
    /** Queues {@code record} for the peer; control records are never held back. */
    void send(SyncRecord record);

    /** Queues an envelope and reports {@code id} to the storage listener once it was written out. */
    void sendEnvelope(EnvelopeRecord record, EnvelopeId id);

    /**
     * Returns true while the link can take another envelope without growing its buffers beyond their
     * bound. When it becomes writable again, the owner calls {@link SyncSession#pump()}.
     */
    default boolean writable() {
        return true;
    }
}
