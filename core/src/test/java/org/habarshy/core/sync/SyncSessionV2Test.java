package org.habarshy.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.sync.reconcile.ReconcileLimits;
import org.junit.jupiter.api.Test;

/** Version 2 sessions: reconciliation, pushes, live offers, transfer order, resumption and carriers. */
class SyncSessionV2Test {
    @Test
    void storesConvergeToTheirUnionAndNothingIsSentTwiceOrToAHolder() throws SyncException {
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
        Set<EnvelopeId> onlyA = a.ids();
        onlyA.removeAll(b.ids());
        Set<EnvelopeId> onlyB = b.ids();
        onlyB.removeAll(a.ids());
        Set<EnvelopeId> union = a.ids();
        union.addAll(b.ids());

        SessionPair pair = new SessionPair(a, b, 2);
        pair.start();
        pair.run();

        assertThat(a.ids()).isEqualTo(union);
        assertThat(b.ids()).isEqualTo(union);
        assertThat(pair.toB.sentIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onlyA);
        assertThat(pair.toA.sentIds).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onlyB);
        assertThat(pair.a.peerOfferDone()).isTrue();
        assertThat(pair.b.peerOfferDone()).isTrue();
        assertThat(pair.a.outstandingRequests()).isZero();
        assertThat(pair.b.outstandingRequests()).isZero();
        assertThat(a.snapshots).isEqualTo(1);
        assertThat(b.snapshots).isEqualTo(1);
    }

    @Test
    void equalStoresExchangeOneRoundTripAndNoEnvelopes() throws SyncException {
        InMemorySessionStorage a = new InMemorySessionStorage();
        InMemorySessionStorage b = new InMemorySessionStorage();
        for (int i = 0; i < 500; i++) {
            a.add(i);
            b.add(i);
        }
        SessionPair pair = new SessionPair(a, b, 2);
        pair.start();
        assertThat(pair.toB.queue).hasSize(1).allMatch(r -> r instanceof ReconcileRecord);
        assertThat(pair.toA.queue).isEmpty();
        pair.run();
        assertThat(pair.toB.sentIds).isEmpty();
        assertThat(pair.toA.sentIds).isEmpty();
        assertThat(pair.a.peerOfferDone()).isTrue();
    }

    @Test
    void envelopesStoredDuringTheSessionAreOfferedLive() throws SyncException {
        InMemorySessionStorage a = new InMemorySessionStorage();
        InMemorySessionStorage b = new InMemorySessionStorage();
        for (int i = 0; i < 100; i++) {
            a.add(i);
        }
        SessionPair pair = new SessionPair(a, b, 2);
        pair.start();
        pair.deliverOne(pair.toB, pair.b, pair.a);
        EnvelopeId fresh = a.add(5_000);
        pair.a.offerNew(List.of(fresh));
        assertThat(pair.toB.queue).anyMatch(r -> r instanceof OfferRecord o && o.ids().contains(fresh));
        pair.run();
        assertThat(b.ids()).isEqualTo(a.ids()).contains(fresh);
        assertThat(pair.toB.sentIds).doesNotHaveDuplicates().hasSize(101);
        // The peer now holds it: offering it again sends nothing.
        pair.a.offerNew(List.of(fresh));
        assertThat(pair.toB.queue).isEmpty();
    }

    @Test
    void ownSmallAndLiveEnvelopesGoBeforeTheCarriedBacklog() throws SyncException {
        InMemorySessionStorage a = new InMemorySessionStorage();
        InMemorySessionStorage b = new InMemorySessionStorage();
        List<EnvelopeId> own = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            a.add(i, 200 + (i * 7919) % 5000, 1);
        }
        for (int i = 0; i < 5; i++) {
            own.add(a.add(1_000 + i, 20_000, 0));
        }
        SessionPair pair = new SessionPair(a, b, 2);
        pair.toB.capacity = 1;
        pair.start();
        // Run until A has found what B lacks and started sending.
        while (pair.toB.sentIds.isEmpty()) {
            pair.deliverOne(pair.toB, pair.b, pair.a);
            pair.deliverOne(pair.toA, pair.a, pair.b);
        }
        EnvelopeId live = a.add(9_999, 60_000, 1);
        pair.a.offerNew(List.of(live));
        pair.run();

        List<EnvelopeId> order = pair.toB.sentIds;
        assertThat(order).hasSize(66).doesNotHaveDuplicates();
        assertThat(order.subList(0, 5)).containsExactlyInAnyOrderElementsOf(own);
        assertThat(order.indexOf(live)).isLessThan(20);
        List<Integer> carriedSizes = new ArrayList<>();
        for (EnvelopeId id : order.subList(5, order.size())) {
            if (!id.equals(live)) {
                carriedSizes.add(a.load(id).orElseThrow().size());
            }
        }
        assertThat(carriedSizes).isSorted();
        assertThat(b.ids()).isEqualTo(a.ids());
    }

    @Test
    void anInterruptedTransferResumesWhereItStoppedOnTheNextLink() throws SyncException {
        InMemorySessionStorage a = new InMemorySessionStorage();
        InMemorySessionStorage b = new InMemorySessionStorage();
        for (int i = 0; i < 40; i++) {
            a.add(i);
        }
        SessionPair first = new SessionPair(a, b, 2);
        first.toB.capacity = 1;
        first.start();
        while (b.received.size() < 15) {
            first.deliverOne(first.toB, first.b, first.a);
            first.deliverOne(first.toA, first.a, first.b);
        }
        // The link dies here: whatever is still on the wire is lost.
        SessionPair second = new SessionPair(a, b, 2);
        second.start();
        second.run();

        assertThat(b.ids()).isEqualTo(a.ids());
        assertThat(second.toB.sentIds).hasSize(25).doesNotHaveDuplicates();
        assertThat(new HashSet<>(b.received)).hasSize(40);
        assertThat(b.received).hasSize(40);
    }

    @Test
    void ownEnvelopesThePeerHoldsAreReportedOnceAndSentOnesAreNot() throws SyncException {
        InMemorySessionStorage a = new InMemorySessionStorage();
        InMemorySessionStorage b = new InMemorySessionStorage();
        List<EnvelopeId> own = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            own.add(a.add(i, 300, 0));
        }
        for (int i = 0; i < 50; i++) {
            a.add(100 + i);
            b.add(100 + i);
        }
        b.add(0, 300, 1);
        b.add(1, 300, 1);

        SessionPair pair = new SessionPair(a, b, 2);
        pair.start();
        pair.run();

        assertThat(a.reportedHeld).containsExactlyInAnyOrder(own.get(0), own.get(1));
        assertThat(pair.toB.sentIds).containsExactlyInAnyOrderElementsOf(own.subList(2, 6));
        assertThat(b.reportedHeld).isEmpty();
    }

    @Test
    void aMalformedReconcileMessageEndsTheSession() {
        InMemorySessionStorage a = new InMemorySessionStorage();
        SyncSession responder = new SyncSession(a, new SessionPair.Wire(), "x", 2, false);
        assertThatThrownBy(() -> responder.onRecord(new ReconcileRecord(new byte[] {0x01, 0x00})))
                .isInstanceOf(SyncException.class).hasMessageContaining("reconciliation failed");
        byte[] garbage = new byte[ReconcileLimits.MAX_MESSAGE_BYTES];
        garbage[0] = 0x02;
        java.util.Arrays.fill(garbage, 1, garbage.length, (byte) 0xFF);
        SyncSession other = new SyncSession(a, new SessionPair.Wire(), "y", 2, false);
        assertThatThrownBy(() -> other.onRecord(new ReconcileRecord(garbage))).isInstanceOf(SyncException.class);
    }

    @Test
    void reconcileMessagesAreRefusedOnVersion1AndBeforeTheInitiatorStarted() {
        InMemorySessionStorage a = new InMemorySessionStorage();
        SyncSession v1 = new SyncSession(a, new SessionPair.Wire(), "x", 1, false);
        assertThatThrownBy(() -> v1.onRecord(new ReconcileRecord(new byte[] {0x02})))
                .isInstanceOf(SyncException.class).hasMessageContaining("version 1");
        SyncSession initiator = new SyncSession(a, new SessionPair.Wire(), "y", 2, true);
        assertThatThrownBy(() -> initiator.onRecord(new ReconcileRecord(new byte[] {0x02})))
                .isInstanceOf(SyncException.class).hasMessageContaining("before this side started");
    }

    @Test
    void aMessageAfterTheReconciliationEndedEndsTheSession() throws SyncException {
        InMemorySessionStorage a = new InMemorySessionStorage();
        InMemorySessionStorage b = new InMemorySessionStorage();
        a.add(1);
        SessionPair pair = new SessionPair(a, b, 2);
        pair.start();
        pair.run();
        assertThatThrownBy(() -> pair.b.onRecord(new ReconcileRecord(new byte[] {0x02})))
                .isInstanceOf(SyncException.class);
    }
}
