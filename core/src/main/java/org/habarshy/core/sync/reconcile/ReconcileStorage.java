package org.habarshy.core.sync.reconcile;

/**
 * What a {@link Reconciler} needs from one side's set: a sorted, indexable view of its items (see
 * {@link Item} for the order) that does not change while a reconciliation runs. Implementations
 * should answer {@link #lowerBound} in O(log n) and {@link #sum} in O(1) or O(log n).
 */
public interface ReconcileStorage {
    /** Returns the number of items. */
    int size();

    /** Returns the item at {@code index}, {@code 0 <= index < size()}. */
    Item item(int index);

    /** Returns the index of the first item at or after {@code bound}, or {@link #size()} if there is none. */
    int lowerBound(Bound bound);

    /**
     * Returns the sum of the ids at indexes {@code [from, to)}, from which the range's
     * {@link Fingerprint} is computed.
     */
    IdSum sum(int from, int to);
}
