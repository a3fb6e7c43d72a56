package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.message.Outbox;
import org.habarshy.core.store.PendingOpenStore;
import org.habarshy.core.store.StoredEnvelope;
import org.habarshy.core.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node killed after storing a received envelope but before opening it must open it at the next
 * start. The crash is reproduced by writing exactly what the receive path commits first.
 */
class PendingOpenResumeTest {
    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;

    @Test
    void opensEnvelopesLeftPendingByACrash() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            Contact bobContact = alice.addContact(bob.contactCode(), "bob");
            bob.addContact(alice.contactCode(), "alice");
            Outbox.Sealed sealed = alice.outbox().sealText(bobContact, "Stored before the crash");
            PendingOpenStore pending = new PendingOpenStore();
            Account.call(bob.storeExecutor(), () -> bob.database().write(t -> {
                bob.envelopes().insert(t, sealed.envelope());
                pending.add(t, sealed.envelope().id());
                return null;
            }));
            assertThat(bob.messages(Optional.empty())).isEmpty();

            NodeConfig config = new NodeConfig(Optional.of(InetAddress.getLoopbackAddress()), 0, List.of(), false);
            try (Node node = Node.start(bob, config)) {
                Await.until("the pending envelope opened", Duration.ofSeconds(30),
                        () -> bob.messages(Optional.empty()).size() == 1);
            }
            assertThat(bob.messages(Optional.of("alice"))).extracting(Message::text)
                    .containsExactly("Stored before the crash");
            List<StoredEnvelope> left = Account.call(bob.storeExecutor(),
                    () -> bob.database().read(t -> pending.pending(t, 10)));
            assertThat(left).isEmpty();
        }
    }
}
