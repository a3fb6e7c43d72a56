package org.habarshy.core.sync;

import java.util.Comparator;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * The envelopes one link still has to send, in {@link TransferPriority} order, then smaller first,
 * then first queued first. It holds ids and sizes only; the bytes are loaded when the link has room,
 * so a backlog of thousands of envelopes costs memory for their ids, not their contents. Not
 * thread-safe.
 */
final class TransferQueue {
    private record Entry(EnvelopeId id, TransferPriority priority, int size, long order) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::priority)
            .thenComparingInt(Entry::size).thenComparingLong(Entry::order);

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(ORDER);
    private final Set<EnvelopeId> queued = new HashSet<>();
    private long next;

    /** Queues {@code id} unless it is already queued; returns true if it was added. */
    boolean add(EnvelopeId id, TransferPriority priority, int size) {
        if (!queued.add(id)) {
            return false;
        }
        queue.add(new Entry(id, priority, size, next++));
        return true;
    }

    /** Removes and returns the next id to send, or null if the queue is empty. */
    EnvelopeId poll() {
        Entry entry = queue.poll();
        if (entry == null) {
            return null;
        }
        queued.remove(entry.id());
        return entry.id();
    }

    /** Returns true if {@code id} waits in the queue. */
    boolean contains(EnvelopeId id) {
        return queued.contains(id);
    }

    /** Returns the number of envelopes waiting. */
    int size() {
        return queue.size();
    }
}
