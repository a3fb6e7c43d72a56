package org.habarshy.core.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import org.habarshy.core.api.message.EnvelopeId;

/**
 * Two sessions whose outputs feed each other through in-order queues, run on the test thread; {@code a}
 * opened the link. Each side's link takes at most {@link #capacity} envelopes until the test
 * {@link #drain drains} it, so backlogs build up in the sessions' queues as on a slow link.
 */
final class SessionPair {
    /** One direction of the link. */
    static final class Wire implements SyncOutput {
        final Queue<SyncRecord> queue = new ArrayDeque<>();
        final List<EnvelopeId> sentIds = new ArrayList<>();
        int inFlight;
        int capacity = Integer.MAX_VALUE;

        @Override
        public void send(SyncRecord record) {
            queue.add(record);
        }

        @Override
        public void sendEnvelope(EnvelopeRecord record, EnvelopeId id) {
            sentIds.add(id);
            inFlight++;
            queue.add(record);
        }

        @Override
        public boolean writable() {
            return inFlight < capacity;
        }
    }

    final Wire toB = new Wire();
    final Wire toA = new Wire();
    final SyncSession a;
    final SyncSession b;

    SessionPair(SessionStorage storeA, SessionStorage storeB, int version) {
        this(storeA, storeB, version, org.habarshy.core.sync.reconcile.ReconcileParameters.DEFAULT,
                org.habarshy.core.sync.reconcile.ReconcileParameters.DEFAULT);
    }

    SessionPair(SessionStorage storeA, SessionStorage storeB, int version,
                org.habarshy.core.sync.reconcile.ReconcileParameters parametersA,
                org.habarshy.core.sync.reconcile.ReconcileParameters parametersB) {
        a = new SyncSession(storeA, toB, "a", version, true, parametersA);
        b = new SyncSession(storeB, toA, "b", version, false, parametersB);
    }

    void start() {
        a.start();
        b.start();
    }

    /** Delivers one record from {@code wire} to {@code to}; returns false if the wire was empty. */
    boolean deliverOne(Wire wire, SyncSession to, SyncSession from) throws SyncException {
        SyncRecord record = wire.queue.poll();
        if (record == null) {
            return false;
        }
        if (record instanceof EnvelopeRecord) {
            wire.inFlight--;
            from.pump();
        }
        to.onRecord(record);
        return true;
    }

    /** Delivers everything in order, alternating directions, until both wires are empty. */
    void run() throws SyncException {
        boolean moved = true;
        while (moved) {
            moved = deliverOne(toB, b, a);
            moved |= deliverOne(toA, a, b);
        }
    }

    /** Delivers records in a random interleaving of the two directions (each direction stays in order). */
    void runShuffled(SplittableRandom random) throws SyncException {
        while (!toA.queue.isEmpty() || !toB.queue.isEmpty()) {
            boolean toBFirst = toA.queue.isEmpty() || !toB.queue.isEmpty() && random.nextBoolean();
            if (toBFirst) {
                deliverOne(toB, b, a);
            } else {
                deliverOne(toA, a, b);
            }
        }
    }
}
