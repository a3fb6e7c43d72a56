package org.habarshy.core.sync;

/**
 * One record of the sync protocol, as exchanged on an established link. Decoded and bounded by
 * {@code core.wire}; interpreted by {@link SyncSession} (Ping and Pong by the link's keep-alive handler).
 */
public sealed interface SyncRecord permits OfferRecord, RequestRecord, EnvelopeRecord, OfferDoneRecord,
        ReconcileRecord, PingRecord, PongRecord {
}
