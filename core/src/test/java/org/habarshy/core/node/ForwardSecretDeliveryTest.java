package org.habarshy.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageContent;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.api.message.RatchetContent;
import org.habarshy.core.crypto.EnvelopeOpener;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.crypto.RatchetHeader;
import org.habarshy.core.message.EnvelopeIngest;
import org.habarshy.core.message.Inbox;
import org.habarshy.core.store.EnvelopeRef;
import org.habarshy.core.store.RatchetSessionStore;
import org.habarshy.core.store.StoredEnvelope;
import org.habarshy.core.sync.EnvelopeRecord;
import org.habarshy.core.wire.ContentCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1:1 messages in forward-secret sessions between two real accounts (identity files, SQLite), with envelopes
 * carried by hand through the real receive path so that order and loss are chosen by the test.
 */
class ForwardSecretDeliveryTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path aliceDir;
    @TempDir
    Path bobDir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void reorderedAndLostEnvelopesAreToleratedAndReceiptsStillWork() throws Exception {
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            befriend(alice, bob);
            List<EnvelopeId> sent = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                sent.add(alice.send("bob", "message " + i));
            }
            for (int index : new int[] {3, 1, 4, 0}) { // message 3 (index 2) is held back
                carry(alice, bob, sent.get(index));
            }
            assertThat(texts(bob)).containsExactlyInAnyOrder("message 1", "message 2", "message 4", "message 5");

            carryAll(bob, alice); // the delivery receipts
            assertThat(states(alice, sent)).containsExactly(MessageState.DELIVERED, MessageState.DELIVERED,
                    MessageState.QUEUED, MessageState.DELIVERED, MessageState.DELIVERED);

            EnvelopeId reply = bob.send("alice", "reply");
            carry(bob, alice, reply);
            EnvelopeId afterReply = alice.send("bob", "after the reply");
            carry(alice, bob, afterReply);
            carry(alice, bob, sent.get(2)); // the late one, from the first sending chain
            assertThat(texts(bob)).contains("after the reply", "message 3");
            carryAll(bob, alice);
            assertThat(states(alice, sent)).containsOnly(MessageState.DELIVERED);
            assertThat(sessions(alice, bob)).isEqualTo(1);
            assertThat(sessions(bob, alice)).isEqualTo(1);
        }
    }

    @Test
    void theSealedEnvelopeCarriesOnlyARatchetMessage() throws Exception {
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            befriend(alice, bob);
            EnvelopeId id = alice.send("bob", "not in the envelope's plaintext");
            StoredEnvelope envelope = stored(alice, id);
            OpenedEnvelope opened = new EnvelopeOpener(bob.keys().agreement()).open(envelope.bytes()).orElseThrow();
            MessageContent content = new ContentCodec().decode(opened.content());
            assertThat(content).isInstanceOf(RatchetContent.class);
            byte[] ratchet = ((RatchetContent) content).message();
            assertThat(RatchetHeader.parse(ratchet).start()).isTrue();
            byte[] text = "not in the envelope's plaintext".getBytes(StandardCharsets.UTF_8);
            assertThat(indexOf(opened.content(), text)).isNegative();
        }
    }

    @Test
    void simultaneousStartsOnBothSidesStillDeliverEverything() throws Exception {
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            befriend(alice, bob);
            EnvelopeId fromAlice = alice.send("bob", "hi from Alice");
            EnvelopeId fromBob = bob.send("alice", "hi from Bob");
            carry(alice, bob, fromAlice);
            carry(bob, alice, fromBob);
            for (int round = 0; round < 3; round++) {
                carry(alice, bob, alice.send("bob", "alice " + round));
                carry(bob, alice, bob.send("alice", "bob " + round));
            }
            assertThat(texts(bob)).contains("hi from Alice", "alice 0", "alice 1", "alice 2");
            assertThat(texts(alice)).contains("hi from Bob", "bob 0", "bob 1", "bob 2");
            assertThat(sessions(alice, bob)).isEqualTo(2);
        }
    }

    @Test
    void sessionsSurviveReopeningAndAreForgottenWhenTheKeyIsReplaced() throws Exception {
        String bobCode;
        try (Account alice = Account.create(aliceDir, "Alice", clock);
             Account bob = Account.create(bobDir, "Bob", clock)) {
            befriend(alice, bob);
            bobCode = bob.contactCode();
            carry(alice, bob, alice.send("bob", "before restart"));
        }
        try (Account alice = Account.open(aliceDir, clock); Account bob = Account.open(bobDir, clock)) {
            carry(bob, alice, bob.send("alice", "after restart"));
            carry(alice, bob, alice.send("bob", "again"));
            assertThat(texts(bob)).contains("before restart", "again");
            assertThat(texts(alice)).contains("after restart");
            assertThat(sessions(alice, bob)).isEqualTo(1);

            try (Account newBob = Account.create(aliceDir.resolve("new-bob"), "Bob", clock)) {
                alice.addContact(newBob.contactCode(), "bob", true);
            }
            assertThat(sessions(alice, bob)).isZero();
            assertThat(bobCode).isNotBlank();
        }
    }

    private static void befriend(Account a, Account b) throws Exception {
        a.addContact(b.contactCode(), b.card().name().toLowerCase(java.util.Locale.ROOT));
        b.addContact(a.contactCode(), a.card().name().toLowerCase(java.util.Locale.ROOT));
    }

    private void carry(Account from, Account to, EnvelopeId id) throws Exception {
        new Courier(clock).carry(from, to, id);
    }

    private void carryAll(Account from, Account to) throws Exception {
        new Courier(clock).carryAll(from, to);
    }

    /** Carries envelopes by hand from one account's store to another's real receive path. */
    static final class Courier {
        private final Clock clock;

        Courier(Clock clock) {
            this.clock = clock;
        }

        /** Hands one envelope from {@code from} to {@code to}'s receive path and waits until it was handled. */
        void carry(Account from, Account to, EnvelopeId id) throws Exception {
            StoredEnvelope envelope = stored(from, id);
            EnvelopeIngest ingest = ingest(to);
            Account.call(to.storeExecutor(), () -> ingest.receive(new EnvelopeRecord(envelope.bytes(), 0), "test"));
            for (int i = 0; i < 3; i++) {
                Account.call(to.storeExecutor(), () -> null);
            }
        }

        void carryAll(Account from, Account to) throws Exception {
            List<EnvelopeRef> refs = Account.call(from.storeExecutor(),
                    () -> from.database().read(t -> from.envelopes().liveAfter(t, 0, clock.millis(), 10_000)));
            for (EnvelopeRef ref : refs) {
                carry(from, to, ref.id());
            }
        }

        private EnvelopeIngest ingest(Account to) {
            Inbox inbox = new Inbox(to.database(), to.envelopes(), to.messageStore(), to.outbox(), DIRECT,
                    to.storeExecutor(), () -> { }, clock, to.forwardSecrecy());
            return new EnvelopeIngest(to.database(), to.envelopes(), new EnvelopeOpener(to.keys().agreement()),
                    inbox, DIRECT, to.storeExecutor(), () -> { }, clock);
        }
    }

    private static StoredEnvelope stored(Account account, EnvelopeId id) throws Exception {
        return Account.call(account.storeExecutor(),
                () -> account.database().read(t -> account.envelopes().find(t, id))).orElseThrow();
    }

    private static List<String> texts(Account account) throws Exception {
        return account.messages(Optional.empty()).stream()
                .filter(m -> m.direction() == org.habarshy.core.api.message.Direction.INCOMING)
                .map(Message::text).toList();
    }

    private static List<MessageState> states(Account account, List<EnvelopeId> ids) throws Exception {
        List<Message> all = account.messages(Optional.empty());
        List<MessageState> states = new ArrayList<>();
        for (EnvelopeId id : ids) {
            states.add(all.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow().state());
        }
        return states;
    }

    private static int sessions(Account owner, Account peer) throws Exception {
        return Account.call(owner.storeExecutor(), () -> owner.database().read(
                t -> new RatchetSessionStore().count(t, peer.card().identityKey())));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
