package org.habarshy.core.sync.reconcile;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * An immutable in-memory {@link ReconcileStorage}: items in sorted arrays plus a table of running id
 * sums, so that the sum of any index range is one 256-bit subtraction. About 72 bytes per item.
 */
public final class SortedItems implements ReconcileStorage {
    /** The empty set. */
    public static final SortedItems EMPTY = new SortedItems(new long[0], new byte[0]);

    private static final int ID = EnvelopeId.LENGTH;

    private final long[] timestamps;
    private final byte[] ids;
    /** Row {@code i} holds the sum of the first {@code i} ids ({@link IdSum#LIMBS} limbs per row). */
    private final long[] prefix;

    private SortedItems(long[] timestamps, byte[] ids) {
        this.timestamps = timestamps;
        this.ids = ids;
        int n = timestamps.length;
        this.prefix = new long[(n + 1) * IdSum.LIMBS];
        for (int i = 0; i < n; i++) {
            System.arraycopy(prefix, i * IdSum.LIMBS, prefix, (i + 1) * IdSum.LIMBS, IdSum.LIMBS);
            IdSum.addId(prefix, (i + 1) * IdSum.LIMBS, ids, i * ID);
        }
    }

    /**
     * Returns the set of {@code items} in order; equal items are kept once. Callers give each id once:
     * an envelope's id fixes its timestamp.
     */
    public static SortedItems of(Collection<Item> items) {
        Item[] sorted = items.toArray(new Item[0]);
        for (Item item : sorted) {
            Objects.requireNonNull(item, "item");
        }
        Arrays.sort(sorted);
        return fromSorted(sorted, dedupedLength(sorted));
    }

    /**
     * Collects items read in order (for example from an index scan) without creating an object per
     * item. Not thread-safe.
     */
    public static final class Builder {
        private long[] timestamps = new long[1024];
        private byte[] ids = new byte[1024 * ID];
        private int size;
        private boolean ascending = true;

        private Builder() {
        }

        /** Adds the item {@code (timestamp, id)}; {@code id} is 32 bytes and is copied. */
        public Builder add(long timestamp, byte[] id) {
            if (timestamp < 0 || timestamp > Item.MAX_TIMESTAMP) {
                throw new IllegalArgumentException("timestamp out of range: " + timestamp);
            }
            if (id.length != ID) {
                throw new IllegalArgumentException("id of " + id.length + " bytes");
            }
            if (size == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, size * 2);
                ids = Arrays.copyOf(ids, size * 2 * ID);
            }
            if (size > 0 && ascending) {
                int c = Long.compare(timestamps[size - 1], timestamp);
                if (c == 0) {
                    c = Arrays.compareUnsigned(ids, (size - 1) * ID, size * ID, id, 0, ID);
                }
                ascending = c < 0;
            }
            timestamps[size] = timestamp;
            System.arraycopy(id, 0, ids, size * ID, ID);
            size++;
            return this;
        }

        /** Returns the set; items added out of order are sorted, repeated items kept once. */
        public SortedItems build() {
            if (ascending) {
                return new SortedItems(Arrays.copyOf(timestamps, size), Arrays.copyOf(ids, size * ID));
            }
            List<Item> items = new java.util.ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                items.add(Item.wrap(timestamps[i], Arrays.copyOfRange(ids, i * ID, (i + 1) * ID)));
            }
            return of(items);
        }
    }

    /** Returns an empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the union of this set and {@code added}, which holds no item of this set. */
    SortedItems merge(List<Item> added) {
        Item[] extra = added.toArray(new Item[0]);
        Arrays.sort(extra);
        int n = size();
        int total = n + extra.length;
        long[] ts = new long[total];
        byte[] out = new byte[total * ID];
        int i = 0;
        int j = 0;
        Bound nextExtra = extra.length > 0 ? Bound.at(extra[0]) : null;
        for (int k = 0; k < total; k++) {
            boolean takeOld = nextExtra == null || i < n && nextExtra.compareToId(timestamps[i], ids, i * ID) > 0;
            if (takeOld) {
                ts[k] = timestamps[i];
                System.arraycopy(ids, i * ID, out, k * ID, ID);
                i++;
            } else {
                ts[k] = extra[j].timestamp();
                System.arraycopy(extra[j].idBytes(), 0, out, k * ID, ID);
                j++;
                nextExtra = j < extra.length ? Bound.at(extra[j]) : null;
            }
        }
        return new SortedItems(ts, out);
    }

    private static int dedupedLength(Item[] sorted) {
        int n = 0;
        for (Item item : sorted) {
            if (n == 0 || !sorted[n - 1].equals(item)) {
                sorted[n++] = item;
            }
        }
        return n;
    }

    private static SortedItems fromSorted(Item[] sorted, int n) {
        long[] ts = new long[n];
        byte[] ids = new byte[n * ID];
        for (int i = 0; i < n; i++) {
            ts[i] = sorted[i].timestamp();
            System.arraycopy(sorted[i].idBytes(), 0, ids, i * ID, ID);
        }
        return new SortedItems(ts, ids);
    }

    @Override
    public int size() {
        return timestamps.length;
    }

    @Override
    public Item item(int index) {
        Objects.checkIndex(index, size());
        return Item.wrap(timestamps[index], Arrays.copyOfRange(ids, index * ID, (index + 1) * ID));
    }

    @Override
    public int lowerBound(Bound bound) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (bound.compareToId(timestamps[mid], ids, mid * ID) > 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public IdSum sum(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return IdSum.ofPrefixes(prefix, from, to);
    }

    /** Returns true if {@code item} is in this set. */
    public boolean contains(Item item) {
        int i = lowerBound(Bound.at(item));
        return i < size() && Bound.at(item).compareToId(timestamps[i], ids, i * ID) == 0;
    }
}
