package org.habarshy.core.sync;

import java.util.Objects;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.sync.reconcile.ReconcileStorage;

/**
 * This node's offerable envelopes at the start of a reconciliation.
 *
 * @param items their {@code (created_at, id)} items, fixed for the session
 * @param own the ids among them written by this node ({@code hops = 0}): the user's messages and receipts
 */
public record ReconcileSnapshot(ReconcileStorage items, Set<EnvelopeId> own) {
    /** Copies the set. */
    public ReconcileSnapshot {
        Objects.requireNonNull(items, "items");
        own = Set.copyOf(own);
    }
}
