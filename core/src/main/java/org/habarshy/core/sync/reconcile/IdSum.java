package org.habarshy.core.sync.reconcile;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * The sum modulo 2^256 of a set of ids, each read as a little-endian 256-bit number, with the number
 * of ids summed: what a range fingerprint is computed from. Sums of disjoint sets add. Immutable.
 */
public final class IdSum {
    /** Number of 64-bit limbs in a sum. */
    static final int LIMBS = 4;
    /** The sum of no ids. */
    public static final IdSum ZERO = new IdSum(new long[LIMBS], 0);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final long[] limbs;
    private final long count;

    private IdSum(long[] limbs, long count) {
        this.limbs = limbs;
        this.count = count;
    }

    /** Returns the sum of the single id {@code item.id()}. */
    public static IdSum of(Item item) {
        long[] limbs = new long[LIMBS];
        addId(limbs, 0, item.idBytes(), 0);
        return new IdSum(limbs, 1);
    }

    /** Returns {@code prefix[hi] - prefix[lo]} for a table of running sums with {@link #LIMBS} limbs per row. */
    static IdSum ofPrefixes(long[] prefix, int lo, int hi) {
        long[] out = new long[LIMBS];
        System.arraycopy(prefix, hi * LIMBS, out, 0, LIMBS);
        subtract(out, prefix, lo * LIMBS);
        return new IdSum(out, (long) hi - lo);
    }

    /** Returns the sum of this set and a disjoint one. */
    public IdSum plus(IdSum other) {
        long[] out = limbs.clone();
        add(out, 0, other.limbs, 0);
        return new IdSum(out, count + other.count);
    }

    /** Returns the number of ids summed. */
    public long count() {
        return count;
    }

    /** Returns the sum as 32 little-endian bytes. */
    public byte[] toLittleEndian() {
        byte[] out = new byte[EnvelopeId.LENGTH];
        for (int k = 0; k < LIMBS; k++) {
            LONG_LE.set(out, 8 * k, limbs[k]);
        }
        return out;
    }

    /** Adds the id at {@code ids[offset, offset + 32)} to the sum held in {@code acc[at, at + 4)}. */
    static void addId(long[] acc, int at, byte[] ids, int offset) {
        long carry = 0;
        for (int k = 0; k < LIMBS; k++) {
            long a = acc[at + k];
            long b = (long) LONG_LE.get(ids, offset + 8 * k);
            long s = a + b;
            long c = Long.compareUnsigned(s, a) < 0 ? 1 : 0;
            long t = s + carry;
            c |= (carry != 0 && t == 0) ? 1 : 0;
            acc[at + k] = t;
            carry = c;
        }
    }

    private static void add(long[] acc, int at, long[] other, int from) {
        long carry = 0;
        for (int k = 0; k < LIMBS; k++) {
            long a = acc[at + k];
            long s = a + other[from + k];
            long c = Long.compareUnsigned(s, a) < 0 ? 1 : 0;
            long t = s + carry;
            c |= (carry != 0 && t == 0) ? 1 : 0;
            acc[at + k] = t;
            carry = c;
        }
    }

    private static void subtract(long[] acc, long[] other, int from) {
        long borrow = 0;
        for (int k = 0; k < LIMBS; k++) {
            long a = acc[k];
            long b = other[from + k];
            long d = a - b;
            long o = Long.compareUnsigned(a, b) < 0 ? 1 : 0;
            long t = d - borrow;
            o |= (borrow != 0 && d == 0) ? 1 : 0;
            acc[k] = t;
            borrow = o;
        }
    }
}
