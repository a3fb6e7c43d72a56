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

class SyncSessionTest {
    /** A store of envelopes keyed by an id derived from their first bytes. */
    private static final class InMemoryStorage implements SyncStorage {
        final Map<EnvelopeId, byte[]> held = new LinkedHashMap<>();
        final List<EnvelopeId> received = new ArrayList<>();

        void add(int n) {
            byte[] bytes = new byte[40];
            bytes[0] = (byte) n;
            bytes[1] = (byte) (n >> 8);
            held.put(idOf(bytes), bytes);
        }

        static EnvelopeId idOf(byte[] bytes) {
            return new EnvelopeId(java.util.Arrays.copyOf(bytes, 32));
        }

        @Override
        public List<EnvelopeId> offerableIds() {
            return new ArrayList<>(held.keySet());
        }

        @Override
        public Set<EnvelopeId> absent(Collection<EnvelopeId> ids) {
            Set<EnvelopeId> out = new HashSet<>(ids);
            out.removeAll(held.keySet());
            return out;
        }

        @Override
        public Optional<EnvelopeRecord> load(EnvelopeId id) {
            return Optional.ofNullable(held.get(id)).map(b -> new EnvelopeRecord(b, 0));
        }

        @Override
        public Optional<EnvelopeId> receive(EnvelopeRecord envelope, String linkLabel) {
            EnvelopeId id = idOf(envelope.envelope());
            received.add(id);
            held.putIfAbsent(id, envelope.envelope());
            return Optional.of(id);
        }
    }

    /** Two sessions whose outputs feed each other through queues, delivered in order. */
    private static final class Pair {
        final Queue<SyncRecord> toB = new ArrayDeque<>();
        final Queue<SyncRecord> toA = new ArrayDeque<>();
        final List<EnvelopeId> sentByA = new ArrayList<>();
        final SyncSession a;
        final SyncSession b;

        Pair(InMemoryStorage storeA, InMemoryStorage storeB) {
            a = new SyncSession(storeA, output(toB, sentByA), "a");
            b = new SyncSession(storeB, output(toA, new ArrayList<>()), "b");
        }

        static SyncOutput output(Queue<SyncRecord> queue, List<EnvelopeId> sent) {
            return new SyncOutput() {
                @Override
                public void send(SyncRecord record) {
                    queue.add(record);
                }

                @Override
                public void sendEnvelope(EnvelopeRecord record, EnvelopeId id) {
                    sent.add(id);
                    queue.add(record);
                }
            };
        }

        void run() {
            while (!toA.isEmpty() || !toB.isEmpty()) {
                if (!toB.isEmpty()) {
                    b.onRecord(toB.poll());
                }
                if (!toA.isEmpty()) {
                    a.onRecord(toA.poll());
                }
            }
        }
    }

    @Test
    void twoStoresConvergeToTheirUnion() {
        InMemoryStorage a = new InMemoryStorage();
        InMemoryStorage b = new InMemoryStorage();
        for (int i = 0; i < 3000; i++) {
            if (i % 3 != 0) {
                a.add(i);
            }
            if (i % 2 == 0) {
                b.add(i);
            }
        }
        Set<EnvelopeId> union = new HashSet<>(a.held.keySet());
        union.addAll(b.held.keySet());

        Pair pair = new Pair(a, b);
        pair.a.start();
        pair.b.start();
        pair.run();

        assertThat(a.held.keySet()).isEqualTo(union);
        assertThat(b.held.keySet()).isEqualTo(union);
        assertThat(pair.a.peerOfferDone()).isTrue();
        assertThat(pair.a.outstandingRequests()).isZero();
        assertThat(pair.b.outstandingRequests()).isZero();
        assertThat(new HashSet<>(b.received)).hasSize(b.received.size());
    }

    @Test
    void neverSendsAnEnvelopeThePeerAlreadyHasTwice() {
        InMemoryStorage a = new InMemoryStorage();
        InMemoryStorage b = new InMemoryStorage();
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
    void offersNewEnvelopesLiveAndSplitsLargeOffers() {
        InMemoryStorage a = new InMemoryStorage();
        InMemoryStorage b = new InMemoryStorage();
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
        assertThat(b.held.keySet()).isEqualTo(a.held.keySet());
    }
}
