package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habarshy.core.store.StoreFixtures.envelopeId;
import static org.habarshy.core.store.StoreFixtures.message;
import static org.habarshy.core.store.StoreFixtures.scalar;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.crypto.AgreementKeyPair;
import org.habarshy.core.crypto.StorageCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message text sealed with the real storage cipher, disappearing messages, and sealed text that does not open. */
class SealedMessageStoreTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("messages.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void textIsSealedInTheRowAndReadBackOnlyWithTheSameKey() throws Exception {
        AgreementKeyPair identity = AgreementKeyPair.generate(RANDOM);
        MessageStore sealed = new MessageStore(cipher(identity));
        Message m = message(1, Direction.INCOMING, 2, 100, MessageState.DELIVERED);
        db.write(t -> sealed.insert(t, m, 5));
        assertThat(scalar(db, "SELECT text FROM messages")).isEmpty();
        assertThat(scalar(db, "SELECT length(body) FROM messages"))
                .isEqualTo(String.valueOf(m.text().length() + StorageCipher.OVERHEAD));
        Optional<Message> found = db.read(t -> sealed.find(t, envelopeId(1)));
        assertThat(found).contains(m);

        MessageStore otherKey = new MessageStore(cipher(AgreementKeyPair.generate(RANDOM)));
        assertThatThrownBy(() -> db.read(t -> otherKey.list(t, Optional.empty())))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CORRUPT));
        MessageStore noKey = new MessageStore();
        assertThatThrownBy(() -> db.read(t -> noKey.find(t, envelopeId(1))))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void clearTextRowsAreSealedInBatches() throws Exception {
        MessageStore clear = new MessageStore();
        for (int i = 1; i <= 5; i++) {
            Message m = message(i, Direction.OUTGOING, 2, 100 + i, MessageState.QUEUED);
            db.write(t -> clear.insert(t, m, 5));
        }
        MessageStore sealed = new MessageStore(cipher(AgreementKeyPair.generate(RANDOM)));
        int first = db.write(t -> sealed.sealClearText(t, 3));
        int second = db.write(t -> sealed.sealClearText(t, 3));
        int third = db.write(t -> sealed.sealClearText(t, 3));
        assertThat(List.of(first, second, third)).containsExactly(3, 2, 0);
        assertThat(scalar(db, "SELECT count(*) FROM messages WHERE text <> '' OR body IS NULL")).isEqualTo("0");
        List<Message> all = db.read(t -> sealed.list(t, Optional.empty()));
        assertThat(all).extracting(Message::text).containsExactly("text 1", "text 2", "text 3", "text 4", "text 5");
    }

    @Test
    void disappearingMessagesAreHiddenOnceExpiredAndThenDeleted() throws Exception {
        MessageStore store = new MessageStore();
        Message keep = message(1, Direction.INCOMING, 2, 100, MessageState.DELIVERED);
        Message vanish = message(2, Direction.INCOMING, 2, 101, MessageState.DELIVERED);
        db.write(t -> store.insert(t, keep, 5, 0));
        db.write(t -> store.insert(t, vanish, 5, 1_000));
        List<Message> before = db.read(t -> store.list(t, Optional.empty(), 999));
        List<Message> at = db.read(t -> store.list(t, Optional.empty(), 1_000));
        assertThat(before).containsExactly(keep, vanish);
        assertThat(at).containsExactly(keep);
        int none = db.write(t -> store.deleteExpired(t, 999));
        int one = db.write(t -> store.deleteExpired(t, 1_000));
        assertThat(List.of(none, one)).containsExactly(0, 1);
        List<Message> left = db.read(t -> store.list(t, Optional.empty()));
        assertThat(left).containsExactly(keep);
    }

    private static FieldCipher cipher(AgreementKeyPair identity) {
        StorageCipher storage = StorageCipher.of(identity, RANDOM);
        return new FieldCipher() {
            @Override
            public byte[] seal(byte[] context, byte[] plaintext) {
                return storage.seal(context, plaintext);
            }

            @Override
            public byte[] open(byte[] context, byte[] sealed) throws GeneralSecurityException {
                return storage.open(context, sealed);
            }
        };
    }
}
