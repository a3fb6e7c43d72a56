package org.habarshy.core.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.routing.CentralitySprayPolicy;
import org.habarshy.core.sync.EnvelopeRecord;
import org.junit.jupiter.api.Test;

/** One contact's storage adapter: what it offers, what it accepts, and the budget arithmetic on handover. */
class ContactSideTest {
    private final Workload workload = Workload.generate(3, 3, 60_000, 3_600_000, 17);
    private final ContactLedger ledger = new ContactLedger(new CentralitySprayPolicy(8), workload, true);
    private final SimNode author = new SimNode(0, 3, 1_000);
    private final SimNode peer = new SimNode(1, 3, 1_000);
    private final ContactSide authorSide = new ContactSide(author, workload, ledger);
    private final ContactSide peerSide = new ContactSide(peer, workload, ledger);

    ContactSideTest() {
        authorSide.pairWith(peerSide);
        peerSide.pairWith(authorSide);
    }

    private int messageNotFor(int node) {
        for (SimMessage m : workload.messages()) {
            if (m.recipient() != node) {
                return m.index();
            }
        }
        throw new IllegalStateException("every message is for node " + node);
    }

    @Test
    void handingOverCopiesSplitsTheBudget() {
        int index = messageNotFor(1);
        author.carry(index, 8, 0);
        authorSide.offer(index, 5);
        assertThat(authorSide.offerableIds()).containsExactly(workload.message(index).id());
        assertThat(peerSide.absent(authorSide.offerableIds())).hasSize(1);
        Optional<EnvelopeRecord> sent = authorSide.load(workload.message(index).id());
        assertThat(sent).isPresent();
        assertThat(peerSide.receive(sent.get(), "test")).contains(workload.message(index).id());
        assertThat(author.budget[index]).isEqualTo(3);
        assertThat(peer.carried.get(index)).isTrue();
        assertThat(peer.budget[index]).isEqualTo(5);
        assertThat(peer.hops[index]).isEqualTo((byte) 1);
        // Now the peer has it: never requested again.
        assertThat(peerSide.absent(List.of(workload.message(index).id()))).isEmpty();
    }

    @Test
    void handingOverTheWholeBudgetPassesCustody() {
        int index = messageNotFor(1);
        author.carry(index, 1, 2);
        authorSide.offer(index, 1);
        peerSide.receive(authorSide.load(workload.message(index).id()).orElseThrow(), "test");
        assertThat(author.carried.get(index)).isFalse();
        assertThat(peer.carried.get(index)).isTrue();
        assertThat(peer.hops[index]).isEqualTo((byte) 3);
    }

    @Test
    void aDeliveryOnlyOfferIsLookedAtNotCarried() {
        int index = messageNotFor(1);
        author.carry(index, 1, 0);
        authorSide.offer(index, 0);
        peerSide.receive(authorSide.load(workload.message(index).id()).orElseThrow(), "test");
        assertThat(peer.carried.get(index)).isFalse();
        assertThat(peer.seen.get(index)).isTrue();
        assertThat(author.carried.get(index)).isTrue();
        assertThat(ledger.transfers()).isEqualTo(1);
        assertThat(ledger.custodyCopies()).isZero();
    }

    @Test
    void unknownTamperedOrUnofferedEnvelopesAreRejected() {
        int index = messageNotFor(1);
        byte[] tampered = workload.envelope(index).clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(peerSide.receive(new EnvelopeRecord(tampered, 0), "test")).isEmpty();
        // Genuine, but the author never offered it in this contact.
        assertThat(peerSide.receive(new EnvelopeRecord(workload.envelope(index), 0), "test")).isEmpty();
        assertThat(ledger.rejectedCount()).isEqualTo(2);
        assertThat(peer.seen.isEmpty()).isTrue();
        // Nothing is sent for an id this side does not offer or does not carry.
        assertThat(authorSide.load(workload.message(index).id())).isEmpty();
        assertThat(authorSide.load(new EnvelopeId(new byte[32]))).isEmpty();
    }

    @Test
    void theRecipientOpensItsEnvelopeAndRecordsADeliveryNotice() {
        SimMessage m = workload.message(0);
        SimNode source = new SimNode(m.source(), 3, 1_000);
        SimNode recipient = new SimNode(m.recipient(), 3, 1_000);
        ContactSide from = new ContactSide(source, workload, ledger);
        ContactSide to = new ContactSide(recipient, workload, ledger);
        from.pairWith(to);
        to.pairWith(from);
        source.carry(0, 8, 0);
        from.offer(0, 0);
        ledger.now(m.createdAt() + 1_000);
        to.receive(from.load(m.id()).orElseThrow(), "test");
        assertThat(ledger.delivered()).isEqualTo(1);
        assertThat(ledger.openFailures()).isZero();
        assertThat(ledger.deliveredAt(0)).isEqualTo(m.createdAt() + 1_000);
        assertThat(recipient.delivered.get(0)).isTrue();
        assertThat(recipient.carried.get(0)).isFalse();
    }
}
