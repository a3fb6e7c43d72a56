package org.habarshy.core.sync.reconcile;

import java.util.List;

/** What one range of a message says about the sender's items in it; one variant per wire mode. */
sealed interface RangePayload {
    /** Mode 0: nothing to do for this range. */
    record Skip() implements RangePayload {
        static final Skip INSTANCE = new Skip();
    }

    /** Mode 1: the sender's fingerprint of the range. */
    record Fingerprinted(Fingerprint fingerprint) implements RangePayload {
    }

    /** Mode 2: every item the sender holds in the range, ascending. */
    record IdList(List<Item> items) implements RangePayload {
        public IdList {
            items = List.copyOf(items);
        }
    }

    /**
     * Mode 3: the answer to the receiver's IdList for the range: items the sender holds that the list
     * lacked, and items of the list the sender lacks, each ascending.
     */
    record Difference(List<Item> senderOnly, List<Item> receiverOnly) implements RangePayload {
        public Difference {
            senderOnly = List.copyOf(senderOnly);
            receiverOnly = List.copyOf(receiverOnly);
        }
    }

    /** Returns true if the receiver must answer a range with this payload. */
    default boolean needsReply() {
        return this instanceof Fingerprinted || this instanceof IdList;
    }
}
