package org.habarshy.core.sim;

import java.util.Arrays;

/**
 * Contacts in time order: at {@link #time(int)} nodes {@link #first(int)} and {@link #second(int)} come within radio
 * range of each other and sync once. Immutable.
 */
public final class ContactSchedule {
    private final long[] times;
    private final int[] firsts;
    private final int[] seconds;
    private final int nodes;

    /** Creates a schedule from parallel arrays (copied); times must not decrease, nodes must differ. */
    public ContactSchedule(int nodes, long[] times, int[] firsts, int[] seconds) {
        if (times.length != firsts.length || times.length != seconds.length) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] < times[i - 1]) {
                throw new IllegalArgumentException("contacts out of time order at " + i);
            }
            if (firsts[i] == seconds[i] || firsts[i] < 0 || seconds[i] < 0 || firsts[i] >= nodes
                    || seconds[i] >= nodes) {
                throw new IllegalArgumentException("invalid contact " + i);
            }
        }
        this.nodes = nodes;
        this.times = times.clone();
        this.firsts = firsts.clone();
        this.seconds = seconds.clone();
    }

    /** Returns the number of contacts. */
    public int size() {
        return times.length;
    }

    /** Returns the number of nodes. */
    public int nodes() {
        return nodes;
    }

    /** Returns the virtual time of contact {@code i}, in milliseconds. */
    public long time(int i) {
        return times[i];
    }

    /** Returns the node that opens contact {@code i} (the link's initiator). */
    public int first(int i) {
        return firsts[i];
    }

    /** Returns the other node of contact {@code i}. */
    public int second(int i) {
        return seconds[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactSchedule s && s.nodes == nodes && Arrays.equals(s.times, times)
                && Arrays.equals(s.firsts, firsts) && Arrays.equals(s.seconds, seconds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(times) + Arrays.hashCode(firsts)) + Arrays.hashCode(seconds);
    }

    @Override
    public String toString() {
        return "ContactSchedule[" + times.length + " contacts among " + nodes + " nodes]";
    }
}
