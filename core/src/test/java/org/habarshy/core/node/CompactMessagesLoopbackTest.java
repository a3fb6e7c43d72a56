package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.message.CompactOutbox;
import org.habarshy.core.testing.Await;
import org.habarshy.core.testing.SmsCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compact messages between two real nodes over loopback TCP: the carrier envelope is carried like any envelope, the
 * recipient opens it with its contacts' keys, shows it in the conversation, and its compact receipt marks the
 * sender's copy delivered. A third node that is not the recipient only carries it.
 */
class CompactMessagesLoopbackTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private static NodeConfig loopback() {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
    }

    private static Optional<Message> find(Account account, org.habarshy.core.api.message.EnvelopeId id)
            throws Exception {
        return account.messages(Optional.empty()).stream().filter(m -> m.id().equals(id)).findFirst();
    }

    @Test
    void aCompactMessageIsShownInTheConversationAndItsCompactReceiptComesBack() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(dir.resolve("alice"), "Alice", clock);
             Account bob = Account.create(dir.resolve("bob"), "Bob", clock);
             Account carol = Account.create(dir.resolve("carol"), "Carol", clock)) {
            alice.addContact(bob.contactCode(), "bob");
            bob.addContact(alice.contactCode(), "alice");
            carol.addContact(alice.contactCode(), "alice"); // knows Alice, but the message is not for her
            String text = SmsCorpus.messages("kk").get(3);
            CompactOutbox.Queued sent = alice.sendCompact("bob", text);
            assertThat(sent.smsSegments()).isLessThanOrEqualTo(2);

            try (Node carolNode = Node.start(carol, loopback());
                 Node bobNode = Node.start(bob, loopback());
                 Node aliceNode = Node.start(alice, loopback())) {
                aliceNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), carolNode.port()));
                carolNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), bobNode.port()));
                Await.until("Bob shows the compact message", LIMIT,
                        () -> bob.messages(Optional.of("alice")).stream().anyMatch(m -> m.text().equals(text)));
                Await.until("Alice sees it delivered by a compact receipt", LIMIT,
                        () -> find(alice, sent.id()).map(Message::state).orElseThrow() == MessageState.DELIVERED);
                Message received = find(bob, sent.id()).orElseThrow();
                assertThat(received.direction()).isEqualTo(Direction.INCOMING);
                assertThat(received.peer()).isEqualTo(alice.card().identityKey());
                assertThat(carol.messages(Optional.empty())).as("carol only carried it").isEmpty();
            }
        }
    }

    @Test
    void compactMessagesRefuseADisappearingTimerAnUnknownContactAndAnEmptyText() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(dir.resolve("alice"), "Alice", clock);
             Account bob = Account.create(dir.resolve("bob"), "Bob", clock)) {
            alice.addContact(bob.contactCode(), "bob");
            assertThatThrownBy(() -> alice.sendCompact("nobody", "x")).isInstanceOf(UnknownContactException.class);
            assertThatThrownBy(() -> alice.sendCompact("bob", "")).isInstanceOf(IllegalArgumentException.class);
            alice.setDisappearingTimer("bob", Duration.ofHours(1));
            assertThatThrownBy(() -> alice.sendCompact("bob", "secret"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("disappearing");
            assertThat(alice.messages(Optional.empty())).isEmpty();
        }
    }
}
