package org.habarshy.core.routing;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Which peers this node met and when, to derive {@link PeerSignals}: how many distinct peers it met within a
 * sliding window. Peers are opaque {@code long} tokens (a simulator's node number, or a hash of a peer's link
 * key; a rotating link key only makes the count an over-estimate). Times are milliseconds of a clock that never
 * goes back. Amortised constant time per call; memory proportional to the encounters within the window. Not
 * thread-safe.
 */
public final class EncounterHistory {
    private final long window;
    private final Map<Long, Long> lastMet = new HashMap<>();
    private final ArrayDeque<Encounter> order = new ArrayDeque<>();

    /** Creates a history that counts peers met within the last {@code windowMillis}. */
    public EncounterHistory(long windowMillis) {
        if (windowMillis <= 0) {
            throw new IllegalArgumentException("window must be positive: " + windowMillis);
        }
        this.window = windowMillis;
    }

    /** Records meeting {@code peer} at {@code now}; throws if {@code now} is before an earlier encounter. */
    public void met(long peer, long now) {
        Encounter last = order.peekLast();
        if (last != null && now < last.time()) {
            throw new IllegalArgumentException("encounters must be recorded in time order");
        }
        lastMet.put(peer, now);
        order.addLast(new Encounter(peer, now));
    }

    /** Returns the signals of this node at {@code now}, forgetting peers not met within the window. */
    public PeerSignals signals(long now) {
        long since = now - window;
        while (!order.isEmpty() && order.peekFirst().time() < since) {
            Encounter old = order.removeFirst();
            if (lastMet.get(old.peer()) == old.time()) {
                lastMet.remove(old.peer());
            }
        }
        return new PeerSignals(lastMet.size());
    }

    /** Returns the window in milliseconds. */
    public long window() {
        return window;
    }

    private record Encounter(long peer, long time) {
    }
}
