package org.habarshy.core.rtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.identity.IdentityKey;
import org.habarshy.core.node.Account;
import org.habarshy.core.node.Node;
import org.habarshy.core.node.NodeConfig;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real-time text between real nodes on loopback TCP: drafts flow both ways on a direct link between two contacts
 * who both turned it on, never to a stranger, never through a carrier, and at most ten updates a second.
 */
class RealTimeTextLoopbackTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;
    @TempDir
    Path carrierDir;

    private static NodeConfig loopback() {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
    }

    private static InetSocketAddress at(Node node) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), node.port());
    }

    private static IdentityKey key(Account account) {
        return account.card().identityKey();
    }

    /** Events a listener saw, as "draft:TEXT" and "link:true/false". */
    private static List<String> record(RealTimeText rtt) {
        List<String> events = new CopyOnWriteArrayList<>();
        rtt.addListener(new RttListener() {
            @Override
            public void draftChanged(IdentityKey contact, String draft) {
                events.add("draft:" + draft);
            }

            @Override
            public void linkChanged(IdentityKey contact, boolean linked) {
                events.add("link:" + linked);
            }
        });
        return events;
    }

    @Test
    void contactsWithRealTimeTextOnSeeEachOthersDraftsOverADirectLink() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            Contact bobContact = alice.addContact(bob.contactCode(), "bob");
            Contact aliceContact = bob.addContact(alice.contactCode(), "alice");
            try (Node aliceNode = Node.start(alice, loopback()); Node bobNode = Node.start(bob, loopback())) {
                RealTimeText aliceRtt = aliceNode.realTimeText();
                RealTimeText bobRtt = bobNode.realTimeText();
                List<String> bobSaw = record(bobRtt);
                aliceRtt.enable(bobContact.card());
                bobRtt.enable(aliceContact.card());
                bobNode.addPeer(at(aliceNode));
                Await.until("recognised on both sides", LIMIT,
                        () -> aliceRtt.isLinked(key(bob)) && bobRtt.isLinked(key(alice)));

                assertThat(aliceRtt.type(key(bob), "Сә")).isTrue();
                assertThat(aliceRtt.type(key(bob), "Сәлем, жарық жоқ")).isTrue();
                Await.until("Bob sees Alice's draft", LIMIT,
                        () -> bobRtt.peerDraft(key(alice)).equals(Optional.of("Сәлем, жарық жоқ")));
                assertThat(bobSaw).contains("link:true").endsWith("draft:Сәлем, жарық жоқ");

                assertThat(bobRtt.type(key(alice), "hi")).isTrue();
                Await.until("Alice sees Bob's draft", LIMIT,
                        () -> aliceRtt.peerDraft(key(bob)).equals(Optional.of("hi")));

                aliceRtt.type(key(bob), "");
                Await.until("cleared", LIMIT, () -> bobRtt.peerDraft(key(alice)).isEmpty());
                assertThat(bobRtt.droppedCount()).isZero();
                assertThat(aliceRtt.droppedCount()).isZero();

                // Turning it off withdraws the tag: both sides stop, and the other's draft goes.
                aliceRtt.type(key(bob), "half a sentence");
                Await.until("Bob sees it", LIMIT, () -> bobRtt.peerDraft(key(alice)).isPresent());
                bobRtt.disable(key(alice));
                Await.until("no longer linked", LIMIT,
                        () -> !aliceRtt.isLinked(key(bob)) && !bobRtt.isLinked(key(alice)));
                assertThat(aliceRtt.type(key(bob), "more")).isFalse();
                assertThat(bobRtt.peerDraft(key(alice))).isEmpty();
            }
        }
    }

    @Test
    void nothingIsSentUntilBothTurnedItOnAndDraftsGoWhenTheLinkCloses() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            Contact bobContact = alice.addContact(bob.contactCode(), "bob");
            Contact aliceContact = bob.addContact(alice.contactCode(), "alice");
            try (Node aliceNode = Node.start(alice, loopback())) {
                RealTimeText aliceRtt = aliceNode.realTimeText();
                aliceRtt.enable(bobContact.card());
                try (Node bobNode = Node.start(bob, loopback())) {
                    RealTimeText bobRtt = bobNode.realTimeText();
                    bobNode.addPeer(at(aliceNode));
                    Await.until("linked", LIMIT, () -> aliceNode.linkCount() == 1 && bobNode.linkCount() == 1);
                    // Bob has not turned it on: Alice's tag is there, but Bob sends none back.
                    Thread.sleep(300);
                    assertThat(aliceRtt.isLinked(key(bob))).isFalse();
                    assertThat(aliceRtt.type(key(bob), "secret draft")).isFalse();
                    assertThat(bobRtt.type(key(alice), "secret draft")).isFalse();

                    bobRtt.enable(aliceContact.card());
                    Await.until("recognised", LIMIT, () -> aliceRtt.isLinked(key(bob)));
                    aliceRtt.type(key(bob), "now");
                    Await.until("Bob sees it", LIMIT, () -> bobRtt.peerDraft(key(alice)).isPresent());
                    assertThat(bobRtt.droppedCount()).isZero();
                }
                Await.until("Alice noticed Bob left", LIMIT, () -> !aliceRtt.isLinked(key(bob)));
                assertThat(aliceRtt.type(key(bob), "anyone?")).isFalse();
            }
        }
    }

    @Test
    void neverSentToAStrangerNorThroughACarrier() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock);
             Account carrier = Account.create(carrierDir, "Carrier", clock)) {
            Contact bobContact = alice.addContact(bob.contactCode(), "bob");
            Contact aliceContact = bob.addContact(alice.contactCode(), "alice");
            // The carrier knows Alice's code, but Alice never added the carrier.
            Contact aliceAtCarrier = carrier.addContact(alice.contactCode(), "alice");
            try (Node aliceNode = Node.start(alice, loopback());
                 Node bobNode = Node.start(bob, loopback());
                 Node carrierNode = Node.start(carrier, loopback())) {
                RealTimeText aliceRtt = aliceNode.realTimeText();
                RealTimeText carrierRtt = carrierNode.realTimeText();
                List<String> carrierSaw = record(carrierRtt);
                aliceRtt.enable(bobContact.card());
                bobNode.realTimeText().enable(aliceContact.card());
                carrierRtt.enable(aliceAtCarrier.card());
                carrierNode.addPeer(at(aliceNode));
                carrierNode.addPeer(at(bobNode));
                Await.until("carrier linked to both", LIMIT, () -> carrierNode.linkCount() == 2);
                Thread.sleep(300);

                // Alice and Bob are linked only through the carrier: no real-time text, the message goes normally.
                assertThat(aliceRtt.isLinked(key(bob))).isFalse();
                assertThat(aliceRtt.type(key(bob), "through the carrier?")).isFalse();
                // The carrier turned it on for Alice, but Alice has no tag for a stranger.
                assertThat(carrierRtt.isLinked(key(alice))).isFalse();
                assertThat(aliceRtt.isLinked(key(carrier))).isFalse();
                assertThat(carrierRtt.type(key(alice), "hello stranger")).isFalse();
                Thread.sleep(300);
                assertThat(carrierRtt.droppedCount()).isZero();
                assertThat(aliceRtt.droppedCount()).isZero();
                assertThat(carrierSaw).isEmpty();
                assertThat(carrierRtt.peerDraft(key(alice))).isEmpty();
            }
        }
    }

    @Test
    void aFastTypistSendsAtMostTenUpdatesASecondAndTheLastDraftArrives() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            Contact bobContact = alice.addContact(bob.contactCode(), "bob");
            Contact aliceContact = bob.addContact(alice.contactCode(), "alice");
            try (Node aliceNode = Node.start(alice, loopback()); Node bobNode = Node.start(bob, loopback())) {
                RealTimeText aliceRtt = aliceNode.realTimeText();
                RealTimeText bobRtt = bobNode.realTimeText();
                aliceRtt.enable(bobContact.card());
                bobRtt.enable(aliceContact.card());
                bobNode.addPeer(at(aliceNode));
                Await.until("recognised", LIMIT, () -> aliceRtt.isLinked(key(bob)));
                List<String> bobSaw = record(bobRtt);

                long start = System.nanoTime();
                StringBuilder draft = new StringBuilder();
                for (int i = 0; i < 300; i++) {
                    draft.append((char) ('a' + i % 26));
                    aliceRtt.type(key(bob), draft.toString());
                    if (i % 30 == 0) {
                        Thread.sleep(20);
                    }
                }
                String last = draft.toString();
                Await.until("the last draft arrives", LIMIT, () -> bobRtt.peerDraft(key(alice)).equals(Optional.of(last)));
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                // One update may go at once, then at most one per 100 ms.
                assertThat(bobSaw.size()).isLessThanOrEqualTo((int) (elapsedMillis / 100) + 2);
                assertThat(bobRtt.droppedCount()).isZero();
            }
        }
    }
}
