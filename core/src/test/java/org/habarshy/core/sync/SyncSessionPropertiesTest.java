package org.habarshy.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.sync.reconcile.ReconcileParameters;

/**
 * Whole sessions (version 1 and 2) over random stores, random interleavings of the two directions, a
 * random link capacity and envelopes arriving from elsewhere during the session: both ends converge to the
 * union, no envelope is sent twice in a session, and none the peer held when the session started is sent.
 */
class SyncSessionPropertiesTest {
    /**
     * One session. {@code arrivals} envelopes reach A, B or both (from a third link) while the session
     * runs, each followed by the live offer the node would make.
     */
    record Scenario(long seed, int version, int common, int onlyA, int onlyB, int arrivals, int capacity,
                    ReconcileParameters parameters) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<ReconcileParameters> parameters = Arbitraries.of(ReconcileParameters.DEFAULT,
                new ReconcileParameters(1024, 4, 2, 1, 1 << 20), new ReconcileParameters(2048, 16, 4, 8, 1 << 20));
        return Combinators.combine(Arbitraries.longs(), Arbitraries.of(1, 2, 2), Arbitraries.integers().between(0, 400),
                Arbitraries.integers().between(0, 150), Arbitraries.integers().between(0, 150),
                Arbitraries.integers().between(0, 20), Arbitraries.of(1, 3, Integer.MAX_VALUE), parameters)
                .as(Scenario::new);
    }

    @Property(tries = 150)
    void sessionsConvergeToTheUnionAndSendNothingTwice(@ForAll("scenarios") Scenario s) throws SyncException {
        SplittableRandom random = new SplittableRandom(s.seed());
        InMemorySessionStorage a = new InMemorySessionStorage();
        InMemorySessionStorage b = new InMemorySessionStorage();
        long n = 0;
        for (int i = 0; i < s.common(); i++, n++) {
            a.add(n, 40 + random.nextInt(400), random.nextInt(3));
            b.add(n, 40 + random.nextInt(400), 1);
        }
        for (int i = 0; i < s.onlyA(); i++, n++) {
            a.add(n, 40 + random.nextInt(400), random.nextInt(3));
        }
        for (int i = 0; i < s.onlyB(); i++, n++) {
            b.add(n, 40 + random.nextInt(400), random.nextInt(3));
        }
        Set<EnvelopeId> heldByAAtStart = a.ids();
        Set<EnvelopeId> heldByBAtStart = b.ids();

        SessionPair pair = new SessionPair(a, b, s.version(), s.parameters(), s.parameters());
        pair.toA.capacity = s.capacity();
        pair.toB.capacity = s.capacity();
        pair.start();
        int arrived = 0;
        while (!pair.toA.queue.isEmpty() || !pair.toB.queue.isEmpty() || arrived < s.arrivals()) {
            if (arrived < s.arrivals() && random.nextInt(4) == 0) {
                long id = n++;
                int where = random.nextInt(3);
                if (where != 1) {
                    pair.a.offerNew(List.of(a.add(id)));
                }
                if (where != 0) {
                    pair.b.offerNew(List.of(b.add(id)));
                }
                arrived++;
                continue;
            }
            boolean toB = pair.toA.queue.isEmpty() || !pair.toB.queue.isEmpty() && random.nextBoolean();
            if (toB) {
                pair.deliverOne(pair.toB, pair.b, pair.a);
            } else {
                pair.deliverOne(pair.toA, pair.a, pair.b);
            }
        }

        Set<EnvelopeId> union = a.ids();
        union.addAll(b.ids());
        assertThat(a.ids()).isEqualTo(union);
        assertThat(b.ids()).isEqualTo(union);
        assertThat(pair.toB.sentIds).doesNotHaveDuplicates().noneMatch(heldByBAtStart::contains);
        assertThat(pair.toA.sentIds).doesNotHaveDuplicates().noneMatch(heldByAAtStart::contains);
        assertThat(new HashSet<>(a.received)).hasSameSizeAs(a.received);
        assertThat(new HashSet<>(b.received)).hasSameSizeAs(b.received);
        assertThat(pair.a.outstandingRequests()).isZero();
        assertThat(pair.b.outstandingRequests()).isZero();
        if (s.version() == 2) {
            assertThat(pair.a.peerOfferDone()).isTrue();
            assertThat(pair.b.peerOfferDone()).isTrue();
        }
    }
}
