package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Carried by N" with real nodes on loopback: a carrier that takes a copy counts once per link session;
 * after the carrier restarts (a new transport key, a new session) it shows through reconciliation that it
 * still holds the copy and counts once more, without the envelope being sent again.
 */
class CarriedByTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path aliceDir;
    @TempDir
    Path carrierDir;
    @TempDir
    Path charlieDir;

    private static NodeConfig loopback() {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
    }

    private static Message find(Account account, EnvelopeId id) throws Exception {
        return account.messages(Optional.empty()).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void countsOneCarrierPerLinkSession() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account carrier = Account.create(carrierDir, "Carrier", clock)) {
            try (Account charlie = Account.create(charlieDir, "Charlie", clock)) {
                alice.addContact(charlie.contactCode(), "charlie");
            }
            EnvelopeId id = alice.send("charlie", "for Charlie, through whoever passes by");
            assertThat(find(alice, id).carriedBy()).isZero();

            try (Node aliceNode = Node.start(alice, loopback())) {
                try (Node carrierNode = Node.start(carrier, loopback())) {
                    carrierNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), aliceNode.port()));
                    Await.until("carried once", LIMIT, () -> find(alice, id).carriedBy() == 1);
                    assertThat(find(alice, id).state()).isEqualTo(MessageState.SENT_TO_PEER);
                    long sent = aliceNode.currentStatus().links().get(0).sent();
                    assertThat(sent).isEqualTo(1);
                    // Alice counts a carrier once she has sent it the copy; closing the carrier's node before it
                    // stored that copy drops it (its link is gone), and the second session would send it again.
                    Await.until("the carrier stored the copy", LIMIT, () -> Account.call(carrier.storeExecutor(),
                            () -> carrier.database().read(t -> carrier.envelopes().contains(t, id))));
                }
                try (Node carrierNode = Node.start(carrier, loopback())) {
                    carrierNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), aliceNode.port()));
                    Await.until("carried by a second session", LIMIT, () -> find(alice, id).carriedBy() == 2);
                    // The first session's link may still be closing on Alice's side: wait until only the new
                    // one is left, so the check below reads the second session.
                    Await.until("reconciled, first link gone", LIMIT,
                            () -> aliceNode.currentStatus().links().size() == 1
                                    && aliceNode.currentStatus().links().get(0).peerOfferDone());
                    assertThat(aliceNode.currentStatus().links().get(0).sent()).isZero();
                }
            }
            assertThat(find(alice, id).carriedBy()).isEqualTo(2);
        }
    }
}
