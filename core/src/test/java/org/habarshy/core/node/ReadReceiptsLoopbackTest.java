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

/** Read receipts between two real nodes on loopback TCP with real SQLite files, and the switch that stops them. */
class ReadReceiptsLoopbackTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;

    private static NodeConfig loopback() {
        return new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
    }

    private static MessageState state(Account account, EnvelopeId id) throws Exception {
        return account.messages(Optional.empty()).stream().filter(m -> m.id().equals(id)).findFirst()
                .map(Message::state).orElseThrow();
    }

    private static long ownEnvelopes(Account account) throws Exception {
        return Account.call(account.storeExecutor(), () -> account.database().read(t ->
                account.envelopes().count(t) - account.envelopes().totals(t).carried()));
    }

    @Test
    void readingAConversationTellsTheSenderUnlessTurnedOff() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            alice.addContact(bob.contactCode(), "bob");
            bob.addContact(alice.contactCode(), "alice");
            assertThat(bob.readReceipts()).isTrue();
            EnvelopeId first = alice.send("bob", "read me");
            try (Node bobNode = Node.start(bob, loopback());
                 Node aliceNode = Node.start(alice, loopback())) {
                aliceNode.addPeer(new InetSocketAddress(InetAddress.getLoopbackAddress(), bobNode.port()));
                Await.until("delivered", LIMIT, () -> state(alice, first) == MessageState.DELIVERED);
                assertThat(state(bob, first)).isEqualTo(MessageState.DELIVERED);

                assertThat(bob.markRead("alice")).isEqualTo(1);
                assertThat(state(bob, first)).isEqualTo(MessageState.READ);
                Await.until("read receipt reached Alice", LIMIT, () -> state(alice, first) == MessageState.READ);
                assertThat(bob.markRead("alice")).as("nothing left unread").isZero();

                bob.setReadReceipts(false);
                EnvelopeId second = alice.send("bob", "read me quietly");
                Await.until("second delivered", LIMIT, () -> state(alice, second) == MessageState.DELIVERED);
                long ownBefore = ownEnvelopes(bob);
                assertThat(bob.markRead("alice")).isEqualTo(1);
                assertThat(state(bob, second)).isEqualTo(MessageState.READ);
                assertThat(ownEnvelopes(bob)).as("no receipt was sealed").isEqualTo(ownBefore);
                assertThat(state(alice, second)).isEqualTo(MessageState.DELIVERED);
            }
        }
    }
}
