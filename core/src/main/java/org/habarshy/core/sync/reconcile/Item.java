package org.habarshy.core.sync.reconcile;

import java.util.Arrays;
import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * One element of a reconciled set: an envelope id and its timestamp (Unix ms). Items are ordered by
 * timestamp, then by id as an unsigned big-endian number. Immutable.
 */
public final class Item implements Comparable<Item> {
    /** Largest timestamp an item may carry; {@link Long#MAX_VALUE} stands for "infinity" in bounds. */
    public static final long MAX_TIMESTAMP = Long.MAX_VALUE - 1;

    private final long timestamp;
    private final byte[] id;

    /** Creates an item; the timestamp must be in {@code [0, MAX_TIMESTAMP]}. */
    public Item(long timestamp, EnvelopeId id) {
        this(checkTimestamp(timestamp), Objects.requireNonNull(id, "id").bytes());
    }

    private Item(long timestamp, byte[] id) {
        this.timestamp = timestamp;
        this.id = id;
    }

    /** Wraps {@code id} without copying; the caller hands over the array. */
    static Item wrap(long timestamp, byte[] id) {
        if (id.length != EnvelopeId.LENGTH) {
            throw new IllegalArgumentException("id must be " + EnvelopeId.LENGTH + " bytes");
        }
        return new Item(checkTimestamp(timestamp), id);
    }

    private static long checkTimestamp(long timestamp) {
        if (timestamp < 0 || timestamp > MAX_TIMESTAMP) {
            throw new IllegalArgumentException("timestamp out of range: " + timestamp);
        }
        return timestamp;
    }

    /** Returns the timestamp in Unix milliseconds. */
    public long timestamp() {
        return timestamp;
    }

    /** Returns the envelope id. */
    public EnvelopeId id() {
        return new EnvelopeId(id);
    }

    /** Returns the id bytes without copying; callers must not modify them. */
    byte[] idBytes() {
        return id;
    }

    @Override
    public int compareTo(Item other) {
        int c = Long.compare(timestamp, other.timestamp);
        return c != 0 ? c : Arrays.compareUnsigned(id, other.id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Item other && other.timestamp == timestamp && Arrays.equals(other.id, id);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(id) + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return "Item[" + timestamp + ", " + id().hex().substring(0, 8) + "…]";
    }
}
