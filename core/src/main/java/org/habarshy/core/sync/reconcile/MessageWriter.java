package org.habarshy.core.sync.reconcile;

import java.util.List;

/**
 * Encodes one outgoing message range by range, in order. Consecutive Skip ranges are merged and a
 * trailing Skip is left out (the rest of the order is implicitly skipped). {@link #mark()} and
 * {@link #reset(Mark)} take back ranges that turned out not to fit the size budget.
 */
final class MessageWriter {
    /** Most bytes a bound takes: a 9-byte timestamp varint, a length byte, a 32-byte prefix. */
    static final int MAX_BOUND_BYTES = ReconcileLimits.MAX_VARINT_BYTES + 1 + ReconcileLimits.MAX_PREFIX_BYTES;
    /** Most bytes a Skip range takes. */
    static final int MAX_SKIP_BYTES = MAX_BOUND_BYTES + 1;
    /** Most bytes a Fingerprint range takes. */
    static final int MAX_FINGERPRINT_BYTES = MAX_BOUND_BYTES + 1 + ReconcileLimits.FINGERPRINT_BYTES;

    /** State to return to with {@link #reset(Mark)}. */
    record Mark(int size, int ranges, long lastTimestamp, Bound written, Bound covered, boolean needsReply) {
    }

    private final ByteWriter out = new ByteWriter(1024);
    private int ranges;
    private long lastTimestamp;
    /** Upper bound of the last range written out. */
    private Bound written = Bound.MIN;
    /** Upper bound of the last range added, written or pending as Skip. */
    private Bound covered = Bound.MIN;
    private boolean needsReply;

    MessageWriter() {
        out.writeByte(ReconcileLimits.FORMAT_VERSION);
    }

    /** Appends the range {@code [lower, upper)}; {@code lower} must be where the previous range ended. */
    void add(Bound lower, Bound upper, RangePayload payload) {
        if (!lower.equals(covered) || upper.compareTo(lower) <= 0) {
            throw new IllegalStateException("ranges must be contiguous and ascending: " + covered + ", " + lower
                    + ", " + upper);
        }
        covered = upper;
        if (payload instanceof RangePayload.Skip) {
            return;
        }
        if (!lower.equals(written)) {
            writeBound(lower);
            out.writeVarint(WireModes.SKIP);
            ranges++;
        }
        writeBound(upper);
        writePayload(lower, payload);
        written = upper;
        ranges++;
        needsReply |= payload.needsReply();
    }

    private void writeBound(Bound bound) {
        if (bound.isInfinite()) {
            out.writeVarint(0);
            out.writeVarint(0);
            return;
        }
        out.writeVarint(bound.timestamp() - lastTimestamp + 1);
        out.writeVarint(bound.prefixLength());
        out.writeBytes(bound.prefixBytes());
        lastTimestamp = bound.timestamp();
    }

    private void writePayload(Bound lower, RangePayload payload) {
        if (payload instanceof RangePayload.Fingerprinted f) {
            out.writeVarint(WireModes.FINGERPRINT);
            out.writeBytes(f.fingerprint().rawBytes());
        } else if (payload instanceof RangePayload.IdList list) {
            out.writeVarint(WireModes.ID_LIST);
            writeItems(lower, list.items());
        } else if (payload instanceof RangePayload.Difference d) {
            out.writeVarint(WireModes.DIFFERENCE);
            writeItems(lower, d.senderOnly());
            writeItems(lower, d.receiverOnly());
        } else {
            throw new IllegalArgumentException("payload: " + payload);
        }
    }

    private void writeItems(Bound lower, List<Item> items) {
        if (items.size() > ReconcileLimits.MAX_LIST_ITEMS) {
            throw new IllegalArgumentException("list of " + items.size() + " items");
        }
        out.writeVarint(items.size());
        long previous = lower.timestamp();
        for (Item item : items) {
            out.writeVarint(item.timestamp() - previous);
            out.writeBytes(item.idBytes());
            previous = item.timestamp();
        }
    }

    /** Returns the bytes of a list item encoded after an item (or lower bound) at {@code previous}. */
    static int itemBytes(long previous, Item item) {
        return ByteWriter.varintSize(item.timestamp() - previous) + item.idBytes().length;
    }

    /** Returns the size of the message so far, pending Skips excluded. */
    int size() {
        return out.size();
    }

    /** Returns the number of ranges written so far. */
    int ranges() {
        return ranges;
    }

    /** Returns true if a range written so far needs an answer (Fingerprint or IdList). */
    boolean needsReply() {
        return needsReply;
    }

    Mark mark() {
        return new Mark(out.size(), ranges, lastTimestamp, written, covered, needsReply);
    }

    void reset(Mark mark) {
        out.truncate(mark.size());
        ranges = mark.ranges();
        lastTimestamp = mark.lastTimestamp();
        written = mark.written();
        covered = mark.covered();
        needsReply = mark.needsReply();
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
