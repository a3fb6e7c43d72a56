package org.habarshy.core.sync;

import java.util.Collection;
import java.util.List;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * Everything a {@link SyncSession} needs from the node's store: the envelope paths of
 * {@link SyncStorage} plus reconciliation snapshots, transfer ordering and "carried by" counts. All
 * methods are called on the store executor, one at a time.
 */
public interface SessionStorage extends SyncStorage {
    /**
     * Returns a snapshot of the same envelopes as {@link #offerableIds()} as reconciliation items, for
     * one reconciliation (sync version 2).
     */
    ReconcileSnapshot reconcileSnapshot();

    /**
     * Returns, for each of {@code ids} this node holds and may offer now, its size and hop count, in
     * no particular order.
     */
    List<TransferCandidate> describe(Collection<EnvelopeId> ids);

    /**
     * Records that the peer of one session has shown it holds {@code ids} (the storage counts the
     * user's own outgoing messages among them as carried by one more link session). A session reports
     * each id at most once, and never an id it also reports as written to the peer.
     */
    void peerHolds(Collection<EnvelopeId> ids);
}
