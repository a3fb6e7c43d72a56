package org.habarshy.core.sync.reconcile;

/**
 * How one side shapes its messages. Each side picks its own; peers need not agree, since every
 * message is self-describing and within {@link ReconcileLimits}.
 *
 * @param messageBudget most bytes of one outgoing message, {@value #MIN_BUDGET} to
 *                      {@link ReconcileLimits#MAX_MESSAGE_BYTES}
 * @param firstSplit    number of fingerprinted ranges the first message splits the whole set into
 * @param split         number of ranges a mismatched range is split into
 * @param idListThreshold a mismatched range with at most this many items is answered with its id list
 * @param maxDiscovered most ids one session may report as have or need before it fails
 */
public record ReconcileParameters(int messageBudget, int firstSplit, int split, int idListThreshold,
        int maxDiscovered) {
    /** Smallest message budget. */
    public static final int MIN_BUDGET = 1024;
    /** Parameters tuned for sets of 10^4 to 10^6 items (docs/BENCHMARKS.md, "Set reconciliation"). */
    public static final ReconcileParameters DEFAULT = new ReconcileParameters(
            ReconcileLimits.MAX_MESSAGE_BYTES, 512, 8, 8, 1 << 18);

    /** Bytes reserved at the end of each message for a final Skip and Fingerprint range. */
    static final int TRAILER_BYTES = MessageWriter.MAX_SKIP_BYTES + MessageWriter.MAX_FINGERPRINT_BYTES;
    /** Most bytes of a range holding a list, beyond its items: a Skip before it, bound, mode, two counts. */
    static final int LIST_OVERHEAD_BYTES = MessageWriter.MAX_SKIP_BYTES + MessageWriter.MAX_BOUND_BYTES + 1 + 2 * 2;
    /** Most bytes of one list item: a 9-byte timestamp varint and the id. */
    static final int MAX_ITEM_BYTES = ReconcileLimits.MAX_VARINT_BYTES + 32;

    /** Checks that every answer these parameters can produce fits in an empty message. */
    public ReconcileParameters {
        if (messageBudget < MIN_BUDGET || messageBudget > ReconcileLimits.MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("message budget out of range: " + messageBudget);
        }
        if (firstSplit < 2 || split < 2) {
            throw new IllegalArgumentException("splits must be at least 2");
        }
        if (idListThreshold < 1 || idListThreshold > ReconcileLimits.MAX_LIST_ITEMS) {
            throw new IllegalArgumentException("id list threshold out of range: " + idListThreshold);
        }
        if (maxDiscovered < 1) {
            throw new IllegalArgumentException("maxDiscovered must be positive");
        }
        int room = messageBudget - 1 - TRAILER_BYTES;
        if ((long) Math.max(firstSplit, split) * MessageWriter.MAX_FINGERPRINT_BYTES + MessageWriter.MAX_SKIP_BYTES
                > room) {
            throw new IllegalArgumentException("splits do not fit in the message budget");
        }
        if ((long) idListThreshold * MAX_ITEM_BYTES + LIST_OVERHEAD_BYTES > room) {
            throw new IllegalArgumentException("id list threshold does not fit in the message budget");
        }
    }
}
