package org.habarshy.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.api.message.ReceiptContent;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.OpenedEnvelope;
import org.habarshy.core.identity.IdentityKeys;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.MessageStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receipts change a message's state only when they come from its recipient. */
class InboxTest {
    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    /** An opened receipt envelope as the opener would return it after verifying {@code author}'s signature. */
    private static OpenedEnvelope receiptFrom(IdentityKeys author) {
        return new OpenedEnvelope(new EnvelopeId(new byte[32]), author.card().identityKey(),
                author.card().agreementKey(), new byte[0], 0, 1);
    }

    @Test
    void onlyTheRecipientsReceiptMarksAMessageDelivered() throws Exception {
        IdentityKeys alice = IdentityKeys.generate("Alice", random, clock.millis());
        IdentityKeys bob = IdentityKeys.generate("Bob", random, clock.millis());
        IdentityKeys mallory = IdentityKeys.generate("Mallory", random, clock.millis());
        EnvelopeStore envelopes = new EnvelopeStore();
        MessageStore messages = new MessageStore();
        try (Database db = Database.open(dir.resolve("alice.db"))) {
            Outbox outbox = new Outbox(new EnvelopeSealer(alice.signing(), alice.agreement(), random), envelopes,
                    messages, clock);
            Contact bobContact = new Contact("bob", bob.card(), clock.millis());
            Outbox.Sealed sealed = outbox.sealText(bobContact, "hello Bob");
            EnvelopeId id = db.write(t -> outbox.queueText(t, bobContact, sealed));
            Inbox inbox = new Inbox(db, envelopes, messages, outbox, DIRECT, DIRECT, () -> { }, clock);
            ReceiptContent receipt = new ReceiptContent(List.of(id));

            inbox.accept(receiptFrom(mallory), receipt);
            assertThat(state(db, messages, id)).isEqualTo(MessageState.QUEUED);

            inbox.accept(receiptFrom(bob), receipt);
            assertThat(state(db, messages, id)).isEqualTo(MessageState.DELIVERED);

            ReceiptContent read = new ReceiptContent(ReceiptContent.Kind.READ, List.of(id));
            inbox.accept(receiptFrom(mallory), read);
            assertThat(state(db, messages, id)).isEqualTo(MessageState.DELIVERED);
            inbox.accept(receiptFrom(bob), read);
            assertThat(state(db, messages, id)).isEqualTo(MessageState.READ);
            // States only move forward: a late delivery receipt changes nothing.
            inbox.accept(receiptFrom(bob), receipt);
            assertThat(state(db, messages, id)).isEqualTo(MessageState.READ);
        }
    }

    private static MessageState state(Database db, MessageStore messages, EnvelopeId id) throws Exception {
        return db.read(t -> messages.find(t, id)).orElseThrow().state();
    }
}
