package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.core.store.StoreFixtures.envelopeId;
import static org.habarshy.core.store.StoreFixtures.identityKey;
import static org.habarshy.core.store.StoreFixtures.message;
import static org.habarshy.core.store.StoreFixtures.scalar;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.Message;
import org.habarshy.core.api.message.MessageState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageStoreTest {
    @TempDir
    Path dir;

    private final MessageStore store = new MessageStore();
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
    void roundTripsBothDirections() throws Exception {
        Message out = new Message(envelopeId(1), Direction.OUTGOING, identityKey(2), "héllo ✓ 😀", 123,
                MessageState.QUEUED);
        Message in = message(2, Direction.INCOMING, 3, 456, MessageState.DELIVERED);
        assertThat(insert(out)).isTrue();
        assertThat(insert(in)).isTrue();
        assertThat(find(1)).contains(out);
        assertThat(find(2)).contains(in);
        assertThat(find(3)).isEmpty();
    }

    @Test
    void secondInsertOfSameIdIsIgnored() throws Exception {
        Message first = message(1, Direction.INCOMING, 2, 10, MessageState.DELIVERED);
        Message other = new Message(envelopeId(1), Direction.OUTGOING, identityKey(5), "other", 99,
                MessageState.QUEUED);
        assertThat(insert(first)).isTrue();
        assertThat(insert(other)).isFalse();
        assertThat(find(1)).contains(first);
    }

    @Test
    void statesOnlyMoveForward() throws Exception {
        insert(message(1, Direction.OUTGOING, 2, 10, MessageState.QUEUED));
        assertThat(advance(1, MessageState.QUEUED)).isFalse();
        assertThat(advance(1, MessageState.SENT_TO_PEER)).isTrue();
        assertThat(advance(1, MessageState.SENT_TO_PEER)).isFalse();
        assertThat(advance(1, MessageState.QUEUED)).isFalse();
        assertThat(find(1).map(Message::state)).contains(MessageState.SENT_TO_PEER);
        assertThat(advance(1, MessageState.DELIVERED)).isTrue();
        assertThat(advance(1, MessageState.SENT_TO_PEER)).isFalse();
        assertThat(find(1).map(Message::state)).contains(MessageState.DELIVERED);

        insert(message(2, Direction.OUTGOING, 2, 10, MessageState.QUEUED));
        assertThat(advance(2, MessageState.DELIVERED)).as("may skip states").isTrue();
        assertThat(advance(3, MessageState.DELIVERED)).as("unknown id").isFalse();
    }

    @Test
    void enumsAreStoredByName() throws Exception {
        insert(message(1, Direction.OUTGOING, 2, 10, MessageState.SENT_TO_PEER));
        assertThat(scalar(db, "SELECT direction || '/' || state FROM messages")).isEqualTo("OUTGOING/SENT_TO_PEER");
    }

    @Test
    void listsBySentTimeThenInsertionOrderOptionallyForOnePeer() throws Exception {
        Message a = message(1, Direction.OUTGOING, 7, 300, MessageState.QUEUED);
        Message b = message(2, Direction.INCOMING, 8, 100, MessageState.DELIVERED);
        Message c = message(3, Direction.INCOMING, 7, 200, MessageState.DELIVERED);
        Message d = message(4, Direction.OUTGOING, 7, 200, MessageState.QUEUED);
        Message e = message(5, Direction.INCOMING, 7, 200, MessageState.DELIVERED);
        for (Message m : List.of(a, b, d, c, e)) {
            insert(m);
        }
        List<Message> all = db.read(t -> store.list(t, Optional.empty()));
        List<Message> with7 = db.read(t -> store.list(t, Optional.of(identityKey(7))));
        List<Message> with9 = db.read(t -> store.list(t, Optional.of(identityKey(9))));
        assertThat(all).containsExactly(b, d, c, e, a);
        assertThat(with7).containsExactly(d, c, e, a);
        assertThat(with9).isEmpty();
    }

    private boolean insert(Message m) throws StoreException {
        return db.write(t -> store.insert(t, m, 1_000));
    }

    private Optional<Message> find(int n) throws StoreException {
        return db.read(t -> store.find(t, envelopeId(n)));
    }

    private boolean advance(int n, MessageState s) throws StoreException {
        return db.write(t -> store.advanceState(t, envelopeId(n), s));
    }
}
