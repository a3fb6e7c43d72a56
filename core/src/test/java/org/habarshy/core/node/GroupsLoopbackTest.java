package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.habarshy.core.api.group.GroupId;
import org.habarshy.core.api.group.GroupSummary;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A private group across three real nodes on loopback TCP (Alice - Bob - Carol in a line, so Alice's and Carol's
 * envelopes travel through Bob), with real SQLite files: Alice creates the group with Bob and Carol, everyone
 * writes, Alice removes Carol, and Carol's node carries the next message without being able to read it.
 */
class GroupsLoopbackTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static NodeConfig loopback() {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
    }

    private static void befriend(Account a, Account b) throws Exception {
        a.addContact(b.contactCode(), b.card().name().toLowerCase(Locale.ROOT));
        b.addContact(a.contactCode(), a.card().name().toLowerCase(Locale.ROOT));
    }

    private static List<String> texts(Account account, GroupId id) throws Exception {
        return account.groups().messages(id).stream().map(m -> m.text()).toList();
    }

    private static boolean holds(Account account, EnvelopeId id) throws Exception {
        return Account.call(account.storeExecutor(),
                () -> account.database().read(t -> account.envelopes().contains(t, id)));
    }

    @Test
    void threeNodesTalkInAGroupAndTheRemovedMemberIsLockedOut() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(dir.resolve("alice"), "Alice", clock);
             Account bob = Account.create(dir.resolve("bob"), "Bob", clock);
             Account carol = Account.create(dir.resolve("carol"), "Carol", clock)) {
            befriend(alice, bob);
            befriend(alice, carol);
            try (Node aliceNode = Node.start(alice, loopback());
                 Node bobNode = Node.start(bob, loopback());
                 Node carolNode = Node.start(carol, loopback())) {
                aliceNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), bobNode.port()));
                carolNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), bobNode.port()));

                GroupId id = alice.groups().create("Abay street", List.of(alice.contact("bob"),
                        alice.contact("carol"))).id();
                Await.until("Bob and Carol joined", LIMIT,
                        () -> bob.groups().list().size() == 1 && carol.groups().list().size() == 1);

                alice.groups().send(id, "from Alice");
                bob.groups().send(id, "from Bob");
                carol.groups().send(id, "from Carol");
                List<String> all = List.of("from Alice", "from Bob", "from Carol");
                for (Account member : List.of(alice, bob, carol)) {
                    Await.until("everyone reads everything", LIMIT,
                            () -> texts(member, id).containsAll(all));
                }

                GroupSummary after = alice.groups().remove(id, carol.card().identityKey());
                assertThat(after.members()).hasSize(2);
                Await.until("Carol learns she was removed", LIMIT,
                        () -> !carol.groups().find("Abay street").member());
                Await.until("Bob applied the removal", LIMIT,
                        () -> bob.groups().find("Abay street").epoch() == 1);

                EnvelopeId secret = alice.groups().send(id, "after Carol left");
                Await.until("Bob reads the next message", LIMIT, () -> texts(bob, id).contains("after Carol left"));
                Await.until("Carol's node carries it", LIMIT, () -> holds(carol, secret));
                bob.groups().send(id, "Bob after Carol left");
                Await.until("Alice reads Bob's next message", LIMIT,
                        () -> texts(alice, id).contains("Bob after Carol left"));
                Thread.sleep(500); // give Carol's node time to try whatever it got
                assertThat(texts(carol, id)).containsExactlyInAnyOrderElementsOf(all);
            }
        }
    }
}
