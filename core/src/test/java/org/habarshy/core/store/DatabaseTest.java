package org.habarshy.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.habarshy.core.store.StoreFixtures.envelope;
import static org.habarshy.core.store.StoreFixtures.envelopeId;
import static org.habarshy.core.store.StoreFixtures.scalar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.habarshy.core.api.message.Direction;
import org.habarshy.core.api.message.MessageState;
import org.habarshy.core.store.StoreException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private final EnvelopeStore envelopes = new EnvelopeStore();
    private Path file;
    private Database db;

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("habarshy.db");
        db = Database.open(file);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void opensWithWalFullSyncForeignKeysAndCurrentSchema() throws Exception {
        assertThat(file).exists();
        assertThat(scalar(db, "PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(scalar(db, "PRAGMA synchronous")).isEqualTo("2");
        assertThat(scalar(db, "PRAGMA foreign_keys")).isEqualTo("1");
        assertThat(scalar(db, "PRAGMA busy_timeout")).isEqualTo("5000");
        assertThat(scalar(db, "PRAGMA user_version")).isEqualTo("2");
        assertThat(scalar(db, "PRAGMA application_id")).isEqualTo(String.valueOf(SchemaMigrator.APPLICATION_ID));
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateAgain() throws Exception {
        db.write(t -> envelopes.insert(t, envelope(1, 5_000)));
        db.close();
        db = Database.open(file);
        assertThat(count(db)).isEqualTo(1);
        assertThat(scalar(db, "PRAGMA user_version")).isEqualTo("2");
    }

    @Test
    void writeReturnsTheBodyResultAndCommits() throws Exception {
        assertThat(insert(db, 1)).isTrue();
        try (Database other = Database.open(file)) {
            assertThat(contains(other, 1)).isTrue();
        }
    }

    @Test
    void afterCommitActionsRunInOrderOnlyOnceCommitted() throws Exception {
        List<String> events = new ArrayList<>();
        try (Database other = Database.open(file)) {
            db.write(t -> {
                envelopes.insert(t, envelope(1, 5_000));
                t.afterCommit(() -> events.add("first, visible elsewhere=" + visible(other)));
                t.afterCommit(() -> events.add("second"));
                events.add("body done");
                return null;
            });
        }
        assertThat(events).containsExactly("body done", "first, visible elsewhere=true", "second");
    }

    @Test
    void afterCommitActionsDoNotRunOnRollback() {
        List<String> events = new ArrayList<>();
        assertThatThrownBy(() -> db.write(t -> {
            t.afterCommit(() -> events.add("ran"));
            throw new StoreException(Reason.IO, "boom");
        })).isInstanceOf(StoreException.class).hasMessage("boom");
        assertThatThrownBy(() -> db.write(t -> {
            t.afterCommit(() -> events.add("ran"));
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("bug");
        assertThat(events).isEmpty();
    }

    @Test
    void exceptionInBodyRollsBackEveryStoreWrite() throws Exception {
        MessageStore messages = new MessageStore();
        ContactStore contacts = new ContactStore();
        PeerStore peers = new PeerStore();
        StoreException thrown = new StoreException(Reason.IO, "stop");
        assertThatThrownBy(() -> db.write(t -> {
            envelopes.insert(t, envelope(1, 5_000));
            messages.insert(t, StoreFixtures.message(1, Direction.OUTGOING, 2, 1,
                    MessageState.QUEUED), 5);
            contacts.add(t, StoreFixtures.contact("bob", 2));
            peers.remember(t, "10.0.0.2", 7000, 9);
            throw thrown;
        })).isSameAs(thrown);
        assertThat(count(db)).isZero();
        List<?> stored = db.read(t -> messages.list(t, Optional.empty()));
        assertThat(stored).isEmpty();
        stored = db.read(t -> contacts.all(t));
        assertThat(stored).isEmpty();
        stored = db.read(t -> peers.recent(t, 0, 10));
        assertThat(stored).isEmpty();
    }

    @Test
    void runtimeExceptionPropagatesAfterRollbackAndDatabaseStaysUsable() throws Exception {
        RuntimeException bug = new IllegalArgumentException("bug");
        assertThatThrownBy(() -> db.write(t -> {
            envelopes.insert(t, envelope(1, 5_000));
            throw bug;
        })).isSameAs(bug);
        assertThat(count(db)).isZero();
        assertThat(insert(db, 1)).isTrue();
    }

    @Test
    void failingAfterCommitActionPropagatesButTheCommitStands() throws Exception {
        List<String> events = new ArrayList<>();
        assertThatThrownBy(() -> db.write(t -> {
            envelopes.insert(t, envelope(1, 5_000));
            t.afterCommit(() -> {
                throw new IllegalStateException("listener failed");
            });
            t.afterCommit(() -> events.add("still ran"));
            return null;
        })).hasMessage("listener failed");
        assertThat(events).containsExactly("still ran");
        assertThat(count(db)).isEqualTo(1);
    }

    @Test
    void transactionCannotBeUsedAfterItEnds() throws Exception {
        Transaction[] leaked = new Transaction[1];
        db.write(t -> leaked[0] = t);
        assertThatThrownBy(() -> leaked[0].afterCommit(() -> { })).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> envelopes.count(leaked[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nestedTransactionsAreRefused() throws Exception {
        assertThatThrownBy(() -> db.write(t -> db.read(u -> 1))).isInstanceOf(IllegalStateException.class);
        assertThat(insert(db, 1)).isTrue();
    }

    @Test
    void readTransactionsRefuseWritesAndLeaveTheDatabaseWritable() throws Exception {
        assertThatThrownBy(() -> db.read(t -> envelopes.insert(t, envelope(1, 5_000))))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IO));
        assertThat(insert(db, 1)).isTrue();
    }

    @Test
    void writeLockHeldByAnotherConnectionFailsWithBusyAfterTheTimeout() throws Exception {
        try (Database other = Database.open(file, 200)) {
            db.write(t -> {
                envelopes.insert(t, envelope(1, 5_000));
                assertThatThrownBy(() -> other.write(u -> envelopes.insert(u, envelope(2, 5_000))))
                        .isInstanceOfSatisfying(StoreException.class, e -> {
                            assertThat(e.reason()).isEqualTo(Reason.BUSY);
                            assertThat(e).hasMessage("database file habarshy.db is in use by another process;"
                                    + " try again");
                        });
                return null;
            });
            assertThat(insert(other, 2)).isTrue();
        }
    }

    @Test
    void closedDatabaseRefusesUseAndCloseIsIdempotent() {
        db.close();
        db.close();
        assertThatThrownBy(() -> db.read(t -> 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.dataVersion()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void missingFolderGivesAClearIoError() {
        Path missing = dir.resolve("no-such-folder").resolve("x.db");
        assertThatThrownBy(() -> Database.open(missing))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.IO);
                    assertThat(e).hasMessageContaining("x.db");
                });
        assertThat(Files.exists(missing.getParent())).isFalse();
    }

    private long count(Database d) throws StoreException {
        return d.read(t -> envelopes.count(t));
    }

    private boolean contains(Database d, int n) throws StoreException {
        return d.read(t -> envelopes.contains(t, envelopeId(n)));
    }

    private boolean insert(Database d, int n) throws StoreException {
        return d.write(t -> envelopes.insert(t, envelope(n, 5_000)));
    }

    private boolean visible(Database other) {
        try {
            return contains(other, 1);
        } catch (StoreException e) {
            throw new AssertionError(e);
        }
    }
}
