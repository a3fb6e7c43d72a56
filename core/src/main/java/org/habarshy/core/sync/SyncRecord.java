package org.habarshy.core.sync;

/**
 * One record of the sync protocol, as exchanged on an established link. Decoded and bounded by
 * {@code core.wire}; interpreted by {@link SyncSession} (Ping and Pong by the link's keep-alive handler,
 * the real-time-text records by the link's real-time-text handler).
 */
public sealed interface SyncRecord permits OfferRecord, RequestRecord, EnvelopeRecord, OfferDoneRecord,
        ReconcileRecord, PingRecord, PongRecord, RttAnnounceRecord, RttUpdateRecord {
}
