package org.habarshy.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;
import org.junit.jupiter.api.Test;

/** Version 1 (offer lists) sessions, still spoken with peers that announce version 1. */
class SyncSessionTest {
    private static final class Pair {
        final SessionPair link;
        final SyncSession a;
        final SyncSession b;
        final java.util.Queue<SyncRecord> toB;
        final List<EnvelopeId> sentByA;

        Pair(InMemorySessionStorage storeA, InMemorySessionStorage storeB) {
            link = new SessionPair(storeA, storeB, 1);
            a = link.a;
            b = link.b;
            toB = link.toB.queue;
            sentByA = link.toB.sentIds;
        }

        void run() throws SyncException {
            link.run();
        }
    }

    @Test
    void twoStoresConvergeToTheirUnion() throws SyncException {
        InMemorySessionStorage a = new InMemorySessionStorage();
        InMemorySessionStorage b = new InMemorySessionStorage();
        for (int i = 0; i < 3000; i++) {
            if (i % 3 != 0) {
                a.add(i);
            }
            if (i % 2 == 0) {
                b.add(i);
            }
        }
        Set<EnvelopeId> union = new HashSet<>(a.ids());
        union.addAll(b.ids());

        Pair pair = new Pair(a, b);
        pair.a.start();
        pair.b.start();
        pair.run();

        assertThat(a.ids()).isEqualTo(union);
        assertThat(b.ids()).isEqualTo(union);
        assertThat(pair.a.peerOfferDone()).isTrue();
        assertThat(pair.a.outstandingRequests()).isZero();
        assertThat(pair.b.outstandingRequests()).isZero();
        assertThat(new HashSet<>(b.received)).hasSize(b.received.size());
    }

    @Test
    void neverSendsAnEnvelopeThePeerAlreadyHasTwice() throws SyncException {
        InMemorySessionStorage a = new InMemorySessionStorage();
        InMemorySessionStorage b = new InMemorySessionStorage();
        for (int i = 0; i < 10; i++) {
            a.add(i);
        }
        Pair pair = new Pair(a, b);
        pair.a.start();
        pair.b.start();
        pair.run();
        // Offering the same ids again after the session learned the peer holds them sends nothing.
        pair.a.offerNew(a.offerableIds());
        assertThat(pair.toB).isEmpty();
        // A duplicate request is answered at most once per id.
        pair.a.onRecord(new RequestRecord(a.offerableIds()));
        pair.run();
        assertThat(pair.sentByA).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void offersNewEnvelopesLiveAndSplitsLargeOffers() throws SyncException {
        InMemorySessionStorage a = new InMemorySessionStorage();
        InMemorySessionStorage b = new InMemorySessionStorage();
        Pair pair = new Pair(a, b);
        pair.a.start();
        pair.b.start();
        pair.run();
        for (int i = 0; i < SyncLimits.MAX_IDS_PER_RECORD + 5; i++) {
            a.add(i);
        }
        pair.a.offerNew(a.offerableIds());
        assertThat(pair.toB).hasSize(2);
        pair.run();
        assertThat(b.ids()).isEqualTo(a.ids());
    }
}
