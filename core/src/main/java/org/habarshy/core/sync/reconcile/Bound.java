package org.habarshy.core.sync.reconcile;

import java.util.Arrays;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * A point in the item order that separates two ranges: a timestamp and an id prefix, compared as if
 * the prefix were padded with zero bytes to 32. An item is inside {@code [lower, upper)} when
 * {@code lower <= item < upper}. {@link #INFINITY} lies after every item. Immutable.
 */
public final class Bound implements Comparable<Bound> {
    /** The lowest bound: every item is at or after it. */
    public static final Bound MIN = new Bound(0, new byte[0]);
    /** The bound after every item. */
    public static final Bound INFINITY = new Bound(Long.MAX_VALUE, new byte[0]);

    private final long timestamp;
    private final byte[] prefix;

    private Bound(long timestamp, byte[] prefix) {
        this.timestamp = timestamp;
        this.prefix = prefix;
    }

    /** Creates a finite bound; the timestamp is at most {@link Item#MAX_TIMESTAMP}, the prefix at most 32 bytes. */
    public static Bound of(long timestamp, byte[] prefix) {
        if (timestamp < 0 || timestamp > Item.MAX_TIMESTAMP) {
            throw new IllegalArgumentException("bound timestamp out of range: " + timestamp);
        }
        if (prefix.length > ReconcileLimits.MAX_PREFIX_BYTES) {
            throw new IllegalArgumentException("bound prefix longer than 32 bytes");
        }
        return new Bound(timestamp, prefix.clone());
    }

    /** Returns the bound that sits exactly at {@code item}: the item is the first one at or after it. */
    public static Bound at(Item item) {
        return new Bound(item.timestamp(), item.idBytes().clone());
    }

    /**
     * Returns the shortest bound {@code b} with {@code prev < b <= next}: the timestamp of {@code next}
     * alone if the timestamps differ, else the shortest prefix of next's id that prev's id does not share.
     */
    public static Bound between(Item prev, Item next) {
        if (prev.compareTo(next) >= 0) {
            throw new IllegalArgumentException("items out of order");
        }
        if (prev.timestamp() != next.timestamp()) {
            return new Bound(next.timestamp(), new byte[0]);
        }
        int shared = Arrays.mismatch(prev.idBytes(), next.idBytes());
        return new Bound(next.timestamp(), Arrays.copyOf(next.idBytes(), shared + 1));
    }

    /** Returns the timestamp, or {@link Long#MAX_VALUE} for {@link #INFINITY}. */
    public long timestamp() {
        return timestamp;
    }

    /** Returns a copy of the id prefix. */
    public byte[] prefix() {
        return prefix.clone();
    }

    int prefixLength() {
        return prefix.length;
    }

    byte[] prefixBytes() {
        return prefix;
    }

    /** Returns true for {@link #INFINITY}. */
    public boolean isInfinite() {
        return timestamp == Long.MAX_VALUE;
    }

    /** Returns a negative number, zero or a positive number as this bound is before, at or after {@code item}. */
    public int compareTo(Item item) {
        return compareToId(item.timestamp(), item.idBytes(), 0);
    }

    /** Compares this bound with the item whose id is {@code ids[offset, offset + 32)}. */
    int compareToId(long itemTimestamp, byte[] ids, int offset) {
        int c = Long.compare(timestamp, itemTimestamp);
        if (c != 0) {
            return c;
        }
        int n = prefix.length;
        c = Arrays.compareUnsigned(prefix, 0, n, ids, offset, offset + n);
        if (c != 0) {
            return c;
        }
        for (int i = offset + n; i < offset + EnvelopeId.LENGTH; i++) {
            if (ids[i] != 0) {
                return -1;
            }
        }
        return 0;
    }

    @Override
    public int compareTo(Bound other) {
        int c = Long.compare(timestamp, other.timestamp);
        if (c != 0) {
            return c;
        }
        int n = Math.max(prefix.length, other.prefix.length);
        for (int i = 0; i < n; i++) {
            int a = i < prefix.length ? prefix[i] & 0xff : 0;
            int b = i < other.prefix.length ? other.prefix[i] & 0xff : 0;
            if (a != b) {
                return Integer.compare(a, b);
            }
        }
        return 0;
    }

    /** Bounds are equal when they denote the same point, whatever trailing zero bytes their prefixes carry. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Bound other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        int end = prefix.length;
        while (end > 0 && prefix[end - 1] == 0) {
            end--;
        }
        return 31 * Arrays.hashCode(Arrays.copyOf(prefix, end)) + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        if (isInfinite()) {
            return "Bound[∞]";
        }
        return "Bound[" + timestamp + ", " + java.util.HexFormat.of().formatHex(prefix) + "]";
    }
}
