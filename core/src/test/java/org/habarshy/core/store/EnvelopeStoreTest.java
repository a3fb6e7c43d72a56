package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.habarshy.core.store.StoreFixtures.envelope;
import static org.habarshy.core.store.StoreFixtures.envelopeId;
import static org.habarshy.core.store.StoreFixtures.message;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.EnvelopeId;
import org.habarshy.core.api.message.MessageState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeStoreTest {
    @TempDir
    Path dir;

    private final EnvelopeStore store = new EnvelopeStore();
    private Database db;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(dir.resolve("envelopes.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void roundTripsEveryField() throws Exception {
        StoredEnvelope e = new StoredEnvelope(envelopeId(1), new byte[] {1, 2, 3}, 11, 22, 3, 44);
        boolean added = db.write(t -> store.insert(t, e));
        Optional<StoredEnvelope> found = db.read(t -> store.find(t, envelopeId(1)));
        assertThat(added).isTrue();
        assertThat(found).contains(e);
        assertThat(found.get().bytes()).containsExactly(1, 2, 3);
        Optional<StoredEnvelope> missing = db.read(t -> store.find(t, envelopeId(2)));
        assertThat(missing).isEmpty();
    }

    @Test
    void secondInsertOfSameIdIsIgnoredAndKeepsTheFirst() throws Exception {
        StoredEnvelope first = envelope(1, 5_000);
        StoredEnvelope other = new StoredEnvelope(envelopeId(1), new byte[] {9}, 1, 2, 3, 4);
        assertThat(insert(first)).isTrue();
        assertThat(insert(other)).isFalse();
        Optional<StoredEnvelope> found = db.read(t -> store.find(t, envelopeId(1)));
        assertThat(found).contains(first);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void containsAndCount() throws Exception {
        assertThat(count()).isZero();
        insert(envelope(1, 5_000));
        insert(envelope(2, 5_000));
        boolean has1 = db.read(t -> store.contains(t, envelopeId(1)));
        boolean has3 = db.read(t -> store.contains(t, envelopeId(3)));
        assertThat(has1).isTrue();
        assertThat(has3).isFalse();
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void absentHandlesMoreIdsThanOneInListAndKeepsOrder() throws Exception {
        db.write(t -> {
            for (int i = 0; i < 1_300; i += 2) {
                store.insert(t, envelope(i, 5_000));
            }
            return null;
        });
        List<EnvelopeId> asked = new ArrayList<>();
        List<EnvelopeId> expected = new ArrayList<>();
        for (int i = 1_299; i >= 0; i--) {
            asked.add(envelopeId(i));
            if (i % 2 == 1) {
                expected.add(envelopeId(i));
            }
        }
        asked.add(envelopeId(1)); // repeats collapse
        Set<EnvelopeId> absent = db.read(t -> store.absent(t, asked));
        assertThat(absent).containsExactlyElementsOf(expected);
        Set<EnvelopeId> none = db.read(t -> store.absent(t, List.of()));
        assertThat(none).isEmpty();
    }

    @Test
    void liveAfterPagesInSeqOrderAndSkipsExpired() throws Exception {
        for (int i = 0; i < 10; i++) {
            insert(envelope(i, i % 3 == 0 ? 100 : 1_000));
        }
        List<EnvelopeRef> all = db.read(t -> store.liveAfter(t, 0, 500, 100));
        assertThat(all).extracting(EnvelopeRef::id)
                .containsExactly(envelopeId(1), envelopeId(2), envelopeId(4), envelopeId(5), envelopeId(7),
                        envelopeId(8));
        assertThat(all).extracting(EnvelopeRef::seq).isSorted().doesNotHaveDuplicates();

        List<EnvelopeRef> firstPage = db.read(t -> store.liveAfter(t, 0, 500, 2));
        List<EnvelopeRef> secondPage = db.read(t -> store.liveAfter(t, firstPage.get(1).seq(), 500, 2));
        assertThat(firstPage).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(secondPage).containsExactlyElementsOf(all.subList(2, 4));

        List<EnvelopeRef> atExpiry = db.read(t -> store.liveAfter(t, 0, 1_000, 100));
        assertThat(atExpiry).as("expires_at > now").isEmpty();
    }

    @Test
    void maxSeqGrowsAndSeqsAreNeverReused() throws Exception {
        long empty = db.read(t -> store.maxSeq(t));
        assertThat(empty).isZero();
        insert(envelope(1, 100));
        insert(envelope(2, 100));
        long two = db.read(t -> store.maxSeq(t));
        db.write(t -> store.deleteExpired(t, 200));
        insert(envelope(3, 1_000));
        List<EnvelopeRef> refs = db.read(t -> store.liveAfter(t, 0, 0, 10));
        assertThat(refs).singleElement().satisfies(r -> assertThat(r.seq()).isGreaterThan(two));
        long max = db.read(t -> store.maxSeq(t));
        assertThat(max).isEqualTo(refs.get(0).seq());
    }

    @Test
    void deleteExpiredKeepsEnvelopesOfOwnQueuedMessages() throws Exception {
        MessageStore messages = new MessageStore();
        db.write(t -> {
            for (int i = 1; i <= 5; i++) {
                store.insert(t, envelope(i, 100));
            }
            store.insert(t, envelope(6, 1_000));
            messages.insert(t, message(1, Direction.OUTGOING, 9, 1, MessageState.QUEUED), 1);
            messages.insert(t, message(2, Direction.OUTGOING, 9, 1, MessageState.SENT_TO_PEER), 1);
            messages.insert(t, message(3, Direction.INCOMING, 9, 1, MessageState.DELIVERED), 1);
            return null;
        });
        int deleted = db.write(t -> store.deleteExpired(t, 500));
        assertThat(deleted).isEqualTo(4);
        Set<EnvelopeId> absent = db.read(t -> store.absent(t, List.of(envelopeId(1), envelopeId(2),
                envelopeId(3), envelopeId(4), envelopeId(5), envelopeId(6))));
        assertThat(absent).containsExactly(envelopeId(2), envelopeId(3), envelopeId(4), envelopeId(5));

        db.write(t -> messages.advanceState(t, envelopeId(1), MessageState.SENT_TO_PEER));
        int later = db.write(t -> store.deleteExpired(t, 500));
        assertThat(later).as("no longer queued").isEqualTo(1);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void storedEnvelopeCopiesItsBytes() {
        byte[] bytes = {1, 2, 3};
        StoredEnvelope e = new StoredEnvelope(envelopeId(1), bytes, 1, 2, 3, 4);
        bytes[0] = 9;
        e.bytes()[1] = 9;
        assertThat(e.bytes()).containsExactly(1, 2, 3);
        assertThat(e).isEqualTo(new StoredEnvelope(envelopeId(1), new byte[] {1, 2, 3}, 1, 2, 3, 4))
                .hasSameHashCodeAs(new StoredEnvelope(envelopeId(1), new byte[] {1, 2, 3}, 1, 2, 3, 4));
    }

    private boolean insert(StoredEnvelope e) throws StoreException {
        return db.write(t -> store.insert(t, e));
    }

    private long count() throws StoreException {
        return db.read(t -> store.count(t));
    }
}
