package org.habarshy.core.sync.reconcile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * This side's items as the reconciliation sees them: the storage plus the items learnt from the
 * peer so far ("extras"). Once a range is resolved both sides hold the union there, so later
 * fingerprints that cover it agree. Extras added while a message is processed take effect at
 * {@link #commit()}; until then they lie in ranges the message does not look at again.
 */
final class LocalView {
    /** A range of the view: index ranges in the storage and in the extras. */
    record Span(int baseFrom, int baseTo, int extraFrom, int extraTo) {
        int count() {
            return baseTo - baseFrom + extraTo - extraFrom;
        }
    }

    private final ReconcileStorage base;
    private SortedItems extras = SortedItems.EMPTY;
    private final List<Item> pending = new ArrayList<>();
    private final Set<Item> pendingSet = new HashSet<>();

    LocalView(ReconcileStorage base) {
        this.base = base;
    }

    Span span(Bound lower, Bound upper) {
        return new Span(base.lowerBound(lower), base.lowerBound(upper), extras.lowerBound(lower),
                extras.lowerBound(upper));
    }

    IdSum sum(Span span) {
        IdSum sum = base.sum(span.baseFrom(), span.baseTo());
        if (span.extraTo() > span.extraFrom()) {
            sum = sum.plus(extras.sum(span.extraFrom(), span.extraTo()));
        }
        return sum;
    }

    /** Returns the item of rank {@code rank} (from 0) in the span, storage and extras merged. */
    Item itemAt(Span span, int rank) {
        int baseCount = span.baseTo() - span.baseFrom();
        int extraCount = span.extraTo() - span.extraFrom();
        if (rank < 0 || rank >= baseCount + extraCount) {
            throw new IndexOutOfBoundsException("rank " + rank);
        }
        if (extraCount == 0) {
            return base.item(span.baseFrom() + rank);
        }
        // Find p, the number of extras among the first `rank` items: the largest p whose p-th extra
        // comes before the storage item that would then sit at `rank`.
        int lo = Math.max(0, rank - baseCount);
        int hi = Math.min(rank, extraCount);
        while (lo < hi) {
            int p = (lo + hi + 1) >>> 1;
            int baseIndex = rank - p;
            boolean extraFirst = baseIndex >= baseCount || extras.item(span.extraFrom() + p - 1)
                    .compareTo(base.item(span.baseFrom() + baseIndex)) < 0;
            if (extraFirst) {
                lo = p;
            } else {
                hi = p - 1;
            }
        }
        int baseIndex = rank - lo;
        if (baseIndex >= baseCount) {
            return extras.item(span.extraFrom() + lo);
        }
        Item fromBase = base.item(span.baseFrom() + baseIndex);
        if (lo >= extraCount) {
            return fromBase;
        }
        Item fromExtras = extras.item(span.extraFrom() + lo);
        return fromExtras.compareTo(fromBase) < 0 ? fromExtras : fromBase;
    }

    /** Returns a cursor over the span's items in order. */
    Cursor cursor(Span span) {
        return new Cursor(span);
    }

    /** Returns true if the storage (not only the extras) holds {@code item}. */
    boolean holdsReal(Item item) {
        int i = base.lowerBound(Bound.at(item));
        return i < base.size() && base.item(i).equals(item);
    }

    /** Returns true if the view holds {@code item}, as a stored item or an extra. */
    boolean contains(Item item) {
        return holdsReal(item) || extras.contains(item) || pendingSet.contains(item);
    }

    /** Returns true if {@code item} is an extra (learnt from the peer, not stored). */
    boolean isExtra(Item item) {
        return extras.contains(item) || pendingSet.contains(item);
    }

    /** Records an item the peer holds and this side lacks; it joins the view at {@link #commit()}. */
    void addExtra(Item item) {
        if (pendingSet.add(item)) {
            pending.add(item);
        }
    }

    /** Merges the extras added since the last commit into the view. */
    void commit() {
        if (!pending.isEmpty()) {
            extras = extras.merge(pending);
            pending.clear();
            pendingSet.clear();
        }
    }

    /** Walks a span in order, storage and extras merged. */
    final class Cursor {
        private int baseIndex;
        private final int baseTo;
        private int extraIndex;
        private final int extraTo;
        private Item nextBase;
        private Item nextExtra;

        private Cursor(Span span) {
            baseIndex = span.baseFrom();
            baseTo = span.baseTo();
            extraIndex = span.extraFrom();
            extraTo = span.extraTo();
            nextBase = baseIndex < baseTo ? base.item(baseIndex) : null;
            nextExtra = extraIndex < extraTo ? extras.item(extraIndex) : null;
        }

        /** Returns the next item without consuming it, or null at the end. */
        Item peek() {
            if (nextBase == null) {
                return nextExtra;
            }
            if (nextExtra == null) {
                return nextBase;
            }
            return nextExtra.compareTo(nextBase) < 0 ? nextExtra : nextBase;
        }

        /** Consumes the item {@link #peek()} returned. */
        void advance() {
            Item next = peek();
            if (next == null) {
                throw new IllegalStateException("cursor at end");
            }
            if (next == nextBase) {
                baseIndex++;
                nextBase = baseIndex < baseTo ? base.item(baseIndex) : null;
            } else {
                extraIndex++;
                nextExtra = extraIndex < extraTo ? extras.item(extraIndex) : null;
            }
        }
    }
}
