package org.habarshy.core.sim;

import java.util.BitSet;
import org.habarshy.core.routing.EncounterHistory;

/**
 * The store of one simulated node, by message index: what it carries (with copy budget and hop count), every
 * envelope it holds or has looked at (its reconciliation set), and the delivery notices it knows. In memory; the
 * real node keeps the same facts in SQLite.
 */
final class SimNode {
    final int number;
    /** Messages carried for forwarding. */
    final BitSet carried = new BitSet();
    /** Copy budget of each carried message. */
    final int[] budget;
    /** Links crossed by each carried message before reaching this node. */
    final byte[] hops;
    /** Messages held or looked at: never requested again. */
    final BitSet seen = new BitSet();
    /** Messages known to be delivered (delivery notices). */
    final BitSet delivered = new BitSet();
    final EncounterHistory history;

    SimNode(int number, int messages, long encounterWindowMillis) {
        this.number = number;
        this.budget = new int[messages];
        this.hops = new byte[messages];
        this.history = new EncounterHistory(encounterWindowMillis);
    }

    /** Starts carrying message {@code index} with {@code copies} and {@code hopCount}. */
    void carry(int index, int copies, int hopCount) {
        carried.set(index);
        seen.set(index);
        budget[index] = copies;
        hops[index] = (byte) hopCount;
    }

    /** Forgets copies of messages below {@code firstLive} (expired) and of delivered ones if {@code purge}. */
    void dropExpiredAndDelivered(int firstLive, boolean purge) {
        carried.clear(0, firstLive);
        if (purge) {
            carried.andNot(delivered);
        }
    }
}
