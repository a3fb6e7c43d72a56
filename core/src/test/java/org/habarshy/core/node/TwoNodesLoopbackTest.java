package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real nodes, separate data directories, real TCP on loopback, real SQLite files. */
class TwoNodesLoopbackTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;

    private static NodeConfig loopback() throws Exception {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
    }

    private static Optional<Message> find(Account account, EnvelopeId id) throws Exception {
        return account.messages(Optional.empty()).stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Test
    void exchangeMessagesBothWaysAndSeeThemDelivered() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            alice.addContact(bob.contactCode(), "bob");
            bob.addContact(alice.contactCode(), "alice");
            EnvelopeId queuedBeforeRun = alice.send("bob", "Сәлем, Бақыт! Written before any node ran.");

            try (Node bobNode = Node.start(bob, loopback());
                 Node aliceNode = Node.start(alice, loopback())) {
                aliceNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), bobNode.port()));
                Await.until("alice's first message delivered", LIMIT,
                        () -> find(alice, queuedBeforeRun).map(Message::state).orElseThrow() == MessageState.DELIVERED);

                NodeStatus bobStatus = bobNode.currentStatus();
                assertThat(bobStatus.links()).hasSize(1);
                assertThat(bobStatus.envelopes().held()).isGreaterThanOrEqualTo(2);
                assertThat(bobStatus.bytesIn()).isPositive();
                assertThat(new StatusFile(bobDir).read()).isPresent();

                EnvelopeId reply = bob.send("alice", "Привет! Received, thanks.");
                EnvelopeId live = alice.send("bob", "Live message while linked");
                Await.until("both live messages delivered", LIMIT,
                        () -> find(bob, reply).map(Message::state).orElseThrow() == MessageState.DELIVERED
                                && find(alice, live).map(Message::state).orElseThrow() == MessageState.DELIVERED);
            }

            assertThat(new StatusFile(bobDir).read()).as("status file removed at stop").isEmpty();
            List<Message> bobSees = bob.messages(Optional.of("alice"));
            assertThat(bobSees).extracting(Message::text).containsExactlyInAnyOrder(
                    "Сәлем, Бақыт! Written before any node ran.", "Привет! Received, thanks.",
                    "Live message while linked");
            assertThat(bobSees).filteredOn(m -> m.direction() == Direction.INCOMING)
                    .allSatisfy(m -> assertThat(m.peer()).isEqualTo(alice.card().identityKey()));
        }
    }

    @Test
    void historySurvivesARestart() throws Exception {
        Clock clock = Clock.systemUTC();
        EnvelopeId id;
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            alice.addContact(bob.contactCode(), "bob");
            bob.addContact(alice.contactCode(), "alice");
            id = alice.send("bob", "Remember me");
            try (Node bobNode = Node.start(bob, loopback());
                 Node aliceNode = Node.start(alice, loopback())) {
                aliceNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), bobNode.port()));
                Await.until("delivered", LIMIT,
                        () -> find(alice, id).map(Message::state).orElseThrow() == MessageState.DELIVERED);
            }
        }
        try (Account alice = Account.open(aliceDir, clock); Account bob = Account.open(bobDir, clock)) {
            assertThat(find(alice, id)).get().extracting(Message::state).isEqualTo(MessageState.DELIVERED);
            assertThat(find(bob, id)).get().satisfies(m -> {
                assertThat(m.text()).isEqualTo("Remember me");
                assertThat(m.direction()).isEqualTo(Direction.INCOMING);
            });
            assertThat(bob.contacts()).extracting(c -> c.alias()).containsExactly("alice");
        }
    }
}
