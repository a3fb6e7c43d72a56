package org.habarshy.core.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.habarshy.core.api.attachment.AttachmentLimits;
import org.habarshy.core.api.identity.Contact;
import org.habarshy.core.crypto.EnvelopeSealer;
import org.habarshy.core.crypto.StorageCipher;
import org.habarshy.core.identity.IdentityKeys;
import org.habarshy.core.message.ForwardSecrecy;
import org.habarshy.core.message.Outbox;
import org.habarshy.core.store.ContactStore;
import org.habarshy.core.store.Database;
import org.habarshy.core.store.EnvelopeStore;
import org.habarshy.core.store.FieldCipher;
import org.habarshy.core.store.MessageStore;
import org.habarshy.core.store.RatchetSessionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sender keeps fewer file envelopes on their way to one contact than a receiver can skip in one ratchet chain, so
 * each can be decrypted in any arrival order: beyond {@link AttachmentLimits#MAX_OUTSTANDING_PARTS} sending is
 * refused with a clear error and nothing is queued (real SQLite, real sealing; 1 KiB chunks keep the files small).
 */
class OutstandingLimitTest {
    @TempDir
    Path dir;

    @Test
    void sendingBeyondTheOutstandingLimitIsRefusedWithoutQueueingAnything() throws Exception {
        SecureRandom random = new SecureRandom();
        Clock clock = Clock.systemUTC();
        IdentityKeys me = IdentityKeys.generate("Me", random, clock.millis());
        IdentityKeys bob = IdentityKeys.generate("Bob", random, clock.millis());
        StorageCipher storage = StorageCipher.of(me.agreement(), random);
        FieldCipher cipher = new FieldCipher() {
            @Override
            public byte[] seal(byte[] context, byte[] plaintext) {
                return storage.seal(context, plaintext);
            }

            @Override
            public byte[] open(byte[] context, byte[] sealed) throws GeneralSecurityException {
                return storage.open(context, sealed);
            }
        };
        ExecutorService store = Executors.newSingleThreadExecutor();
        Database db = store.submit(() -> Database.open(dir.resolve("me.db"))).get();
        try {
            EnvelopeStore envelopes = new EnvelopeStore();
            Outbox outbox = new Outbox(new EnvelopeSealer(me.signing(), me.agreement(), random), envelopes,
                    new MessageStore(cipher), clock);
            Attachments attachments = new Attachments(db, store, cipher, envelopes, new ContactStore(), outbox,
                    new ForwardSecrecy(me.agreement(), new RatchetSessionStore(cipher), random, clock), random, clock,
                    () -> { }, t -> true, 1024);
            Contact contact = new Contact("bob", bob.card(), clock.millis());
            Path file = Files.write(dir.resolve("a.bin"), new byte[250 * 1024]);

            for (int i = 0; i < 3; i++) {
                attachments.sendFiles(contact, List.of(file)); // 251 envelopes each: 753
            }
            assertThatThrownBy(() -> attachments.sendFiles(contact, List.of(file)))
                    .isInstanceOf(AttachmentException.class).hasMessageContaining("still on its way")
                    .satisfies(e -> assertThat(((AttachmentException) e).reason())
                            .isEqualTo(AttachmentException.Reason.TOO_LARGE));
            assertThatThrownBy(() -> attachments.sendReport(contact, "Title", "", List.of(file)))
                    .isInstanceOf(AttachmentException.class);
            assertThat(attachments.list(Optional.empty())).hasSize(3);
            assertThat(attachments.reports()).isEmpty();
            Path small = Files.write(dir.resolve("b.bin"), new byte[100 * 1024]);
            assertThat(attachments.sendFiles(contact, List.of(small))).as("101 more still fit (854)").hasSize(1);
        } finally {
            store.submit(db::close).get();
            store.shutdown();
        }
    }
}
